import { Alert, Button, Card, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HonourEntry } from '../api/types';
import { submissionFileUrl } from '../inbox/api';
import { errorText } from '../shared/errorText';
import { formatMoment } from '../shared/format';
import { useLoaded } from '../shared/useLoaded';
import { changeHonour, getShortlist } from './api';

const statusColours: Record<string, string> = { proposed: 'orange', decided: 'blue', published: 'green' };

/**
 * 拟表彰名单: the units that passed, ranked by score, each on the list (in its tier) or off it. Staff
 * put a unit on or take it off, always with the reason, until the leaders sign the list off; units
 * level with the last one on the list but beyond the quota are flagged, since the quota cut between equals.
 */
export default function ShortlistCard({ campaignId, canAct, refreshKey }: { campaignId: string; canAct: boolean; refreshKey: unknown }) {
  const { t, i18n } = useTranslation();
  const [changing, setChanging] = useState<HonourEntry | null>(null);
  const [note, setNote] = useState('');
  const [tier, setTier] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const { data: list, show } = useLoaded(() => getShortlist(campaignId), [campaignId, refreshKey]);
  if (!list) return null;

  const kind = list.kind === 'recognition' ? 'recognition' : 'commendation';
  const open = canAct && list.status === 'proposed';
  const start = (entry: HonourEntry) => {
    setChanging(entry);
    setNote('');
    setTier(entry.included ? undefined : list.tiers[0]?.name);
    setError(null);
  };
  const save = async () => {
    if (!changing) return;
    try {
      show(await changeHonour(campaignId, changing.chamberId, { included: !changing.included, tier: tier ?? null, note: note.trim() }));
      setChanging(null);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Card size="small" data-testid="shortlist"
      title={<Space wrap>
        {t(`honours.title.${kind}`)}
        <Tag color={statusColours[list.status]} data-testid="shortlist-status">{t(`honours.statuses.${list.status}`)}</Tag>
      </Space>}
      extra={list.fileId && <a href={submissionFileUrl(list.fileId)} download><FileWordOutlined /> {t('honours.document')}</a>}>
      <Typography.Paragraph type="secondary" data-testid="shortlist-summary">
        {t('honours.summary', { passed: list.entries.length, included: list.included })}
        {list.quota != null && ` ${t('honours.quota', { quota: list.quota })}`}
        {open && ` ${t('honours.hint')}`}
      </Typography.Paragraph>
      <Table size="small" rowKey="chamberId" dataSource={list.entries} pagination={list.entries.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 'max-content' }}
        onRow={() => ({ 'data-testid': 'shortlist-entry' }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('honours.rank'), dataIndex: 'rank', width: 64 },
          { title: t('campaigns.chamber'), render: (_, e) => <span data-user-text>{e.chamber}</span> },
          { title: t('honours.score'), dataIndex: 'score', width: 80 },
          // A city's list takes in the chambers its districts reviewed: who reviewed each.
          ...(list.entries.some((e) => e.reviewedBy) ? [{
            title: t('honours.reviewedBy'), responsive: ['sm' as const],
            render: (_: unknown, e: HonourEntry) => e.reviewedBy && <span data-user-text data-testid="reviewed-by">{e.reviewedBy}</span>,
          }] : []),
          ...(list.tiers.length > 0 ? [{ title: t('honours.tier'), render: (_: unknown, e: HonourEntry) => e.tier && <span data-user-text>{e.tier}</span> }] : []),
          {
            title: t('honours.onList'), render: (_, e) => <Space size={4} wrap>
              <Tag color={e.included ? 'green' : 'default'}>{t(e.included ? 'honours.included' : 'honours.left')}</Tag>
              {e.tiedAtQuota && <Tag color="warning" data-testid="tied-at-quota">{t('honours.tied')}</Tag>}
            </Space>,
          },
          {
            title: t('honours.note'), responsive: ['md'], render: (_, e) => e.note && <Typography.Text type="secondary">
              <span data-user-text>{e.note}</span>{e.changedAt && ` · ${e.changedBy ?? ''} ${formatMoment(e.changedAt, i18n.language)}`}
            </Typography.Text>,
          },
          ...(open ? [{
            title: '', render: (_: unknown, e: HonourEntry) => (
              <Button type="link" size="small" onClick={() => start(e)} data-testid="change-honour">{t(e.included ? 'honours.strike' : 'honours.add')}</Button>
            ),
          }] : []),
        ]} />
      <Modal open={!!changing} destroyOnHidden onCancel={() => setChanging(null)} onOk={() => void save()} okText={t('common.submit')} cancelText={t('common.cancel')}
        title={changing && t(changing.included ? 'honours.strikeTitle' : 'honours.addTitle', { chamber: changing.chamber })}
        okButtonProps={{ disabled: !note.trim() || (!changing?.included && list.tiers.length > 0 && !tier) }}>
        {changing && !changing.included && list.tiers.length > 0 && (
          <Select style={{ width: '100%', marginBottom: 8 }} value={tier} onChange={setTier} aria-label={t('honours.tier')}
            options={list.tiers.map((x) => ({ value: x.name, label: i18n.language === 'en' && x.nameEn ? x.nameEn : x.name }))} />
        )}
        <Input.TextArea rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('honours.reason')}
          aria-label={t('honours.reason')} data-testid="honour-reason" />
        {error && <Alert type="error" title={error} showIcon style={{ marginTop: 8 }} />}
      </Modal>
    </Card>
  );
}
