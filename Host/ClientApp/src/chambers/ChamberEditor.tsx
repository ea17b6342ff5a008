import { Alert, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chamber, ChamberEdit, FederationRef } from '../api/types';
import { errorText } from '../shared/errorText';
import { listFederations, updateChamber } from './api';
import { chamberTypes } from './chamberTypes';

const figures = ['memberCount', 'enterpriseMemberCount', 'previousYearMemberCount', 'localPrivateEntityCount'] as const;

/** One chamber's fields in a dialog; saved as a whole, refused with every reason the import would give. */
export default function ChamberEditor({ chamber, onClose, onSaved }: { chamber: Chamber | null; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ChamberEdit>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const [federations, setFederations] = useState<FederationRef[]>([]);
  useEffect(() => {
    setError(null);
    if (chamber) void listFederations().then(setFederations).catch(() => setFederations([]));
  }, [chamber]);

  const save = async () => {
    if (!chamber) return;
    setBusy(true);
    setError(null);
    try {
      const values = form.getFieldsValue();
      await updateChamber(chamber.id, {
        name: values.name ?? null, type: values.type ?? null, district: values.district ?? null, contact: values.contact ?? null,
        email: values.email ?? null, phone: values.phone ?? null, memberCount: values.memberCount ?? null,
        enterpriseMemberCount: values.enterpriseMemberCount ?? null, previousYearMemberCount: values.previousYearMemberCount ?? null,
        localPrivateEntityCount: values.localPrivateEntityCount ?? null, language: values.language ?? null, parentId: values.parentId ?? null,
      });
      onSaved();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={!!chamber} title={t('chambers.edit')} onCancel={onClose} onOk={() => void save()} confirmLoading={busy}
      okText={t('common.save')} cancelText={t('common.cancel')} destroyOnHidden>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} data-testid="chamber-error" />}
      <Form key={chamber?.id} form={form} initialValues={chamber ?? undefined} layout="horizontal" labelCol={{ span: 7 }}>
        <Form.Item name="name" label={t('common.name')} required><Input /></Form.Item>
        <Form.Item name="type" label={t('chambers.type')}>
          <Select allowClear options={chamberTypes.map((type) => ({ value: type, label: t(`chambers.types.${type}`) }))} />
        </Form.Item>
        <Form.Item name="district" label={t('campaigns.district')}><Input /></Form.Item>
        <Form.Item name="parentId" label={t('chambers.parent')} extra={t('chambers.parentHint')}>
          <Select allowClear showSearch optionFilterProp="label" data-testid="parent-select"
            options={federations.filter((f) => f.id !== chamber?.id).map((f) => ({ value: f.id, label: f.name }))} />
        </Form.Item>
        <Form.Item name="contact" label={t('chambers.contact')}><Input /></Form.Item>
        <Form.Item name="email" label={t('chambers.email')} required extra={t('chambers.emailHint')}><Input /></Form.Item>
        <Form.Item name="phone" label={t('chambers.phone')}><Input /></Form.Item>
        <Form.Item name="language" label={t('chambers.language')} extra={t('chambers.languageHint')}>
          <Select allowClear placeholder={t('chambers.languages.zh-CN')}
            options={['zh-CN', 'en'].map((language) => ({ value: language, label: t(`chambers.languages.${language}`) }))} />
        </Form.Item>
        {figures.map((field) => (
          <Form.Item key={field} name={field} label={t(`chambers.figures.${field}`)}><InputNumber min={0} precision={0} style={{ width: 160 }} /></Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
