import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSearchSuggestion } from '@localkart/contracts/search-suggestions';
import { api } from '../../api/api';
import { inputClass } from '@localkart/web-kit/ui/field';

/** Waits until typing pauses, so suggestions are not fetched for every half-typed letter. */
export const useDebounced = <T,>(value: T, ms: number) => {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
};

type Props = {
  value: string;
  onChange: (value: string) => void;
  onPick: (suggestion: TSearchSuggestion) => void;
  onSubmit: () => void;
};

/** "What do you need?" with suggestions as you type: an ARIA combobox driven by the arrow keys. */
export const SearchBox = ({ value, onChange, onPick, onSubmit }: Props) => {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const typed = useDebounced(value.trim(), 150);
  const { data, isFetching } = api.useSuggestionsQuery(typed, {
    skip: typed.length === 0 || !open,
  });
  const suggestions = typed.length > 0 ? (data?.suggestions ?? []) : [];
  const pick = (suggestion: TSearchSuggestion) => {
    setOpen(false);
    setActive(-1);
    onPick(suggestion);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(index + 1, suggestions.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, -1));
    } else if (event.key === 'Escape') {
      setOpen(false);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = suggestions[active];
      if (open && chosen) pick(chosen);
      else {
        setOpen(false);
        onSubmit();
      }
    }
  };
  const showList = open && suggestions.length > 0;
  return (
    <div className="relative">
      <label htmlFor={id} className="sr-only">
        {t('search.what')}
      </label>
      <input
        id={id}
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${id}-${active}` : undefined}
        autoComplete="off"
        placeholder={t('search.whatPlaceholder')}
        className={`${inputClass} py-3 text-base`}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {isFetching && <span className="absolute right-3 top-3.5 text-xs text-slate-400">…</span>}
      {showList && (
        <ul
          id={`${id}-list`}
          role="listbox"
          className="absolute z-[1100] mt-1 max-h-80 w-full overflow-auto rounded-xl border border-slate-200 bg-white py-1 shadow-lg"
        >
          {suggestions.map((suggestion, index) => (
            <li
              key={`${suggestion.kind}-${suggestion.label}-${index}`}
              id={`${id}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => {
                event.preventDefault();
                pick(suggestion);
              }}
              className={`flex cursor-pointer items-center justify-between gap-3 px-3 py-2 text-sm ${index === active ? 'bg-teal-50' : 'hover:bg-slate-50'}`}
            >
              <span className="truncate text-slate-800">{suggestion.label}</span>
              <span className="shrink-0 text-xs text-slate-500">
                {t(`search.kinds.${suggestion.kind}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};
