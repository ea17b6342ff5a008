import { Badge, Button, Layout, Menu, Space, Typography } from 'antd';
import { ApartmentOutlined, BankOutlined, CalendarOutlined, OrderedListOutlined, DashboardOutlined, FileTextOutlined, FlagOutlined, InboxOutlined, MailOutlined, ScheduleOutlined, TeamOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { savedLanguage, setLanguage } from '../i18n';
import { countOpenTasks } from '../inbox/api';
import { onTasksChanged } from '../inbox/taskEvents';
import { onLive } from '../live/live';
import RehearsalBanner from './RehearsalBanner';
import ChangePasswordDialog from '../auth/ChangePasswordDialog';

/** Hangfire's dashboard: a page of the Host's own, outside this application. */
const JOB_DASHBOARD = '/admin/jobs';

export default function AppLayout() {
  const { t } = useTranslation();
  const { user, signOut, hasRole } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [openTasks, setOpenTasks] = useState(0);
  const [changingPassword, setChangingPassword] = useState(false);

  // Counted again on every page, when a task is answered here, and when the Host says a task of
  // this person's came or went (a live update); every five minutes too, should the stream be down.
  useEffect(() => {
    const count = () => void countOpenTasks().then(setOpenTasks).catch(() => setOpenTasks(0));
    count();
    const timer = setInterval(count, 300_000);
    const unsubscribe = onTasksChanged(count);
    const unsubscribeLive = onLive('tasks', count);
    return () => { clearInterval(timer); unsubscribe(); unsubscribeLive(); };
  }, [location.pathname]);

  const oversee = hasRole('admin', 'staff', 'leader');
  const items = [
    oversee && { key: '/', icon: <DashboardOutlined />, label: t('nav.dashboard') },
    oversee && { key: '/campaigns', icon: <FlagOutlined />, label: t('nav.campaigns') },
    { key: '/inbox', icon: <InboxOutlined />, label: <Space>{t('nav.inbox')}<Badge count={openTasks} size="small" /></Space> },
    oversee && { key: '/chambers', icon: <BankOutlined />, label: t('nav.chambers') },
    oversee && { key: '/rubrics', icon: <OrderedListOutlined />, label: t('nav.rubrics') },
    hasRole('admin') && { key: '/admin/calendar', icon: <CalendarOutlined />, label: t('nav.calendar') },
    hasRole('admin') && { key: '/designer', icon: <ApartmentOutlined />, label: t('nav.designer') },
    hasRole('admin') && { key: '/admin/users', icon: <TeamOutlined />, label: t('nav.users') },
    hasRole('admin') && { key: '/admin/email-templates', icon: <FileTextOutlined />, label: t('nav.emailTemplates') },
    hasRole('admin') && { key: '/admin/outbox', icon: <MailOutlined />, label: t('nav.outbox') },
    hasRole('admin') && { key: JOB_DASHBOARD, icon: <ScheduleOutlined />, label: t('nav.jobs') },
  ].filter((i): i is Exclude<typeof i, false> => !!i);
  const selected = items.map((i) => i.key).filter((k) => k === location.pathname || (k !== '/' && location.pathname.startsWith(k)));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={208} theme="light">
        <Typography.Title level={5} style={{ padding: '16px 16px 8px', margin: 0 }}>{t('app.name')}</Typography.Title>
        <Menu mode="inline" selectedKeys={selected} items={items}
          onClick={(e) => (e.key === JOB_DASHBOARD ? window.location.assign(JOB_DASHBOARD) : navigate(e.key))} />
      </Layout.Sider>
      <Layout>
        <RehearsalBanner />
        <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: 'flex-end', alignItems: 'center', paddingInline: 24 }}>
          <Space>
            <Typography.Text data-testid="signed-in-as">{user?.displayName || user?.email}</Typography.Text>
            <Button type="link" onClick={() => setLanguage(savedLanguage() === 'en' ? 'zh-CN' : 'en')}>{t('nav.language')}</Button>
            <Button type="link" onClick={() => setChangingPassword(true)} data-testid="change-password">{t('password.change')}</Button>
            <Button onClick={() => void signOut().then(() => navigate('/signin'))}>{t('nav.signOut')}</Button>
          </Space>
          <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
