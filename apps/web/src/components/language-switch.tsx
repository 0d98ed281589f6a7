import { useTranslation } from 'react-i18next';
import { api } from '../api/api';
import { useSession } from '../app/store';
import { rememberLanguage, type Language } from '../i18n/i18n';

/**
 * Switches the interface language. Signed in, the choice is saved on the profile (so it follows
 * the user to other devices and into e-mails); signed out, it is kept in this browser.
 */
export const LanguageSwitch = () => {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const [updateProfile] = api.useUpdateProfileMutation();
  const current = i18n.language === 'hi' ? 'hi' : 'en';
  const choose = (language: Language) => {
    rememberLanguage(language);
    void i18n.changeLanguage(language);
    if (user && user.language !== language) void updateProfile({ language });
  };
  return (
    <div
      role="group"
      aria-label={t('nav.language')}
      className="inline-flex rounded-lg bg-slate-100 p-0.5 text-xs font-semibold"
    >
      {(['en', 'hi'] as const).map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={current === language}
          aria-label={language === 'en' ? 'English' : 'हिन्दी'}
          onClick={() => choose(language)}
          className={`rounded-md px-2.5 py-1 ${current === language ? 'bg-white text-teal-800 shadow-sm' : 'text-slate-600 hover:text-slate-900'}`}
        >
          <span className="sm:hidden">{language === 'en' ? 'EN' : 'हि'}</span>
          <span className="hidden sm:inline">{language === 'en' ? 'English' : 'हिन्दी'}</span>
        </button>
      ))}
    </div>
  );
};
