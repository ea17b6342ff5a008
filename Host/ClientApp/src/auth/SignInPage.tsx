import { Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from './AuthContext';
import PublicPage, { useSubmission } from './PublicPage';

export default function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { busy, error, submit } = useSubmission(async (values: { email: string; password: string }) => {
    await signIn(values.email, values.password);
    navigate((location.state as { from?: string } | null)?.from ?? '/', { replace: true });
  }, t('signIn.failed'));

  return (
    <PublicPage title={t('app.name')} error={error}>
      <Form layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="email" label={t('signIn.email')} rules={[{ required: true, type: 'email' }]}>
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>{t('signIn.submit')}</Button>
      </Form>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'right' }}><Link to="/forgot-password">{t('password.forgot')}</Link></Typography.Paragraph>
    </PublicPage>
  );
}
