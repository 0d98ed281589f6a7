import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '@localkart/web-kit/ui/button';
import { LanguageSwitch } from '../components/language-switch';
import { useLogoutMutation } from '../features/auth/auth-api';
import { areas } from './areas';
import { useSession } from './store';

/** Side nav of the areas, a header with who is signed in, and the area's page. */
export const Shell = () => {
  const { t } = useTranslation();
  const { user } = useSession();
  const [logout, { isLoading: signingOut }] = useLogoutMutation();
  const name = user ? `${user.firstName} ${user.lastName}`.trim() : '';
  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_1fr]">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded-lg focus:bg-white focus:px-4 focus:py-2 focus:shadow"
      >
        {t('shell.skip')}
      </a>
      <aside className="bg-slate-900 text-slate-100 lg:min-h-dvh">
        <div className="px-5 py-5 text-lg font-bold tracking-tight">
          Local<span className="text-teal-400">Kart</span>{' '}
          <span className="text-sm font-medium text-slate-400">admin</span>
        </div>
        <nav aria-label={t('shell.areas')} className="px-3 pb-4">
          <ul className="flex gap-1 overflow-x-auto lg:flex-col">
            {areas.map((area) => (
              <li key={area.path}>
                <NavLink
                  to={`/${area.path}`}
                  end={area.path === ''}
                  className={({ isActive }) =>
                    `flex items-center gap-3 whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-teal-400 ${isActive ? 'bg-teal-700 text-white' : 'text-slate-300 hover:bg-slate-800 hover:text-white'}`
                  }
                >
                  <span aria-hidden="true" className="w-4 text-center">
                    {area.icon}
                  </span>
                  {t(area.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="flex flex-wrap items-center justify-end gap-3 border-b border-slate-200 bg-white px-6 py-3">
          <span className="mr-auto text-sm text-slate-600">{t('shell.signedInAs', { name })}</span>
          <LanguageSwitch />
          <Button
            variant="secondary"
            className="px-3 py-1.5"
            busy={signingOut}
            onClick={() => void logout()}
          >
            {t('shell.signOut')}
          </Button>
        </header>
        <main id="main" tabIndex={-1} className="flex-1 px-6 py-6 focus:outline-none">
          <Outlet />
        </main>
      </div>
    </div>
  );
};
