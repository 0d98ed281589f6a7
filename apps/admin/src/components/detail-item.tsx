import type { ReactNode } from 'react';

/** One fact in a drawer's details list (`<dl>`); `wide` spans both columns. */
export const DetailItem = ({
  label,
  children,
  wide,
}: {
  label: string;
  children: ReactNode;
  wide?: boolean;
}) => (
  <div className={wide ? 'sm:col-span-2' : undefined}>
    <dt className="text-slate-500">{label}</dt>
    <dd className="font-medium break-words text-slate-900">{children}</dd>
  </div>
);
