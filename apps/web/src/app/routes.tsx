import { Route, Routes } from 'react-router';
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
import { OnboardingPage } from '../features/provider/onboarding-page';
import { ProviderDashboardPage } from '../features/provider/dashboard-page';
import { ProviderSetupPage } from '../features/provider/setup-page';
import { AnalyticsPage } from '../features/provider/analytics-page';
import { NotFoundPage } from '../features/not-found-page';

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
  </Routes>
);
