import type { TGeneratedProfile } from '@localkart/contracts/ai';

export type ProfileInput = { description: string; language: 'en' | 'hi' };

/** Turns a provider's own description into a draft profile. */
export type ProfileGenerator = {
  generateProfile: (input: ProfileInput) => Promise<TGeneratedProfile>;
};
