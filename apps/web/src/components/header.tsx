import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate } from 'react-router';
import { api } from '../api/api';
import { useSession } from '../app/store';
import { LanguageSwitch } from './language-switch';
import { NotificationBell } from '../features/realtime/notification-bell';

const navClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-lg px-3 py-2 text-sm font-medium ${isActive ? 'bg-teal-50 text-teal-800' : 'text-slate-600 hover:bg-slate-100 hover:text-slate-900'}`;

export const Header = () => {
  const { t } = useTranslation();
  const { user } = useSession();
  const [logout] = api.useLogoutMutation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const links = [
    { to: '/', label: t('nav.find'), end: true },
    { to: '/match', label: t('nav.match') },
    // A provider's jobs are under the dashboard; only customers book.
    ...(user?.role === 'customer' ? [{ to: '/bookings', label: t('nav.bookings') }] : []),
    ...(user?.role === 'provider' ? [{ to: '/provider', label: t('nav.provider') }] : []),
    ...(user?.role === 'customer'
      ? [{ to: '/provider/onboarding', label: t('nav.becomeProvider') }]
      : []),
  ];
  const signOut = async () => {
    await logout();
    setOpen(false);
    void navigate('/');
  };
  return (
    <header className="sticky top-0 z-[1000] border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-3">
        <Link
          to="/"
          className="flex items-center gap-2 text-lg font-extrabold tracking-tight text-teal-800"
        >
          <img src="/favicon.svg" alt="" className="h-8 w-8" />
          LocalKart
        </Link>
        <nav aria-label={t('nav.main')} className="hidden flex-1 items-center gap-1 md:flex">
          {links.map((link) => (
            <NavLink key={link.to} to={link.to} end={link.end} className={navClass}>
              {link.label}
            </NavLink>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <LanguageSwitch />
          {user && <NotificationBell />}
          {user ? (
            <div className="relative">
              <button
                type="button"
                aria-expanded={open}
                aria-haspopup="menu"
                onClick={() => setOpen((value) => !value)}
                className="flex items-center gap-2 rounded-full p-0.5 focus-visible:outline-2 focus-visible:outline-teal-600"
              >
                <span className="sr-only">{t('nav.account')}</span>
                {user.avatar ? (
                  <img
                    src={user.avatar.thumbnailUrl}
                    alt=""
                    className="h-9 w-9 rounded-full object-cover"
                  />
                ) : (
                  <span
                    aria-hidden="true"
                    className="flex h-9 w-9 items-center justify-center rounded-full bg-teal-700 text-sm font-bold text-white"
                  >
                    {user.firstName.slice(0, 1)}
                  </span>
                )}
              </button>
              {open && (
                <div
                  role="menu"
                  className="absolute right-0 mt-2 w-56 rounded-xl border border-slate-200 bg-white p-1 shadow-lg"
                  onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}
                >
                  <p className="truncate px-3 py-2 text-xs text-slate-500">{user.email}</p>
                  {[
                    { to: '/account', label: t('nav.profile') },
                    { to: '/wallet', label: t('nav.wallet') },
                    { to: '/bookings', label: t('nav.bookings') },
                  ].map((item) => (
                    <Link
                      key={item.to}
                      role="menuitem"
                      to={item.to}
                      onClick={() => setOpen(false)}
                      className="block rounded-lg px-3 py-2 text-sm text-slate-700 hover:bg-slate-100"
                    >
                      {item.label}
                    </Link>
                  ))}
                  {user.role === 'admin' && (
                    // Another app on the same origin: a page load, not a client route.
                    <a
                      role="menuitem"
                      href="/admin"
                      className="block rounded-lg px-3 py-2 text-sm font-medium text-teal-800 hover:bg-slate-100"
                    >
                      {t('nav.adminPanel')}
                    </a>
                  )}
                  <button
                    type="button"
                    role="menuitem"
                    onClick={() => void signOut()}
                    className="block w-full rounded-lg px-3 py-2 text-left text-sm text-red-700 hover:bg-red-50"
                  >
                    {t('nav.signOut')}
                  </button>
                </div>
              )}
            </div>
          ) : (
            <Link
              to="/signin"
              className="whitespace-nowrap rounded-lg bg-teal-700 px-3 py-2 text-sm font-semibold text-white hover:bg-teal-800"
            >
              {t('nav.signIn')}
            </Link>
          )}
        </div>
      </div>
      <nav
        aria-label={t('nav.main')}
        className="flex gap-1 overflow-x-auto border-t border-slate-100 px-2 py-1.5 md:hidden"
      >
        {links.map((link) => (
          <NavLink
            key={link.to}
            to={link.to}
            end={link.end}
            className={(state) => `${navClass(state)} whitespace-nowrap`}
          >
            {link.label}
          </NavLink>
        ))}
      </nav>
    </header>
  );
};
