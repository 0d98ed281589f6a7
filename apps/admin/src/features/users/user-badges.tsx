import { useTranslation } from 'react-i18next';
import type { TAdminUser } from '@localkart/contracts/admin';
import { Badge } from '@localkart/web-kit/ui/card';

/** Active or suspended, and an unverified e-mail, as badges (the table and the drawer). */
export const UserBadges = ({ user }: { user: Pick<TAdminUser, 'isActive' | 'isVerified'> }) => {
  const { t } = useTranslation();
  return (
    <span className="flex flex-wrap gap-1 whitespace-nowrap">
      {user.isActive ? (
        <Badge tone="green">{t('users.active')}</Badge>
      ) : (
        <Badge tone="red">{t('users.suspended')}</Badge>
      )}
      {!user.isVerified && <Badge tone="amber">{t('users.emailUnverified')}</Badge>}
    </span>
  );
};
