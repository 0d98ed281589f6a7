import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/api';
import { apiMessage } from '@localkart/web-kit/api-error';
import { buttonClass } from '@localkart/web-kit/ui/button';
import { ErrorState, Loading, Notice } from '@localkart/web-kit/ui/states';
import { AuthCard } from './auth-card';

export const VerifyEmailPage = () => {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const { isLoading, isSuccess, error } = api.useVerifyEmailQuery(token);
  return (
    <AuthCard title={t('auth.verifyTitle')}>
      {isLoading && <Loading />}
      {isSuccess && (
        <div className="space-y-4">
          <Notice tone="success">{t('auth.verified')}</Notice>
          <Link to="/" className={buttonClass('primary', 'w-full')}>
            {t('auth.startSearching')}
          </Link>
        </div>
      )}
      {error && <ErrorState message={apiMessage(error) ?? t('auth.verifyFailed')} />}
    </AuthCard>
  );
};
