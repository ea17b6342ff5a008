import { Alert, Button, Card, Input, Popconfirm, Select, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../api/http';
import type { Chamber, ChamberType, ImportResult } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { errorText } from '../shared/errorText';
import { chamberTemplateUrl, createPortalLink, deleteChamber, importChambers, listChambers, listDistricts, listFederations } from './api';
import ChamberEditor from './ChamberEditor';
import ChamberTitlesDrawer from '../titles/ChamberTitlesDrawer';
import ChamberLedgerDrawer from '../ledgers/ChamberLedgerDrawer';
import { chamberTypes } from './chamberTypes';
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
  const [district, setDistrict] = useState<string>();
  const [type, setType] = useState<ChamberType>();
  const [districts, setDistricts] = useState<string[]>([]);
  const [federations, setFederations] = useState<Map<string, string>>(new Map());
  const [editing, setEditing] = useState<Chamber | null>(null);
  const [titlesOf, setTitlesOf] = useState<Chamber | null>(null);
  const [ledgerOf, setLedgerOf] = useState<Chamber | null>(null);
  const operate = hasRole('admin', 'staff');

  const load = useCallback(() => {
    listChambers({ page, pageSize: 50, search, district, type }).then(setChambers);
    listDistricts().then(setDistricts);
    listFederations().then((list) => setFederations(new Map(list.map((f) => [f.id, f.name]))));
  }, [page, search, district, type]);
  useEffect(load, [load]);

  const remove = async (chamber: Chamber) => {
    setError(null);
    try {
      await deleteChamber(chamber.id);
      load();
    } catch (e) {
      setError(errorText(e));
    }
  };

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
      <Space wrap>
        <Select allowClear placeholder={t('campaigns.district')} value={district} style={{ width: 130 }} data-testid="district-filter"
          onChange={(v) => { setPage(1); setDistrict(v); }} options={districts.map((d) => ({ value: d, label: d }))} />
        <Select allowClear placeholder={t('chambers.type')} value={type} style={{ width: 150 }} data-testid="type-filter"
          onChange={(v) => { setPage(1); setType(v); }} options={chamberTypes.map((x) => ({ value: x, label: t(`chambers.types.${x}`) }))} />
        <Input.Search placeholder={t('common.search')} allowClear onSearch={(v) => { setPage(1); setSearch(v); }} style={{ width: 200 }} />
        {operate && <Button icon={<DownloadOutlined />} href={chamberTemplateUrl} download>{t('chambers.template')}</Button>}
        {operate && (
          <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => { void importFile(f); return false; }}>
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
      <Table<Chamber> rowKey="id" scroll={{ x: 'max-content' }} size="small" dataSource={chambers?.items} loading={!chambers}
        pagination={{ current: page, pageSize: 50, total: chambers?.total, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('common.name'), dataIndex: 'name' },
          { title: t('chambers.type'), width: 110, render: (_, c) => c.type && t(`chambers.types.${c.type}`) },
          { title: t('campaigns.district'), dataIndex: 'district', width: 110 },
          { title: t('chambers.parent'), width: 140, render: (_, c) => (c.parentId ? federations.get(c.parentId) ?? '' : '') },
          { title: t('chambers.contact'), dataIndex: 'contact', width: 100 },
          { title: t('chambers.email'), dataIndex: 'email' },
          { title: t('chambers.members'), dataIndex: 'memberCount', width: 90 },
          operate ? {
            title: t('common.actions'), width: 360,
            render: (_: unknown, c: Chamber) => (
              <Space size="small">
                <Button size="small" onClick={async () => setLink({ id: c.id, link: (await createPortalLink(c.id)).link })}>{t('chambers.portalLink')}</Button>
                <Button size="small" onClick={() => setEditing(c)} data-testid={`edit-${c.name}`}>{t('common.edit')}</Button>
                <Button size="small" onClick={() => setLedgerOf(c)} data-testid={`ledger-${c.name}`}>{t('ledger.button')}</Button>
                <Button size="small" onClick={() => setTitlesOf(c)} data-testid={`titles-${c.name}`}>{t('titles.button')}</Button>
                <Popconfirm title={t('chambers.confirmDelete', { name: c.name })} okText={t('common.delete')} cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }} onConfirm={() => remove(c)}>
                  <Button size="small" danger>{t('common.delete')}</Button>
                </Popconfirm>
              </Space>
            ),
          } : {},
        ]} />
      <ChamberEditor chamber={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); load(); }} />
      <ChamberTitlesDrawer chamber={titlesOf} canAct={operate} onClose={() => setTitlesOf(null)} />
      <ChamberLedgerDrawer chamber={ledgerOf} onClose={() => setLedgerOf(null)} />
    </Card>
  );
}
