import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { requestPasswordReset } from './api';
import PublicPage, { useSubmission } from './PublicPage';

/** "Forgot your password?": a link is e-mailed; the page says the same whether or not the address has an account. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const { busy, error, done, submit } = useSubmission(({ email }: { email: string }) => requestPasswordReset(email));

  return (
    <PublicPage title={t('password.forgotTitle')} error={error}>
      {done ? <Alert type="success" showIcon title={t('password.sent')} data-testid="reset-sent" /> : (
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Typography.Paragraph type="secondary">{t('password.forgotHint')}</Typography.Paragraph>
          <Form.Item name="email" label={t('signIn.email')} rules={[{ required: true, type: 'email' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{t('password.sendLink')}</Button>
        </Form>
      )}
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}><Link to="/signin">{t('password.backToSignIn')}</Link></Typography.Paragraph>
    </PublicPage>
  );
}
