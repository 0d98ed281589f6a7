/** A whole-number command-line option within bounds, or an error naming the flag. */
export const integerOption = (name: string, raw: string, min: number, max: number): number => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`--${name} must be an integer from ${min} to ${max}, got ${raw}`);
  }
  return value;
};
