import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';

/** The provider's own sections. */
export const ProviderNav = () => {
  const { t } = useTranslation();
  const links = [
    { to: '/provider', label: t('providerSide.requests'), end: true },
    { to: '/provider/setup', label: t('providerSide.setup') },
    { to: '/provider/analytics', label: t('providerSide.analytics') },
  ];
  return (
    <nav
      aria-label={t('nav.provider')}
      className="mb-6 flex gap-1 overflow-x-auto border-b border-slate-200"
    >
      {links.map((link) => (
        <NavLink
          key={link.to}
          to={link.to}
          end={link.end}
          className={({ isActive }) =>
            `whitespace-nowrap border-b-2 px-4 py-2 text-sm font-semibold ${isActive ? 'border-teal-700 text-teal-800' : 'border-transparent text-slate-500 hover:text-slate-800'}`
          }
        >
          {link.label}
        </NavLink>
      ))}
    </nav>
  );
};
