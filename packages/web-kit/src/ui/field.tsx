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

/** What the control itself carries: its id for the label, its look, its error state. */
type ControlProps = {
  id: string;
  className: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
};

/** A label, the control, and its error (or else its hint) announced with it (aria-describedby). */
const Field = ({
  label,
  error,
  hint,
  control,
}: FieldShell & { control: (props: ControlProps) => ReactNode }) => {
  const id = useId();
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {control({
        id,
        className: inputClass,
        'aria-invalid': !!error,
        'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
      })}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
};

export const TextField = ({
  label,
  error,
  hint,
  ...input
}: FieldShell & InputHTMLAttributes<HTMLInputElement>) => (
  <Field
    label={label}
    error={error}
    hint={hint}
    control={(control) => <input {...control} {...input} />}
  />
);

export const TextArea = ({
  label,
  error,
  hint,
  ...input
}: FieldShell & TextareaHTMLAttributes<HTMLTextAreaElement>) => (
  <Field
    label={label}
    error={error}
    hint={hint}
    control={(control) => <textarea {...control} {...input} />}
  />
);

export const SelectField = ({
  label,
  error,
  hint,
  children,
  ...select
}: FieldShell & SelectHTMLAttributes<HTMLSelectElement>) => (
  <Field
    label={label}
    error={error}
    hint={hint}
    control={(control) => (
      <select {...control} {...select}>
        {children}
      </select>
    )}
  />
);
