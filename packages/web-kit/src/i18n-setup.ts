import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export type Language = 'en' | 'hi';

/** Where an app keeps the visitor's language choice in this browser. */
export type LanguageMemory = { remember: (language: Language) => void; recall: () => Language };

/**
 * A visitor's language, kept in this browser under `storageKey` (each app its own); with nothing
 * kept, the browser's own language decides between Hindi and English.
 */
export const languageMemory = (storageKey: string): LanguageMemory => ({
  remember: (language) => {
    try {
      localStorage.setItem(storageKey, language);
    } catch {
      // Private modes may refuse storage; the choice then lasts for this page only.
    }
  },
  recall: () => {
    try {
      const saved = localStorage.getItem(storageKey);
      if (saved === 'en' || saved === 'hi') return saved;
    } catch {
      // As above: no storage, no remembered choice.
    }
    return navigator.language.toLowerCase().startsWith('hi') ? 'hi' : 'en';
  },
});

/** Starts i18next with the app's English and Hindi strings; `<html lang>` follows the choice. */
export const startI18n = (
  strings: { en: Record<string, unknown>; hi: Record<string, unknown> },
  memory: LanguageMemory,
) => {
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: strings.en }, hi: { translation: strings.hi } },
    lng: memory.recall(),
    fallbackLng: 'en',
    // React escapes every rendered string already.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  document.documentElement.lang = i18n.language;
  return i18n;
};
