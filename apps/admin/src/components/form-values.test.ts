import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { messagesByPath, oneOf } from './form-values';

describe('oneOf', () => {
  it('when the value is one of the options, then it is returned, otherwise nothing', () => {
    expect(oneOf(['refund', 'payout'] as const, 'payout')).toBe('payout');
    expect(oneOf(['refund', 'payout'] as const, 'DROP')).toBeUndefined();
    expect(oneOf(['refund', 'payout'] as const, undefined)).toBeUndefined();
  });
});

describe('messagesByPath', () => {
  it('when a schema refuses nested fields, then each dotted path keeps its first message', () => {
    const schema = z.object({
      names: z.object({ en: z.string().min(2, 'too short'), hi: z.string() }),
      price: z.number().int('whole').min(0, 'not negative'),
    });
    const parsed = schema.safeParse({ names: { en: 'a', hi: 'ठीक' }, price: -1.5 });
    expect(parsed.success).toBe(false);
    expect(messagesByPath(parsed.error?.issues ?? [])).toEqual({
      'names.en': 'too short',
      price: 'whole',
    });
  });
});
