import { App, Button, Card, Popconfirm, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../api/http';
import type { OutboxItem } from '../api/types';
import { formatMoment } from '../shared/format';
import { listOutbox, retryFailedEmails, retryOutboxItem } from './api';

const colors: Record<string, string> = { Pending: 'default', Sending: 'blue', Sent: 'green', Failed: 'red' };

export default function OutboxPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [items, setItems] = useState<Page<OutboxItem> | null>(null);
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);

  const load = useCallback(() => {
    listOutbox({ page, pageSize: 50, status }).then(setItems);
  }, [page, status]);
  useEffect(load, [load]);

  return (
    <Card title={t('outbox.title')} extra={
      <Space>
        <Select allowClear placeholder={t('common.status')} style={{ width: 140 }} value={status} onChange={(v) => { setPage(1); setStatus(v); }}
          options={Object.keys(colors).map((s) => ({ value: s, label: t(`outbox.statuses.${s}`) }))} />
        <Popconfirm title={t('outbox.retryAllConfirm')} okText={t('outbox.retry')} cancelText={t('common.cancel')}
          onConfirm={async () => { const { requeued } = await retryFailedEmails(); void message.success(t('outbox.retried', { count: requeued })); load(); }}>
          <Button data-testid="retry-failed">{t('outbox.retryAll')}</Button>
        </Popconfirm>
        <Button onClick={load}>{t('common.refresh')}</Button>
      </Space>}>
      <Table<OutboxItem> rowKey="id" scroll={{ x: 'max-content' }} size="small" dataSource={items?.items} loading={!items}
        pagination={{ current: page, pageSize: 50, total: items?.total, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('outbox.summary'), dataIndex: 'summary' },
          { title: t('common.status'), width: 100, render: (_, m) => <Tooltip title={m.lastError}><Tag color={colors[m.status]}>{t(`outbox.statuses.${m.status}`)}</Tag></Tooltip> },
          { title: t('outbox.attempts'), dataIndex: 'attempts', width: 90 },
          { title: t('common.createdAt'), width: 160, render: (_, m) => formatMoment(m.createdAt) },
          { title: t('outbox.sentAt'), width: 160, render: (_, m) => formatMoment(m.sentAt) },
          { title: t('common.actions'), width: 100, render: (_, m) => m.status === 'Failed' && <Button size="small" onClick={async () => { await retryOutboxItem(m.id); load(); }}>{t('outbox.retry')}</Button> },
        ]} />
    </Card>
  );
}
