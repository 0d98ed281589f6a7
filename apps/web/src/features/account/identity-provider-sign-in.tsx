import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';

/**
 * "Continue with Google" when the API has an identity provider configured (nothing otherwise).
 * A plain link, not a fetch: the sign-in is a browser navigation to the provider and back, which
 * lands on `returnTo` with the refresh cookie set; the app then restores the session as on reload.
 */
export const IdentityProviderSignIn = ({ returnTo }: { returnTo: string }) => {
  const { t } = useTranslation();
  const { data } = api.useSignInOptionsQuery();
  const oidc = data?.oidc;
  if (!oidc) return null;
  const href = `${oidc.loginPath}?${new URLSearchParams({ returnTo }).toString()}`;
  return (
    <div className="mb-6 space-y-4">
      <a
        href={href}
        className="flex w-full items-center justify-center gap-3 rounded-xl border border-slate-300 bg-white px-4 py-2.5 font-semibold text-slate-800 shadow-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700"
      >
        <span
          aria-hidden="true"
          className="flex h-6 w-6 items-center justify-center rounded-full bg-slate-100 text-sm font-bold text-teal-800"
        >
          {oidc.name.slice(0, 1).toUpperCase()}
        </span>
        {t('auth.continueWith', { name: oidc.name })}
      </a>
      <p className="flex items-center gap-3 text-xs uppercase tracking-wide text-slate-500">
        <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
        {t('auth.orWithEmail')}
        <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
      </p>
    </div>
  );
};
