import type { ComponentProps, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@localkart/web-kit/ui/button';
import { SelectField, TextField } from '@localkart/web-kit/ui/field';
import { UUID_PATTERN } from './form-values';

/**
 * The filters above a table, kept in the address (`useListParams`): a search form whose fields
 * are read by name on submit, so a screen only lists its fields. Selects apply as soon as they
 * change; Reset clears every filter.
 */
export const FilterBar = <K extends string>({
  label,
  names,
  values,
  onChange,
  children,
}: {
  label: string;
  /** The address parameters the fields stand for, each a field's name. */
  names: readonly K[];
  values: NoInfer<Partial<Record<K, string>>>;
  onChange: (changes: NoInfer<Partial<Record<K, string | undefined>>>) => void;
  children: ReactNode;
}) => {
  const { t } = useTranslation();
  const change = (value: (name: K) => string | undefined) => {
    const changes: Partial<Record<K, string | undefined>> = {};
    for (const name of names) changes[name] = value(name);
    onChange(changes);
  };
  const apply = (form: HTMLFormElement) => {
    const data = new FormData(form);
    change((name) => {
      const value = data.get(name);
      return typeof value === 'string' ? value.trim() : undefined;
    });
  };
  return (
    <form
      // Fresh fields when the address changes (back button, a shared link).
      key={names.map((name) => values[name] ?? '').join('|')}
      role="search"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        apply(event.currentTarget);
      }}
      onChange={(event) => {
        if (
          event.target instanceof HTMLSelectElement &&
          event.currentTarget instanceof HTMLFormElement
        )
          apply(event.currentTarget);
      }}
      className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
    >
      {children}
      <div className="flex gap-2">
        <Button type="submit">{t('common.apply')}</Button>
        <Button
          type="reset"
          variant="secondary"
          onClick={(event) => {
            event.preventDefault();
            const form = event.currentTarget.form;
            form
              ?.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')
              .forEach((field) => {
                field.value = '';
              });
            change(() => undefined);
          }}
        >
          {t('common.reset')}
        </Button>
      </div>
    </form>
  );
};

/** The field's Tailwind width class (`w-40`). */
type Width = { widthClass: string };

export const TextFilter = ({ widthClass, ...field }: Width & ComponentProps<typeof TextField>) => (
  <div className={widthClass}>
    <TextField {...field} />
  </div>
);

export const DateFilter = (field: Omit<ComponentProps<typeof TextField>, 'type'>) => (
  <TextFilter widthClass="w-40" type="date" {...field} />
);

/** An id filter: the browser refuses anything but a full id, and `hint` says so. */
export const IdFilter = ({
  hint,
  ...field
}: Width & { hint: string } & Omit<ComponentProps<typeof TextField>, 'pattern' | 'title'>) => (
  <TextFilter title={hint} pattern={UUID_PATTERN} {...field} />
);

/** A select whose first choice, `any`, sets no filter. */
export const SelectFilter = ({
  widthClass,
  any,
  options,
  ...field
}: Width & {
  any: string;
  options: readonly { value: string; label: string }[];
} & Omit<ComponentProps<typeof SelectField>, 'children'>) => (
  <div className={widthClass}>
    <SelectField {...field}>
      <option value="">{any}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </SelectField>
  </div>
);
