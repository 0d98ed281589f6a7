import type { ReactNode } from 'react';

export const Card = ({ children, className = '' }: { children: ReactNode; className?: string }) => (
  <section className={`rounded-2xl border border-slate-200 bg-white p-5 shadow-sm ${className}`}>
    {children}
  </section>
);

export const PageTitle = ({
  title,
  subtitle,
  action,
}: {
  title: string;
  subtitle?: string;
  action?: ReactNode;
}) => (
  <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
    <div>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
      {subtitle && <p className="mt-1 text-slate-600">{subtitle}</p>}
    </div>
    {action}
  </div>
);

export const Badge = ({
  tone = 'slate',
  children,
}: {
  tone?: 'slate' | 'teal' | 'amber' | 'green' | 'red' | 'sky';
  children: ReactNode;
}) => {
  const tones = {
    slate: 'bg-slate-100 text-slate-700',
    teal: 'bg-teal-50 text-teal-800 ring-teal-200',
    amber: 'bg-amber-50 text-amber-800 ring-amber-200',
    green: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
    red: 'bg-red-50 text-red-700 ring-red-200',
    sky: 'bg-sky-50 text-sky-800 ring-sky-200',
  };
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ring-transparent ${tones[tone]}`}
    >
      {children}
    </span>
  );
};

export const Stars = ({ average, count }: { average: number; count: number }) => (
  <span className="inline-flex items-center gap-1 text-sm">
    <span aria-hidden="true" className="text-amber-500">
      ★
    </span>
    <span className="font-semibold text-slate-800">{count > 0 ? average.toFixed(1) : '—'}</span>
    <span className="text-slate-500">({count})</span>
  </span>
);
