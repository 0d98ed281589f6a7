import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buttonClass } from '@localkart/web-kit/ui/button';

export const NotFoundPage = () => {
  const { t } = useTranslation();
  return (
    <div className="py-16 text-center">
      <p className="text-5xl font-black text-teal-700">404</p>
      <h1 className="mt-3 text-xl font-bold">{t('notFound.title')}</h1>
      <Link to="/" className={buttonClass('primary', 'mt-6')}>
        {t('notFound.home')}
      </Link>
    </div>
  );
};
