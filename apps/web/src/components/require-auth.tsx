import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { TUserProfile } from '@localkart/contracts/users';
import { useSession } from '../app/store';

/** Pages for signed-in users (optionally one role); others go to sign-in and come back after. */
export const RequireAuth = ({
  role,
  children,
}: {
  role?: TUserProfile['role'];
  children: ReactNode;
}) => {
  const { user } = useSession();
  const location = useLocation();
  if (!user)
    return (
      <Navigate
        to={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`}
        replace
      />
    );
  if (role && user.role !== role)
    return <Navigate to={role === 'provider' ? '/provider/onboarding' : '/'} replace />;
  return children;
};
