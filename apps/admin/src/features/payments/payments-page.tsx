import type { ComponentType } from 'react';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '@localkart/web-kit/ui/card';
import { AccountsTab } from './accounts-tab';
import { CommissionTab } from './commission-tab';
import { EntriesTab } from './entries-tab';
import { PaidTab } from './paid-tab';
import { OwedTab } from './owed-tab';
import { RefundsTab } from './refunds-tab';

type Tab = {
  path: 'accounts' | 'entries' | 'refunds' | 'owed' | 'paid' | 'commission';
  page: ComponentType;
};

const TABS: Tab[] = [
  { path: 'accounts', page: AccountsTab },
  { path: 'entries', page: EntriesTab },
  { path: 'refunds', page: RefundsTab },
  { path: 'owed', page: OwedTab },
  { path: 'paid', page: PaidTab },
  { path: 'commission', page: CommissionTab },
];

/** Each section is its own address (`/payments/refunds?from=…`), so a link or reload keeps it. */
const PaymentsPage = () => {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('payments.title')} subtitle={t('payments.subtitle')} />
      <nav aria-label={t('payments.tabs.label')} className="mb-6 border-b border-slate-200">
        <ul className="-mb-px flex gap-1 overflow-x-auto">
          {TABS.map((tab) => (
            <li key={tab.path}>
              <NavLink
                to={`/payments/${tab.path}`}
                className={({ isActive }) =>
                  `inline-block whitespace-nowrap rounded-t-lg border-b-2 px-4 py-2.5 text-sm font-semibold focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-teal-600 ${isActive ? 'border-teal-700 text-teal-800' : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900'}`
                }
              >
                {t(`payments.tabs.${tab.path}`)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        {TABS.map(({ path, page: Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
        <Route path="*" element={<Navigate to="/payments/accounts" replace />} />
      </Routes>
    </>
  );
};

export default PaymentsPage;
