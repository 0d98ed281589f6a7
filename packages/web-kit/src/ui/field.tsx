import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

export const inputClass =
  'block w-full rounded-lg border-0 bg-white px-3 py-2.5 text-sm text-slate-900 ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:outline-none focus:ring-2 focus:ring-teal-600 aria-[invalid=true]:ring-red-500';

type FieldShell = { label: string; error?: string | undefined; hint?: ReactNode };

/** A label, the control, and its error announced with it (aria-describedby). */
const Shell = ({
  id,
  label,
  error,
  hint,
  children,
}: FieldShell & { id: string; children: ReactNode }) => (
  <div className="space-y-1.5">
    <label htmlFor={id} className="block text-sm font-medium text-slate-700">
      {label}
    </label>
    {children}
    {hint && !error && <p className="text-xs text-slate-500">{hint}</p>}
    {error && (
      <p id={`${id}-error`} className="text-xs font-medium text-red-700">
        {error}
      </p>
    )}
  </div>
);

export const TextField = ({
  label,
  error,
  hint,
  ...input
}: FieldShell & InputHTMLAttributes<HTMLInputElement>) => {
  const id = useId();
  return (
    <Shell id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        className={inputClass}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        {...input}
      />
    </Shell>
  );
};

export const TextArea = ({
  label,
  error,
  hint,
  ...input
}: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) => {
  const id = useId();
  return (
    <Shell id={id} label={label} error={error} hint={hint}>
      <textarea
        id={id}
        className={inputClass}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        {...input}
      />
    </Shell>
  );
};

export const SelectField = ({
  label,
  error,
  hint,
  children,
  ...select
}: FieldShell & SelectHTMLAttributes<HTMLSelectElement>) => {
  const id = useId();
  return (
    <Shell id={id} label={label} error={error} hint={hint}>
      <select id={id} className={inputClass} aria-invalid={!!error} {...select}>
        {children}
      </select>
    </Shell>
  );
};
