import type { ReactNode } from 'react';

/** A section's name and what it shows, with its actions (an export) on the right. */
export const SectionHeading = ({
  title,
  intro,
  action,
}: {
  title: string;
  intro: string;
  action?: ReactNode;
}) => (
  <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
    <div>
      <h2 className="text-lg font-bold text-slate-900">{title}</h2>
      <p className="mt-0.5 max-w-3xl text-sm text-slate-600">{intro}</p>
    </div>
    {action && <div className="ml-auto">{action}</div>}
  </div>
);
