import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SelectField, TextArea, TextField } from './field';

/** The text of what `aria-describedby` points at: what a screen reader reads after the label. */
const descriptionOf = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();

describe('form fields', () => {
  afterEach(cleanup);

  it.each([
    ['a text field', TextField, {}],
    ['a text area', TextArea, {}],
    ['a select', SelectField, { children: <option value="a">A</option> }],
  ] as const)(
    'when %s has an error, then the error is announced with it and it is marked invalid',
    (_kind, Component, extra) => {
      render(<Component label="City" error="Choose a city" {...extra} />);
      const control = screen.getByLabelText('City');
      expect(control.getAttribute('aria-invalid')).toBe('true');
      expect(descriptionOf(control)).toBe('Choose a city');
    },
  );

  it('when a field has a hint and no error, then the hint describes it; an error replaces it', () => {
    const { rerender } = render(<TextField label="Pincode" hint="Six digits" />);
    expect(descriptionOf(screen.getByLabelText('Pincode'))).toBe('Six digits');
    expect(screen.getByLabelText('Pincode').getAttribute('aria-invalid')).toBe('false');
    rerender(<TextField label="Pincode" hint="Six digits" error="Not a pincode" />);
    expect(descriptionOf(screen.getByLabelText('Pincode'))).toBe('Not a pincode');
    expect(screen.queryByText('Six digits')).toBeNull();
  });
});
