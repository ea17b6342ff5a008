import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { errorText } from '../shared/errorText';
import { resetPassword } from './api';
import { passwordRules, repeatRule } from './passwordRules';

/** Where the e-mailed link leads: a new password, once. */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async ({ password }: { password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await resetPassword(token, password);
      setDone(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={4}>{t('password.resetTitle')}</Typography.Title>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} showIcon />}
        {done ? <Alert type="success" showIcon title={t('password.resetDone')} data-testid="reset-done" /> : (
          <Form layout="vertical" onFinish={onFinish} requiredMark={false}>
            <Form.Item name="password" label={t('password.new')} rules={passwordRules(t)} extra={t('password.rule')}>
              <Input.Password autoComplete="new-password" autoFocus />
            </Form.Item>
            <Form.Item name="repeat" label={t('password.repeat')} dependencies={['password']} rules={[{ required: true }, repeatRule(t, 'password')]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>{t('common.save')}</Button>
          </Form>
        )}
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}><Link to="/signin">{t('password.backToSignIn')}</Link></Typography.Paragraph>
      </Card>
    </div>
  );
}
