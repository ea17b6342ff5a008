import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider, useAuth } from './auth/AuthContext';
import SignInPage from './auth/SignInPage';
import ForgotPasswordPage from './auth/ForgotPasswordPage';
import ResetPasswordPage from './auth/ResetPasswordPage';
import AppLayout from './layout/AppLayout';
import { usePrefersReducedMotion } from './shared/reducedMotion';

// Pages load on first visit: the chamber portal (reached from an e-mail) needs none of the rest.
const DashboardPage = lazy(() => import('./dashboard/DashboardPage'));
const CampaignsPage = lazy(() => import('./campaigns/CampaignsPage'));
const CampaignDetailPage = lazy(() => import('./campaigns/CampaignDetailPage'));
const InboxPage = lazy(() => import('./inbox/InboxPage'));
const ChambersPage = lazy(() => import('./chambers/ChambersPage'));
const UsersPage = lazy(() => import('./admin/UsersPage'));
const OutboxPage = lazy(() => import('./admin/OutboxPage'));
const CalendarPage = lazy(() => import('./admin/CalendarPage'));
const RubricsPage = lazy(() => import('./admin/RubricsPage'));
const EmailTemplatesPage = lazy(() => import('./admin/EmailTemplatesPage'));
const PortalPage = lazy(() => import('./portal/PortalPage'));
const DefinitionsPage = lazy(() => import('./designer/DefinitionsPage'));
const DesignerPage = lazy(() => import('./designer/DesignerPage'));
const InstancePage = lazy(() => import('./designer/InstancePage'));

function RequireSignIn({ children }: { children: ReactNode }) {
  const { user, checking } = useAuth();
  const location = useLocation();
  if (checking) return <Spin style={{ margin: 48 }} />;
  return user ? children : <Navigate to="/signin" state={{ from: location.pathname }} replace />;
}

function Home() {
  const { hasRole } = useAuth();
  return hasRole('admin', 'staff', 'leader') ? <DashboardPage /> : <Navigate to="/inbox" replace />;
}

export default function App() {
  const { i18n } = useTranslation();
  const reducedMotion = usePrefersReducedMotion();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#b71c1c', motion: !reducedMotion } }}>
      <AntApp>
      <BrowserRouter>
        <AuthProvider>
          <Suspense fallback={<Spin style={{ margin: 48 }} />}>
            <Routes>
              <Route path="/signin" element={<SignInPage />} />
              <Route path="/forgot-password" element={<ForgotPasswordPage />} />
              <Route path="/reset-password" element={<ResetPasswordPage />} />
              <Route path="/portal/:token" element={<PortalPage />} />
              <Route element={<RequireSignIn><AppLayout /></RequireSignIn>}>
                <Route index element={<Home />} />
                <Route path="campaigns" element={<CampaignsPage />} />
                <Route path="campaigns/:id" element={<CampaignDetailPage />} />
                <Route path="inbox" element={<InboxPage />} />
                <Route path="chambers" element={<ChambersPage />} />
                <Route path="admin/users" element={<UsersPage />} />
                <Route path="admin/outbox" element={<OutboxPage />} />
                <Route path="admin/calendar" element={<CalendarPage />} />
                <Route path="admin/email-templates" element={<EmailTemplatesPage />} />
                <Route path="rubrics" element={<RubricsPage />} />
                <Route path="designer" element={<DefinitionsPage />} />
                <Route path="designer/:definitionId" element={<DesignerPage />} />
                <Route path="instances/:id" element={<InstancePage />} />
                <Route path="*" element={<Navigate to="/" replace />} />
              </Route>
            </Routes>
          </Suspense>
        </AuthProvider>
      </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
