import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TProviderDocument } from '@localkart/contracts/providers';
import { api } from '../../api/api';
import { apiMessage } from '@localkart/web-kit/api-error';
import { formatDate } from '@localkart/web-kit/format';
import { Button } from '@localkart/web-kit/ui/button';
import { Badge, Card } from '@localkart/web-kit/ui/card';
import { SelectField } from '@localkart/web-kit/ui/field';
import { ErrorState, Loading } from '@localkart/web-kit/ui/states';

const tone = { pending: 'amber', verified: 'green', rejected: 'red' } as const;

/** Licences and certificates for verification, with where each stands. */
export const DocumentsSection = () => {
  const { t, i18n } = useTranslation();
  const { data, isLoading } = api.useDocumentsQuery();
  const [upload, uploading] = api.useUploadDocumentMutation();
  const [type, setType] = useState<TProviderDocument['type']>('license');
  const [file, setFile] = useState<File>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const result = await upload({ file, type });
    if (!result.error) setFile(undefined);
  };
  return (
    <Card>
      <h2 className="text-lg font-semibold">{t('setup.documents')}</h2>
      <p className="mt-1 text-sm text-slate-600">{t('setup.documentsHint')}</p>
      {isLoading && <Loading />}
      <ul className="mt-3 divide-y divide-slate-100">
        {data?.map((document) => (
          <li
            key={document.id}
            className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
          >
            <span>
              {t(`setup.docTypes.${document.type}`)} ·{' '}
              {formatDate(document.createdAt, i18n.language)}
            </span>
            <span className="flex items-center gap-2">
              <Badge tone={tone[document.status]}>{t(`setup.docStatus.${document.status}`)}</Badge>
              {document.rejectionReason && (
                <span className="text-xs text-red-700">{document.rejectionReason}</span>
              )}
            </span>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(event) => void submit(event)}
        className="mt-3 grid gap-3 rounded-xl bg-slate-50 p-4 sm:grid-cols-[180px_1fr_auto] sm:items-end"
      >
        <SelectField
          label={t('setup.docType')}
          value={type}
          onChange={(event) => setType(event.target.value as TProviderDocument['type'])}
        >
          {(['license', 'certificate', 'insurance'] as const).map((value) => (
            <option key={value} value={value}>
              {t(`setup.docTypes.${value}`)}
            </option>
          ))}
        </SelectField>
        <div>
          <label
            htmlFor="document-file"
            className="mb-1.5 block text-sm font-medium text-slate-700"
          >
            {t('setup.file')}
          </label>
          <input
            id="document-file"
            type="file"
            accept="application/pdf,image/jpeg,image/png,image/webp"
            className="block w-full text-sm"
            onChange={(event) => setFile(event.target.files?.[0])}
          />
        </div>
        <Button type="submit" busy={uploading.isLoading} disabled={!file}>
          {t('setup.upload')}
        </Button>
      </form>
      {uploading.error && (
        <div className="mt-3">
          <ErrorState message={apiMessage(uploading.error)} />
        </div>
      )}
    </Card>
  );
};
