import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { DefinitionSummary } from '../api/types';
import { errorText } from '../shared/errorText';
import { formatMoment } from '../shared/format';
import { importDefinition, listDefinitions } from './api';

/** The workflow definitions, to open in the designer, create, or import from Elsa-3 JSON. */
export default function DefinitionsPage() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const [definitions, setDefinitions] = useState<DefinitionSummary[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm();

  const load = useCallback(() => void listDefinitions().then(setDefinitions).catch((e) => setError(errorText(e))), []);
  useEffect(load, [load]);
  const exists = (definitionId: unknown) => typeof definitionId === 'string' && !!definitions?.some((d) => d.definitionId === definitionId);

  // A file is read and checked before it is sent; a file for an existing definition becomes its
  // next version only once the administrator says so.
  const importFile = async (file: File) => {
    setError(null);
    let json: { definitionId?: unknown };
    try {
      json = JSON.parse(await file.text());
    } catch (e) {
      setError(t('designer.notJson', { file: file.name, reason: (e as Error).message }));
      return;
    }

    const send = async () => {
      try {
        const created = await importDefinition(json);
        navigate(`/designer/${created.definitionId}`);
      } catch (e) {
        setError(t('designer.importFailed', { file: file.name, reason: errorText(e) }));
      }
    };
    if (exists(json.definitionId)) {
      modal.confirm({ title: t('designer.importAsNewVersion', { id: String(json.definitionId) }), okText: t('designer.import'), cancelText: t('common.cancel'), onOk: send });
      return;
    }

    await send();
  };

  const create = async () => {
    const { definitionId, name } = await form.validateFields();
    try {
      await importDefinition({
        definitionId, name, version: 1, isPublished: false,
        root: { type: 'Elsa.Flowchart', id: 'flow', activities: [{ id: 'start', type: 'Elsa.Start', metadata: { designer: { position: { x: 0, y: 0 } } } }], connections: [] },
      });
      navigate(`/designer/${definitionId}`);
    } catch (e) {
      setError(errorText(e));
      setCreating(false);
    }
  };

  return (
    <Card title={t('designer.definitions')} extra={
      <Space>
        <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => { void importFile(f); return false; }}>
          <Button>{t('designer.import')}</Button>
        </Upload>
        <Button type="primary" onClick={() => setCreating(true)}>{t('designer.newDefinition')}</Button>
      </Space>}>
      {error && <Alert type="error" showIcon closable onClose={() => setError(null)} title={error} style={{ marginBottom: 16 }} data-testid="definitions-error" />}
      <Table<DefinitionSummary> rowKey="id" scroll={{ x: 'max-content' }} dataSource={definitions ?? []} loading={!definitions}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: t('designer.definitionId'), render: (_, d) => <Link to={`/designer/${d.definitionId}`}>{d.definitionId}</Link> },
          // Names are what people called their workflows, in whatever language they wrote them.
          { title: t('common.name'), render: (_, d) => <span data-user-text>{d.name}</span> },
          { title: t('designer.versions'), width: 80, dataIndex: 'version' },
          { title: t('common.status'), width: 110, render: (_, d) => <Tag color={d.isPublished ? 'green' : 'default'}>{d.isPublished ? t('designer.publishedTag') : t('designer.draft')}</Tag> },
          { title: t('designer.publish'), width: 160, render: (_, d) => formatMoment(d.publishedAt) },
        ]} />
      <Modal open={creating} title={t('designer.newDefinition')} onOk={create} onCancel={() => setCreating(false)} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="definitionId" label={t('designer.definitionId')}
            rules={[
              { required: true, pattern: /^[a-z0-9][a-z0-9-]*$/, message: t('designer.definitionIdRule') },
              { validator: (_, value) => (exists(value) ? Promise.reject(new Error(t('designer.definitionIdTaken', { id: value }))) : Promise.resolve()) },
            ]}>
            <Input placeholder="my-workflow" />
          </Form.Item>
          <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}><Input /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
