import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import i18next from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../../i18n/en';
import { SlotPicker } from './slot-picker';

const i18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  resources: { en: { translation: en } },
  interpolation: { escapeValue: false },
});

const days = [
  { date: '2026-03-25', slots: [{ date: '2026-03-25', time: '12:00' }] },
  {
    date: '2026-03-27',
    slots: [
      { date: '2026-03-27', time: '09:00' },
      { date: '2026-03-27', time: '10:00' },
    ],
  },
];

const renderPicker = (props: Partial<Parameters<typeof SlotPicker>[0]> = {}) => {
  const onSelect = vi.fn();
  render(
    <I18nextProvider i18n={i18n}>
      <SlotPicker days={days} selected={undefined} onSelect={onSelect} {...props} />
    </I18nextProvider>,
  );
  return onSelect;
};

afterEach(cleanup);

describe('SlotPicker', () => {
  it('when another day is chosen, then its times are offered and picking one reports it', () => {
    const onSelect = renderPicker();
    expect(screen.getAllByRole('radio')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: /27 Mar/ }));
    const times = screen.getAllByRole('radio');
    expect(times).toHaveLength(2);
    fireEvent.click(times[1]!);
    expect(onSelect).toHaveBeenCalledWith({ date: '2026-03-27', time: '10:00' });
  });

  it('when the server said a time is taken, then it cannot be picked', () => {
    const onSelect = renderPicker({ taken: new Set(['2026-03-25 12:00']) });
    const [taken] = screen.getAllByRole('radio');
    expect(taken).toHaveProperty('disabled', true);
    fireEvent.click(taken!);
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('when there are no free times, then it says so', () => {
    renderPicker({ days: [] });
    expect(screen.getByText('No free times in the next week.')).toBeTruthy();
  });
});
