import { formatPaise } from '@localkart/web-kit/format';

/** A signed ledger amount: credits green with a plus, debits red with a minus. */
export const SignedMoney = ({ paise }: { paise: number }) => (
  <span
    className={`whitespace-nowrap font-medium ${paise > 0 ? 'text-emerald-700' : paise < 0 ? 'text-red-700' : 'text-slate-600'}`}
  >
    {paise > 0 ? '+' : paise < 0 ? '−' : ''}
    {formatPaise(Math.abs(paise))}
  </span>
);
