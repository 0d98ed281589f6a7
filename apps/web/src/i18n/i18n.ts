import { languageMemory, startI18n } from '@localkart/web-kit/i18n-setup';
import { en } from './en';
import { hi } from './hi';

export type { Language } from '@localkart/web-kit/i18n-setup';

/** A visitor's choice before signing in; after, the profile's `language` wins. */
const memory = languageMemory('lk.language');
export const rememberLanguage = memory.remember;

export const setupI18n = () => startI18n({ en, hi }, memory);
