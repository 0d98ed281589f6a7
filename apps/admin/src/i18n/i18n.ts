import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, hi } from './resources';

export type Language = 'en' | 'hi';
/** Kept apart from the web app's choice: the same person may run the panel in another language. */
const STORAGE_KEY = 'lk.admin.language';

export const rememberLanguage = (language: Language) => {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private modes may refuse storage; the choice then lasts for this page only.
  }
};

const initialLanguage = (): Language => {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'hi') return saved;
  } catch {
    // As above: no storage, no remembered choice.
  }
  return navigator.language.toLowerCase().startsWith('hi') ? 'hi' : 'en';
};

export const setupI18n = () => {
  void i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, hi: { translation: hi } },
    lng: initialLanguage(),
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
