import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '../i18n/en';
import { ConfirmDialog } from './confirm-dialog';

const i18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  resources: { en: { translation: en } },
  interpolation: { escapeValue: false },
});

const renderDialog = (reason: 'required' | 'optional') => {
  const onConfirm = vi.fn();
  render(
    <I18nextProvider i18n={i18n}>
      <ConfirmDialog
        open
        title="Suspend this user?"
        confirmLabel="Suspend"
        reason={reason}
        onConfirm={onConfirm}
        onCancel={vi.fn()}
      />
    </I18nextProvider>,
  );
  return onConfirm;
};

afterEach(cleanup);

describe('ConfirmDialog', () => {
  it('when a required reason is too short, then nothing is confirmed and the rule is shown', () => {
    const onConfirm = renderDialog('required');
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: ' ok ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Suspend' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByText('Write a reason of at least 3 characters.')).toBeTruthy();
  });

  it('when a required reason is given, then it is confirmed trimmed', () => {
    const onConfirm = renderDialog('required');
    fireEvent.change(screen.getByLabelText('Reason'), {
      target: { value: '  Fake licence uploaded  ' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Suspend' }));
    expect(onConfirm).toHaveBeenCalledWith('Fake licence uploaded');
  });

  it('when an optional reason is left empty, then it is confirmed without one', () => {
    const onConfirm = renderDialog('optional');
    fireEvent.click(screen.getByRole('button', { name: 'Suspend' }));
    expect(onConfirm).toHaveBeenCalledWith(undefined);
  });
});
