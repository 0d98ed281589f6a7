import type { ButtonHTMLAttributes } from 'react';
import { Spinner } from './states';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

const variants: Record<Variant, string> = {
  primary: 'bg-teal-700 text-white hover:bg-teal-800 shadow-sm',
  secondary: 'bg-white text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50',
  ghost: 'text-teal-800 hover:bg-teal-50',
  danger: 'bg-white text-red-700 ring-1 ring-inset ring-red-300 hover:bg-red-50',
};

export const buttonClass = (variant: Variant = 'primary', extra = '') =>
  `inline-flex items-center justify-center gap-2 rounded-lg px-4 py-2.5 text-sm font-semibold transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-600 disabled:cursor-not-allowed disabled:opacity-60 ${variants[variant]} ${extra}`;

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; busy?: boolean };

/** `busy` keeps the button in place but disabled, so a second click cannot send twice. */
export const Button = ({
  variant = 'primary',
  busy = false,
  className = '',
  children,
  disabled,
  type = 'button',
  ...rest
}: Props) => (
  <button
    type={type}
    className={buttonClass(variant, className)}
    disabled={disabled || busy}
    aria-busy={busy}
    {...rest}
  >
    {busy && <Spinner small />}
    {children}
  </button>
);
