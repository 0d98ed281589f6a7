import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../i18n/en';
import { DateFilter, FilterBar, IdFilter, SelectFilter } from './filter-bar';

const i18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  resources: { en: { translation: en } },
  interpolation: { escapeValue: false },
});

const NAMES = ['status', 'providerId', 'from'] as const;

const renderBar = (values: Partial<Record<(typeof NAMES)[number], string>> = {}) => {
  const onChange = vi.fn();
  render(
    <I18nextProvider i18n={i18n}>
      <FilterBar label="Booking filters" names={NAMES} values={values} onChange={onChange}>
        <SelectFilter
          widthClass="w-40"
          name="status"
          label="Status"
          any="Any"
          options={[
            { value: 'pending', label: 'Pending' },
            { value: 'completed', label: 'Completed' },
          ]}
          defaultValue={values.status}
        />
        <IdFilter
          widthClass="w-80"
          name="providerId"
          label="Provider id"
          hint="A full id"
          defaultValue={values.providerId}
        />
        <DateFilter name="from" label="From" defaultValue={values.from} />
      </FilterBar>
    </I18nextProvider>,
  );
  return onChange;
};

afterEach(cleanup);

describe('FilterBar', () => {
  it('when a select changes, then every filter is applied at once, trimmed, unset ones cleared', () => {
    const onChange = renderBar({ from: '2026-03-01' });
    fireEvent.change(screen.getByLabelText('Provider id'), { target: { value: ' abc ' } });
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'completed' } });
    expect(onChange).toHaveBeenLastCalledWith({
      status: 'completed',
      providerId: 'abc',
      from: '2026-03-01',
    });
  });

  it('when Reset is pressed, then every filter is cleared', () => {
    const onChange = renderBar({ status: 'pending', from: '2026-03-01' });
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(onChange).toHaveBeenCalledWith({
      status: undefined,
      providerId: undefined,
      from: undefined,
    });
    expect(screen.getByLabelText<HTMLSelectElement>('Status').value).toBe('');
  });

  it('when rendered, then fields carry their labels, the id pattern and hint, and a date type', () => {
    renderBar({ providerId: 'x' });
    expect(screen.getByRole('search', { name: 'Booking filters' })).toBeTruthy();
    const id = screen.getByLabelText<HTMLInputElement>('Provider id');
    expect(id.getAttribute('pattern')).toMatch(/^\[0-9a-fA-F\]\{8\}-/);
    expect(id.getAttribute('title')).toBe('A full id');
    expect(id.value).toBe('x');
    expect(screen.getByLabelText('From').getAttribute('type')).toBe('date');
    expect(screen.getByRole('option', { name: 'Any' })).toBeTruthy();
  });
});
