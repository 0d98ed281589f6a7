import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { Loading } from '@localkart/web-kit/ui/states';
import { Layout } from '../components/layout';
import { RequireAuth } from '../components/require-auth';
import { SignInPage } from '../features/account/sign-in-page';
import { SignUpPage } from '../features/account/sign-up-page';
import { ForgotPasswordPage } from '../features/account/forgot-password-page';
import { ResetPasswordPage } from '../features/account/reset-password-page';
import { VerifyEmailPage } from '../features/account/verify-email-page';
import { ProfilePage } from '../features/account/profile-page';
import { WalletPage } from '../features/account/wallet-page';
import { HomePage } from '../features/search/home-page';
import { MatchPage } from '../features/match/match-page';
import { ProviderPage } from '../features/provider-page/provider-page';
import { BookingPage } from '../features/booking/booking-page';
import { MyBookingsPage } from '../features/my-bookings/my-bookings-page';
import { BookingDetailPage } from '../features/my-bookings/booking-detail-page';
import { NotFoundPage } from '../features/not-found-page';

// The provider side (and Chart.js with it) loads only for the people who open it.
const OnboardingPage = lazy(() =>
  import('../features/provider/onboarding-page').then((module) => ({
    default: module.OnboardingPage,
  })),
);
const ProviderDashboardPage = lazy(() =>
  import('../features/provider/dashboard-page').then((module) => ({
    default: module.ProviderDashboardPage,
  })),
);
const ProviderSetupPage = lazy(() =>
  import('../features/provider/setup-page').then((module) => ({
    default: module.ProviderSetupPage,
  })),
);
const AnalyticsPage = lazy(() =>
  import('../features/provider/analytics-page').then((module) => ({
    default: module.AnalyticsPage,
  })),
);

const Lazy = ({ children }: { children: ReactNode }) => (
  <Suspense fallback={<Loading />}>{children}</Suspense>
);

export const AppRoutes = () => (
  <Routes>
    <Route element={<Layout />}>
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
            <Lazy>
              <OnboardingPage />
            </Lazy>
          </RequireAuth>
        }
      />
      <Route
        path="provider"
        element={
          <RequireAuth role="provider">
            <Lazy>
              <ProviderDashboardPage />
            </Lazy>
          </RequireAuth>
        }
      />
      <Route
        path="provider/setup"
        element={
          <RequireAuth role="provider">
            <Lazy>
              <ProviderSetupPage />
            </Lazy>
          </RequireAuth>
        }
      />
      <Route
        path="provider/analytics"
        element={
          <RequireAuth role="provider">
            <Lazy>
              <AnalyticsPage />
            </Lazy>
          </RequireAuth>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Route>
  </Routes>
);
