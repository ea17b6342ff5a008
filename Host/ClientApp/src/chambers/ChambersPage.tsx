import { Alert, Button, Card, Input, Space, Table, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../api/http';
import type { Chamber, ImportResult } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { errorText } from '../shared/errorText';
import { createPortalLink, importChambers, listChambers } from './api';
import ImportRowErrors from './ImportRowErrors';

export default function ChambersPage() {
  const { t } = useTranslation();
  const { hasRole } = useAuth();
  const [chambers, setChambers] = useState<Page<Chamber> | null>(null);
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<{ id: string; link: string } | null>(null);

  const load = useCallback(() => {
    listChambers({ page, pageSize: 50, search }).then(setChambers);
  }, [page, search]);
  useEffect(load, [load]);

  // A new import replaces what the last one said: an old success never stands beside a new error.
  const importFile = async (file: File) => {
    setError(null);
    setResult(null);
    try {
      setResult(await importChambers(file));
      load();
    } catch (e) {
      setError(errorText(e));
    }
    return false;
  };

  return (
    <Card title={t('chambers.title')} extra={
      <Space>
        <Input.Search placeholder={t('common.search')} allowClear onSearch={(v) => { setPage(1); setSearch(v); }} style={{ width: 220 }} />
        {hasRole('admin', 'staff') && (
          <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => void importFile(f) as unknown as boolean}>
            <Button icon={<UploadOutlined />}>{t('chambers.import')}</Button>
          </Upload>
        )}
      </Space>}>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
      {result && (
        <Alert style={{ marginBottom: 16 }} type={result.errors.length ? 'warning' : 'success'} showIcon closable onClose={() => setResult(null)}
          title={t('chambers.imported', { rows: result.rows, created: result.created, updated: result.updated })}
          description={<ImportRowErrors errors={result.errors} />} />
      )}
      {link && <Alert style={{ marginBottom: 16 }} type="info" closable onClose={() => setLink(null)} title={<Typography.Text copyable>{link.link}</Typography.Text>} />}
      <Table<Chamber> rowKey="id" size="small" dataSource={chambers?.items} loading={!chambers}
        pagination={{ current: page, pageSize: 50, total: chambers?.total, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('chambers.type'), dataIndex: 'type', width: 110 },
          { title: t('campaigns.district'), dataIndex: 'district', width: 110 },
          { title: t('chambers.contact'), dataIndex: 'contact', width: 100 },
          { title: t('chambers.email'), dataIndex: 'email' },
          { title: t('chambers.members'), dataIndex: 'memberCount', width: 90 },
          hasRole('admin', 'staff') ? {
            title: t('chambers.portalLink'), width: 120,
            render: (_: unknown, c: Chamber) => <Button size="small" onClick={async () => setLink({ id: c.id, link: (await createPortalLink(c.id)).link })}>{t('chambers.portalLink')}</Button>,
          } : {},
        ]} />
    </Card>
  );
}
