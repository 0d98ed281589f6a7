import { languageMemory, startI18n } from '@localkart/web-kit/i18n-setup';
import { en, hi } from './resources';

/** Kept apart from the web app's choice: the same person may run the panel in another language. */
const memory = languageMemory('lk.admin.language');
export const rememberLanguage = memory.remember;

export const setupI18n = () => startI18n({ en, hi }, memory);
