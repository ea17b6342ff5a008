import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../shared/errorText';
import { changePassword } from './api';
import { passwordRules, repeatRule } from './passwordRules';

/** The signed-in user's own password: the current one, then the new one twice. */
export default function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ current: string; password: string; repeat: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const values = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await changePassword(values.current, values.password);
      void message.success(t('password.changed'));
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title={t('password.change')} onCancel={onClose} onOk={() => void save()} confirmLoading={busy}
      okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Form.Item name="current" label={t('password.current')} rules={[{ required: true }]}><Input.Password autoComplete="current-password" /></Form.Item>
        <Form.Item name="password" label={t('password.new')} rules={passwordRules(t)} extra={t('password.rule')}><Input.Password autoComplete="new-password" /></Form.Item>
        <Form.Item name="repeat" label={t('password.repeat')} dependencies={['password']} rules={[{ required: true }, repeatRule(t, 'password')]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
