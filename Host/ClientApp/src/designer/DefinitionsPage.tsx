import { Button, Card, Form, Input, Modal, Space, Table, Tag, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { get, post } from '../api/http';
import { formatMoment } from '../shared/format';

export type DefinitionSummary = {
  definitionId: string; id: string; version: number; name?: string; description?: string; status: string; isLatest: boolean; isPublished: boolean;
  createdAt: string; publishedAt?: string | null;
};

/** The workflow definitions, to open in the designer, create, or import from Elsa-3 JSON. */
export default function DefinitionsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [definitions, setDefinitions] = useState<DefinitionSummary[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm();

  const load = useCallback(() => void get<DefinitionSummary[]>('/api/workflow-definitions').then(setDefinitions), []);
  useEffect(load, [load]);

  const importFile = async (file: File) => {
    const created = await post<{ definitionId: string }>('/api/workflow-definitions/import', JSON.parse(await file.text()));
    navigate(`/designer/${created.definitionId}`);
  };

  const create = async () => {
    const { definitionId, name } = await form.validateFields();
    await post('/api/workflow-definitions/import', {
      definitionId, name, version: 1, isPublished: false,
      root: { type: 'Elsa.Flowchart', id: 'flow', activities: [{ id: 'start', type: 'Elsa.Start', metadata: { designer: { position: { x: 0, y: 0 } } } }], connections: [] },
    });
    navigate(`/designer/${definitionId}`);
  };

  return (
    <Card title={t('designer.definitions')} extra={
      <Space>
        <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => { void importFile(f); return false; }}>
          <Button>{t('designer.import')}</Button>
        </Upload>
        <Button type="primary" onClick={() => setCreating(true)}>{t('designer.newDefinition')}</Button>
      </Space>}>
      <Table<DefinitionSummary> rowKey="id" dataSource={definitions ?? []} loading={!definitions}
        columns={[
          { title: t('designer.definitionId'), render: (_, d) => <Link to={`/designer/${d.definitionId}`}>{d.definitionId}</Link> },
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('designer.versions'), width: 80, dataIndex: 'version' },
          { title: t('common.status'), width: 110, render: (_, d) => <Tag color={d.isPublished ? 'green' : 'default'}>{d.isPublished ? t('designer.publishedTag') : t('designer.draft')}</Tag> },
          { title: t('designer.publish'), width: 160, render: (_, d) => formatMoment(d.publishedAt) },
        ]} />
      <Modal open={creating} title={t('designer.newDefinition')} onOk={create} onCancel={() => setCreating(false)} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="definitionId" label={t('designer.definitionId')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]*$/ }]}><Input placeholder="my-workflow" /></Form.Item>
          <Form.Item name="name" label={t('common.name')} rules={[{ required: true }]}><Input /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
