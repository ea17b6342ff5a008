import { Alert, App, Button, Card, Form, Input, Modal, Select, Switch, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FederationRef, UserView } from '../api/types';
import { listFederations } from '../chambers/api';
import { errorText } from '../shared/errorText';
import { useLoaded } from '../shared/useLoaded';
import { formatMoment } from '../shared/format';
import { createUser, listUsers, updateUser } from './api';
import { passwordRules } from '../auth/passwordRules';

const roles = ['admin', 'staff', 'leader', 'reviewer'];

export default function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();
  const [resetting, setResetting] = useState<UserView | null>(null);
  const [resetForm] = Form.useForm<{ password: string }>();

  // An administrator sets a new password for someone who cannot use the e-mailed link; their sessions end.
  const resetPassword = async () => {
    if (!resetting) return;
    const { password } = await resetForm.validateFields();
    try {
      await updateUser(resetting.id, { password });
      void message.success(t('password.resetByAdmin', { name: resetting.displayName }));
      setResetting(null);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const { data: users, error: unread, reload: load } = useLoaded(() => listUsers(), []);
  // An account may work for a federation of the directory (市/县级工商联): it then reaches only that federation's campaigns and units.
  const [federations, setFederations] = useState<FederationRef[]>([]);
  useEffect(() => void listFederations().then((all) => setFederations(all.filter((f) => f.type === 'CountyFederation' || f.type === 'CityFederation'))), []);
  const federationOptions = [{ value: '', label: t('users.topLevel') }, ...federations.map((f) => ({ value: f.id, label: <span data-user-text>{f.name}</span>, title: f.name }))];

  const change = async (id: string, patch: { roles?: string[]; disabled?: boolean; federationId?: string }) => {
    try {
      await updateUser(id, patch);
      load();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const create = async () => {
    const values = await form.validateFields();
    try {
      await createUser(values);
      setCreating(false);
      form.resetFields();
      load();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Card title={t('users.title')} extra={<Button type="primary" onClick={() => setCreating(true)}>{t('users.create')}</Button>}>
      {error && <Alert type="error" title={error} showIcon closable onClose={() => setError(null)} style={{ marginBottom: 16 }} />}
      {unread != null && <Alert type="error" title={errorText(unread)} showIcon style={{ marginBottom: 16 }} />}
      <Table<UserView> rowKey="id" scroll={{ x: 'max-content' }} dataSource={users ?? []} loading={!users && unread == null}
        columns={[
          { title: t('users.email'), dataIndex: 'email' },
          // A person's name is written as they wrote it, whatever the interface's language.
          { title: t('users.displayName'), render: (_, u) => <span data-user-text>{u.displayName}</span> },
          { title: t('users.roles'), render: (_, u) => (
            <Select mode="multiple" value={u.roles} style={{ minWidth: 260 }} onChange={(v) => v.length > 0 && void change(u.id, { roles: v })}
              options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} tagRender={({ label }) => <Tag>{label}</Tag>} />
          ) },
          { title: t('users.federation'), render: (_, u) => (
            <Select value={u.federationId ?? ''} style={{ minWidth: 180 }} options={federationOptions} data-testid="user-federation"
              onChange={(v) => void change(u.id, { federationId: v })} />
          ) },
          { title: t('users.disabled'), width: 90, render: (_, u) => <Switch checked={u.disabled} onChange={(v) => void change(u.id, { disabled: v })} /> },
          { title: t('common.createdAt'), width: 160, render: (_, u) => formatMoment(u.createdAt) },
          { title: t('common.actions'), width: 110, render: (_, u) => <Button size="small" onClick={() => setResetting(u)}>{t('password.reset')}</Button> },
        ]} />
      <Modal open={!!resetting} title={t('password.resetFor', { name: resetting?.displayName })} onCancel={() => setResetting(null)}
        onOk={() => void resetPassword()} okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
        <Form form={resetForm} layout="vertical" preserve={false}>
          <Form.Item name="password" label={t('password.new')} rules={passwordRules(t)} extra={t('password.rule')}><Input.Password autoComplete="new-password" /></Form.Item>
        </Form>
      </Modal>
      <Modal open={creating} title={t('users.create')} onCancel={() => setCreating(false)} onOk={create} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ roles: ['staff'], federationId: '' }}>
          <Form.Item name="email" label={t('users.email')} rules={[{ required: true, type: 'email' }]}><Input /></Form.Item>
          <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="password" label={t('users.password')} rules={passwordRules(t)} extra={t('password.rule')}><Input.Password /></Form.Item>
          <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true }]}>
            <Select mode="multiple" options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          <Form.Item name="federationId" label={t('users.federation')} extra={t('users.federationHint')}>
            <Select options={federationOptions} showSearch optionFilterProp="title" data-testid="new-user-federation" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
