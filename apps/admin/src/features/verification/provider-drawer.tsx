import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TAdminProvider, TAdminProviderDocument } from '@localkart/contracts/admin';
import { errorMessage } from '@localkart/web-kit/api-error';
import { formatDate } from '@localkart/web-kit/format';
import { Button } from '@localkart/web-kit/ui/button';
import { Badge } from '@localkart/web-kit/ui/card';
import { Notice } from '@localkart/web-kit/ui/states';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Drawer } from '../../components/drawer';
import { QueryState } from '../../components/page-state';
import { DocumentCard } from './document-card';
import {
  useAdminProviderQuery,
  useReviewDocumentMutation,
  useSetProviderVerifiedMutation,
} from './verification-api';

type Pending =
  | { kind: 'approve' | 'reject'; document: TAdminProviderDocument }
  | { kind: 'verify' | 'unverify' };

/** A provider's details and documents, with the decisions an admin takes on them. */
export const ProviderDrawer = ({
  providerId,
  onClose,
}: {
  providerId: string | undefined;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const result = useAdminProviderQuery(providerId ?? '', { skip: !providerId });
  const name = result.data && result.data.id === providerId ? result.data.businessName : '';
  return (
    <Drawer open={!!providerId} title={name || t('common.loading')} onClose={onClose}>
      {providerId && (
        <QueryState result={result}>
          {(provider) => <ProviderDetail provider={provider} />}
        </QueryState>
      )}
    </Drawer>
  );
};

const ProviderDetail = ({ provider }: { provider: TAdminProvider }) => {
  const { t, i18n } = useTranslation();
  const [pending, setPending] = useState<Pending>();
  const [review, reviewState] = useReviewDocumentMutation();
  const [setVerified, verifyState] = useSetProviderVerifiedMutation();
  const canVerify = provider.documents.some((document) => document.status === 'verified');
  const owner = `${provider.owner.firstName} ${provider.owner.lastName}`.trim();

  const confirm = async (reason: string | undefined) => {
    if (!pending) return;
    const done =
      pending.kind === 'approve' || pending.kind === 'reject'
        ? await review({
            documentId: pending.document.id,
            providerId: provider.id,
            decision: pending.kind,
            ...(reason ? { reason } : {}),
          })
        : await setVerified({
            providerId: provider.id,
            verified: pending.kind === 'verify',
            reason: reason ?? '',
          });
    if (!done.error) setPending(undefined);
  };

  const dialog =
    pending &&
    {
      approve: {
        title: t('verification.approveDialog.title', {
          type:
            'document' in pending
              ? t(`verification.document.types.${pending.document.type}`).toLocaleLowerCase(
                  i18n.language,
                )
              : '',
        }),
        body: t('verification.approveDialog.body'),
        confirm: t('verification.approveDialog.confirm'),
        reason: 'optional' as const,
        destructive: false,
      },
      reject: {
        title: t('verification.rejectDialog.title', {
          type:
            'document' in pending
              ? t(`verification.document.types.${pending.document.type}`).toLocaleLowerCase(
                  i18n.language,
                )
              : '',
        }),
        body: t('verification.rejectDialog.body'),
        confirm: t('verification.rejectDialog.confirm'),
        reason: 'required' as const,
        destructive: true,
      },
      verify: {
        title: t('verification.verifyDialog.title', { name: provider.businessName }),
        body: t('verification.verifyDialog.body'),
        confirm: t('verification.verifyDialog.confirm'),
        reason: 'required' as const,
        destructive: false,
      },
      unverify: {
        title: t('verification.unverifyDialog.title', { name: provider.businessName }),
        body: t('verification.unverifyDialog.body'),
        confirm: t('verification.unverifyDialog.confirm'),
        reason: 'required' as const,
        destructive: true,
      },
    }[pending.kind];
  const actionState =
    pending?.kind === 'approve' || pending?.kind === 'reject' ? reviewState : verifyState;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap gap-2">
        {provider.isVerified ? (
          <Badge tone="green">{t('verification.verified')}</Badge>
        ) : (
          <Badge>{t('verification.unverified')}</Badge>
        )}
        {!provider.isActive && <Badge tone="red">{t('verification.suspended')}</Badge>}
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">{t('verification.provider.owner')}</dt>
          <dd className="font-medium text-slate-900">{owner}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t('verification.provider.email')}</dt>
          <dd className="break-all font-medium text-slate-900">{provider.owner.email}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t('verification.provider.rating')}</dt>
          <dd className="font-medium text-slate-900">
            {provider.rating.count > 0
              ? `${provider.rating.average.toFixed(1)} ★ (${provider.rating.count})`
              : t('common.none')}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t('verification.provider.joined')}</dt>
          <dd className="font-medium text-slate-900">
            {formatDate(provider.createdAt, i18n.language)}
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-slate-500">{t('verification.provider.description')}</dt>
          <dd className="whitespace-pre-line text-slate-800">
            {provider.description || t('common.none')}
          </dd>
        </div>
      </dl>

      <section aria-labelledby="documents-heading" className="space-y-3">
        <h3 id="documents-heading" className="text-base font-bold text-slate-900">
          {t('verification.provider.documents')}
        </h3>
        {provider.documents.length === 0 ? (
          <p className="text-sm text-slate-600">{t('verification.provider.noDocuments')}</p>
        ) : (
          <ul className="space-y-3">
            {provider.documents.map((document) => (
              <li key={document.id}>
                <DocumentCard
                  document={document}
                  onApprove={() => setPending({ kind: 'approve', document })}
                  onReject={() => setPending({ kind: 'reject', document })}
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="space-y-3 border-t border-slate-200 pt-5">
        {provider.isVerified ? (
          <Button variant="danger" onClick={() => setPending({ kind: 'unverify' })}>
            {t('verification.unverify')}
          </Button>
        ) : (
          <>
            {!canVerify && <Notice>{t('verification.verifyHint')}</Notice>}
            <Button disabled={!canVerify} onClick={() => setPending({ kind: 'verify' })}>
              {t('verification.verify')}
            </Button>
          </>
        )}
      </section>

      <ConfirmDialog
        open={!!pending}
        title={dialog?.title ?? ''}
        message={dialog?.body}
        confirmLabel={dialog?.confirm ?? ''}
        reason={dialog?.reason}
        destructive={dialog?.destructive}
        busy={actionState.isLoading}
        error={errorMessage(actionState.error, t('common.errorBody'))}
        onConfirm={(reason) => void confirm(reason)}
        onCancel={() => {
          setPending(undefined);
          reviewState.reset();
          verifyState.reset();
        }}
      />
    </div>
  );
};
