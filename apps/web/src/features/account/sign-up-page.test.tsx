import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { Provider } from 'react-redux';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { api } from '../../api/api';
import { createStore } from '../../app/store';
import { en } from '../../i18n/en';
import { SignUpPage } from './sign-up-page';

const i18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  resources: { en: { translation: en } },
  interpolation: { escapeValue: false },
});

const renderPage = () => {
  const store = createStore();
  // What the API answers without an identity provider configured; no server runs here.
  void store.dispatch(api.util.upsertQueryData('signInOptions', undefined, { oidc: null }));
  render(
    <Provider store={store}>
      <I18nextProvider i18n={i18n}>
        <MemoryRouter initialEntries={['/signup']}>
          <SignUpPage />
        </MemoryRouter>
      </I18nextProvider>
    </Provider>,
  );
  /** Requests the form sent to the API (the sign-in options query is not one). */
  const sent = () => Object.keys(store.getState().api.mutations).length;
  return { sent };
};
const field = (label: string) => screen.getByLabelText<HTMLInputElement>(label);
const type = (label: string, value: string) =>
  fireEvent.change(field(label), { target: { value } });
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
const invalid = (label: string) => field(label).getAttribute('aria-invalid') === 'true';
const errorOf = (label: string) => {
  const id = field(label).getAttribute('aria-describedby');
  return id ? (document.getElementById(id)?.textContent ?? '') : '';
};

afterEach(cleanup);

describe('sign-up form (checked by the contract before anything is sent)', () => {
  it('when it is sent empty, then every required field says what is wrong and nothing is sent', () => {
    const { sent } = renderPage();
    submit();
    for (const label of ['First name', 'Last name', 'E-mail', 'Mobile number', 'Password']) {
      expect(invalid(label), label).toBe(true);
      expect(errorOf(label), label).not.toBe('');
    }
    expect(sent()).toBe(0);
  });

  it('when only the mobile number and password break the rules, then only they are marked', () => {
    const { sent } = renderPage();
    type('First name', 'Priya');
    type('Last name', 'Sharma');
    type('E-mail', 'priya.sharma@example.in');
    type('Mobile number', '12345');
    type('Password', 'short');
    submit();
    expect(['First name', 'Last name', 'E-mail'].map(invalid)).toEqual([false, false, false]);
    expect(invalid('Mobile number')).toBe(true);
    expect(invalid('Password')).toBe(true);
    expect(sent()).toBe(0);
  });

  it('when a mistake is corrected, then the next submit clears its message', () => {
    renderPage();
    type('E-mail', 'not-an-address');
    submit();
    expect(invalid('E-mail')).toBe(true);
    type('E-mail', 'priya.sharma@example.in');
    submit();
    expect(invalid('E-mail')).toBe(false);
  });
});
