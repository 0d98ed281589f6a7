import { lazy, Suspense, type ComponentType } from 'react';
import { Outlet, Route, Routes } from 'react-router';
import { Loading } from '@localkart/web-kit/ui/states';
import { Layout } from '../components/layout';
import { RequireAuth } from '../components/require-auth';
import { HomePage } from '../features/search/home-page';
import { NotFoundPage } from '../features/not-found-page';

/**
 * Every page but the home page loads when it is first opened, so the first download carries only
 * the search (issue 8: ≤ 200 KB of JavaScript gzipped); Leaflet, zod's forms and Chart.js come
 * with the pages that use them.
 */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));

const SignInPage = page(() => import('../features/account/sign-in-page'), 'SignInPage');
const SignUpPage = page(() => import('../features/account/sign-up-page'), 'SignUpPage');
const ForgotPasswordPage = page(
  () => import('../features/account/forgot-password-page'),
  'ForgotPasswordPage',
);
const ResetPasswordPage = page(
  () => import('../features/account/reset-password-page'),
  'ResetPasswordPage',
);
const VerifyEmailPage = page(
  () => import('../features/account/verify-email-page'),
  'VerifyEmailPage',
);
const ProfilePage = page(() => import('../features/account/profile-page'), 'ProfilePage');
const WalletPage = page(() => import('../features/account/wallet-page'), 'WalletPage');
const MatchPage = page(() => import('../features/match/match-page'), 'MatchPage');
const ProviderPage = page(() => import('../features/provider-page/provider-page'), 'ProviderPage');
const BookingPage = page(() => import('../features/booking/booking-page'), 'BookingPage');
const MyBookingsPage = page(
  () => import('../features/my-bookings/my-bookings-page'),
  'MyBookingsPage',
);
const BookingDetailPage = page(
  () => import('../features/my-bookings/booking-detail-page'),
  'BookingDetailPage',
);
const OnboardingPage = page(() => import('../features/provider/onboarding-page'), 'OnboardingPage');
const ProviderDashboardPage = page(
  () => import('../features/provider/dashboard-page'),
  'ProviderDashboardPage',
);
const ProviderSetupPage = page(
  () => import('../features/provider/setup-page'),
  'ProviderSetupPage',
);
const AnalyticsPage = page(() => import('../features/provider/analytics-page'), 'AnalyticsPage');

/** One boundary for every page: the header stays while a page's code loads. */
const Pages = () => (
  <Suspense fallback={<Loading />}>
    <Outlet />
  </Suspense>
);

export const AppRoutes = () => (
  <Routes>
    <Route element={<Layout />}>
      <Route element={<Pages />}>
        <Route index element={<HomePage />} />
        <Route path="match" element={<MatchPage />} />
        <Route path="providers/:id" element={<ProviderPage />} />
        <Route path="signin" element={<SignInPage />} />
        <Route path="signup" element={<SignUpPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="verify-email/:token" element={<VerifyEmailPage />} />
        <Route
          path="account"
          element={
            <RequireAuth>
              <ProfilePage />
            </RequireAuth>
          }
        />
        <Route
          path="wallet"
          element={
            <RequireAuth>
              <WalletPage />
            </RequireAuth>
          }
        />
        <Route
          path="book/:providerId"
          element={
            <RequireAuth role="customer">
              <BookingPage />
            </RequireAuth>
          }
        />
        <Route
          path="bookings"
          element={
            <RequireAuth>
              <MyBookingsPage />
            </RequireAuth>
          }
        />
        <Route
          path="bookings/:id"
          element={
            <RequireAuth>
              <BookingDetailPage />
            </RequireAuth>
          }
        />
        <Route
          path="provider/onboarding"
          element={
            <RequireAuth>
              <OnboardingPage />
            </RequireAuth>
          }
        />
        <Route
          path="provider"
          element={
            <RequireAuth role="provider">
              <ProviderDashboardPage />
            </RequireAuth>
          }
        />
        <Route
          path="provider/setup"
          element={
            <RequireAuth role="provider">
              <ProviderSetupPage />
            </RequireAuth>
          }
        />
        <Route
          path="provider/analytics"
          element={
            <RequireAuth role="provider">
              <AnalyticsPage />
            </RequireAuth>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Route>
  </Routes>
);
