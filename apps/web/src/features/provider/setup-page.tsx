import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { apiMessage } from '@localkart/web-kit/api-error';
import { PageTitle } from '@localkart/web-kit/ui/card';
import { ErrorState, Loading } from '@localkart/web-kit/ui/states';
import { AreasSection } from './areas-section';
import { AvailabilitySection } from './availability-section';
import { BusinessSection } from './business-section';
import { DocumentsSection } from './documents-section';
import { LeaveSection } from './leave-section';
import { PortfolioSection } from './portfolio-section';
import { ProviderNav } from './provider-nav';
import { ServicesSection } from './services-section';

export const ProviderSetupPage = () => {
  const { t } = useTranslation();
  const { data: profile, isLoading, error, refetch } = api.useMyProviderQuery();
  if (isLoading) return <Loading />;
  if (error || !profile)
    return <ErrorState message={apiMessage(error)} onRetry={() => void refetch()} />;
  return (
    <div>
      <PageTitle title={profile.businessName} subtitle={t('setup.subtitle')} />
      <ProviderNav />
      <div className="grid gap-6 lg:grid-cols-2">
        <BusinessSection profile={profile} />
        <ServicesSection profile={profile} />
        <AreasSection profile={profile} />
        <AvailabilitySection profile={profile} />
        <LeaveSection />
        <DocumentsSection />
        <div className="lg:col-span-2">
          <PortfolioSection profile={profile} />
        </div>
      </div>
    </div>
  );
};
