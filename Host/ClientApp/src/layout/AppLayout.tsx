import { Badge, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Tag, Typography } from 'antd';
import { ApartmentOutlined, BankOutlined, CalendarOutlined, OrderedListOutlined, DashboardOutlined, FileTextOutlined, FlagOutlined, InboxOutlined, MailOutlined, MenuOutlined, ScheduleOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { savedLanguage, setLanguage } from '../i18n';
import { countOpenTasks } from '../inbox/api';
import { onTasksChanged } from '../inbox/taskEvents';
import { onLive } from '../live/live';
import RehearsalBanner from './RehearsalBanner';
import { rememberLanguage } from '../auth/api';
import ChangePasswordDialog from '../auth/ChangePasswordDialog';

/** Hangfire's dashboard: a page of the Host's own, outside this application. */
const JOB_DASHBOARD = '/admin/jobs';

export default function AppLayout() {
  const { t, i18n } = useTranslation();
  const { user, signOut, hasRole } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [openTasks, setOpenTasks] = useState(0);
  const [changingPassword, setChangingPassword] = useState(false);
  // On a phone the menu is a drawer and the header keeps the person's actions in one button.
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [menuOpen, setMenuOpen] = useState(false);

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

  const go = (key: string) => {
    setMenuOpen(false);
    if (key === JOB_DASHBOARD) window.location.assign(JOB_DASHBOARD);
    else navigate(key);
  };
  const menu = <Menu mode="inline" selectedKeys={selected} items={items} onClick={(e) => go(e.key)} />;
  const switchLanguage = () => {
    const next = savedLanguage() === 'en' ? 'zh-CN' : 'en';
    setLanguage(next);
    // Not waited for: the page changes language at once; the e-mails follow from the next one.
    void rememberLanguage(next).catch(() => undefined);
  };
  const leave = () => void signOut().then(() => navigate('/signin'));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!phone && (
        <Layout.Sider width={208} theme="light">
          <Typography.Title level={5} style={{ padding: '16px 16px 8px', margin: 0 }}>{t('app.name')}</Typography.Title>
          {menu}
        </Layout.Sider>
      )}
      {phone && (
        <Drawer open={menuOpen} onClose={() => setMenuOpen(false)} placement="left" size={260} title={t('app.name')} styles={{ body: { padding: 0 } }}>
          {menu}
        </Drawer>
      )}
      <Layout>
        <RehearsalBanner />
        <Layout.Header style={{ background: '#fff', display: 'flex', justifyContent: phone ? 'space-between' : 'flex-end', alignItems: 'center', paddingInline: phone ? 12 : 24 }}>
          {phone && (
            <Space>
              <Button icon={<MenuOutlined />} aria-label={t('nav.menu')} onClick={() => setMenuOpen(true)} data-testid="open-menu" />
              <Badge count={openTasks} size="small"><Button type="text" onClick={() => navigate('/inbox')}>{t('nav.inbox')}</Button></Badge>
            </Space>
          )}
          {phone ? (
            <Dropdown trigger={['click']} menu={{ items: [
              { key: 'language', label: t('nav.language'), onClick: switchLanguage },
              { key: 'password', label: t('password.change'), onClick: () => setChangingPassword(true) },
              { key: 'signOut', label: t('nav.signOut'), onClick: leave },
            ] }}>
              <Button icon={<UserOutlined />} data-testid="signed-in-as">{user?.displayName || user?.email}</Button>
            </Dropdown>
          ) : (
            <Space>
              {user?.federationName && <Tag data-user-text data-testid="signed-in-federation">{user.federationName}</Tag>}
              <Typography.Text data-testid="signed-in-as">{user?.displayName || user?.email}</Typography.Text>
              <Button type="link" onClick={switchLanguage}>{t('nav.language')}</Button>
              <Button type="link" onClick={() => setChangingPassword(true)} data-testid="change-password">{t('password.change')}</Button>
              <Button onClick={leave}>{t('nav.signOut')}</Button>
            </Space>
          )}
          <ChangePasswordDialog open={changingPassword} onClose={() => setChangingPassword(false)} />
        </Layout.Header>
        <Layout.Content style={{ margin: phone ? 8 : 24 }}>
          <Outlet key={i18n.language} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
