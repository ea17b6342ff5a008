import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { resetPassword } from './api';
import { passwordRules, repeatRule } from './passwordRules';
import PublicPage, { useSubmission } from './PublicPage';

/** Where the e-mailed link leads: a new password, once. */
export default function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { busy, error, done, submit } = useSubmission(({ password }: { password: string }) => resetPassword(token, password));

  return (
    <PublicPage title={t('password.resetTitle')} error={error}>
      {done ? <Alert type="success" showIcon title={t('password.resetDone')} data-testid="reset-done" /> : (
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
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
    </PublicPage>
  );
}
