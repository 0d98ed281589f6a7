import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdminProviderDocument } from '@localkart/contracts/admin';
import { formatDateTime } from '@localkart/web-kit/format';
import { Button } from '@localkart/web-kit/ui/button';
import { Badge } from '@localkart/web-kit/ui/card';
import { useDocumentFileMutation } from './verification-api';

const tones = { pending: 'amber', verified: 'green', rejected: 'red' } as const;
const extensions: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};

/** One uploaded document: what it is, its state, the file, and the decisions on it. */
export const DocumentCard = ({
  document,
  onApprove,
  onReject,
}: {
  document: TAdminProviderDocument;
  onApprove: () => void;
  onReject: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const [fetchFile, { isLoading }] = useDocumentFileMutation();
  const [failed, setFailed] = useState(false);
  const type = t(`verification.document.types.${document.type}`);

  // Documents are private: the file comes through the API with the admin's token, and the
  // browser gets a short-lived object URL of it.
  const open = async (download: boolean) => {
    setFailed(false);
    const viewer = download ? null : window.open('', '_blank');
    const { data: url } = await fetchFile(document.fileUrl);
    if (!url) {
      viewer?.close();
      setFailed(true);
      return;
    }
    if (viewer) viewer.location.href = url;
    else {
      const link = window.document.createElement('a');
      link.href = url;
      link.download = `${document.type}-${document.id.slice(0, 8)}.${extensions[document.contentType] ?? 'bin'}`;
      link.click();
    }
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  return (
    <article
      aria-label={type}
      className="rounded-xl border border-slate-200 p-4"
      data-testid="provider-document"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="font-semibold text-slate-900">{type}</h4>
        <Badge tone={tones[document.status]}>
          {t(`verification.document.statuses.${document.status}`)}
        </Badge>
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {t('verification.document.uploaded', {
          date: formatDateTime(document.createdAt, i18n.language),
        })}{' '}
        · {document.contentType} ·{' '}
        {t('verification.document.size', {
          size: Math.max(1, Math.round(document.originalBytes / 1024)),
        })}
        {document.reviewedAt &&
          ` · ${t('verification.document.reviewed', { date: formatDateTime(document.reviewedAt, i18n.language) })}`}
      </p>
      {document.rejectionReason && (
        <p className="mt-2 text-sm text-red-800">
          {t('verification.document.rejectionReason', { reason: document.rejectionReason })}
        </p>
      )}
      {failed && (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {t('verification.document.fileFailed')}
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        <Button
          variant="secondary"
          className="px-3 py-1.5"
          busy={isLoading}
          onClick={() => void open(false)}
        >
          {t('verification.document.view')}
        </Button>
        <Button
          variant="secondary"
          className="px-3 py-1.5"
          disabled={isLoading}
          onClick={() => void open(true)}
        >
          {t('verification.document.download')}
        </Button>
        {document.status !== 'verified' && (
          <Button className="px-3 py-1.5" onClick={onApprove}>
            {t('verification.document.approve')}
          </Button>
        )}
        {document.status !== 'rejected' && (
          <Button variant="danger" className="px-3 py-1.5" onClick={onReject}>
            {t('verification.document.reject')}
          </Button>
        )}
      </div>
    </article>
  );
};
