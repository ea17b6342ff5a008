import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { errorText } from '../shared/errorText';
import { requestPasswordReset } from './api';

/** "Forgot your password?": a link is e-mailed; the page says the same whether or not the address has an account. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async ({ email }: { email: string }) => {
    setBusy(true);
    setError(null);
    try {
      await requestPasswordReset(email);
      setSent(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={4}>{t('password.forgotTitle')}</Typography.Title>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} showIcon />}
        {sent ? <Alert type="success" showIcon title={t('password.sent')} data-testid="reset-sent" /> : (
          <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
            <Typography.Paragraph type="secondary">{t('password.forgotHint')}</Typography.Paragraph>
            <Form.Item name="email" label={t('signIn.email')} rules={[{ required: true, type: 'email' }]}>
              <Input autoComplete="username" autoFocus />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>{t('password.sendLink')}</Button>
          </Form>
        )}
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}><Link to="/signin">{t('password.backToSignIn')}</Link></Typography.Paragraph>
      </Card>
    </div>
  );
}
