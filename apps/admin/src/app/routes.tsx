import { Suspense } from 'react';
import { Link, Navigate, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { buttonClass } from '@localkart/web-kit/ui/button';
import { EmptyState, Loading } from '@localkart/web-kit/ui/states';
import { areas } from './areas';
import { Shell } from './shell';

const NotFound = () => {
  const { t } = useTranslation();
  return (
    <EmptyState title={t('notFound.title')}>
      <Link to="/" className={buttonClass('secondary', 'mt-2')}>
        {t('notFound.home')}
      </Link>
    </EmptyState>
  );
};

export const AppRoutes = () => (
  <Routes>
    {/* Signed out, every address shows the sign-in form; signed in, its usual one leads home. */}
    <Route path="login" element={<Navigate to="/" replace />} />
    <Route element={<Shell />}>
      {areas.map(({ path, page: Page }) => (
        <Route
          key={path || 'index'}
          index={path === ''}
          path={path === '' ? undefined : `${path}/*`}
          element={
            <Suspense fallback={<Loading />}>
              <Page />
            </Suspense>
          }
        />
      ))}
      <Route path="*" element={<NotFound />} />
    </Route>
  </Routes>
);
