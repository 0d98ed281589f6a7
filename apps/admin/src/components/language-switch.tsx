import { useTranslation } from 'react-i18next';
import { rememberLanguage } from '../i18n/i18n';

/** English or Hindi, remembered in this browser. */
export const LanguageSwitch = () => {
  const { t, i18n } = useTranslation();
  const current = i18n.language === 'hi' ? 'hi' : 'en';
  return (
    <div
      role="group"
      aria-label={t('shell.language')}
      className="inline-flex rounded-lg bg-slate-100 p-0.5 text-xs font-semibold"
    >
      {(['en', 'hi'] as const).map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={current === language}
          onClick={() => {
            rememberLanguage(language);
            void i18n.changeLanguage(language);
          }}
          className={`rounded-md px-2.5 py-1 focus-visible:outline-2 focus-visible:outline-teal-600 ${current === language ? 'bg-white text-teal-800 shadow-sm' : 'text-slate-600 hover:text-slate-900'}`}
        >
          {language === 'en' ? 'English' : 'हिन्दी'}
        </button>
      ))}
    </div>
  );
};
