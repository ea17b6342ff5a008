import { Alert, Button, Card, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { StarFilled, StarOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { oneLanguage } from '../shared/oneLanguage';
import { Link } from 'react-router-dom';
import type { ChaseResult, ParticipantView } from '../api/types';
import { errorText } from '../shared/errorText';
import { formatDue } from '../shared/format';
import { useLoaded } from '../shared/useLoaded';
import { chaseParticipants, listParticipants, participantsExportUrl, pickDemonstration } from './api';
import EvidenceCount from './EvidenceCount';
import type { ParticipantFilter } from './participantFilter';

const statusColors: Record<string, string> = { overdue: 'red', pending: 'orange', submitted: 'blue', reviewing: 'purple', finished: 'green', faulted: 'magenta' };
const statuses = ['pending', 'overdue', 'submitted', 'reviewing', 'running', 'finished', 'faulted', 'stopped', 'not-launched'];
const outcomes = ['commended', 'passed', 'rectifying', 'not-passed', 'not-participated', 'none'];

/** Whom a 催办 goes to: the chambers picked, or every chamber in a status. */
type ChaseTarget = { chamberIds: string[] } | { status: 'overdue' | 'pending' };

/**
 * The participants of a campaign, filtered on the server (status, outcome, name), with 催办:
 * staff pick chambers — or take every overdue one — and add a note to the e-mail. Staff (canAct)
 * also make participants demonstration units here.
 */
export default function ParticipantsCard({ campaignId, canAct, refreshKey, scoredItems = 0, onDemonstrationsChanged, district, onDistrictCleared, parent,
  onParentCleared }: {
  campaignId: string; canAct: boolean; refreshKey: unknown; scoredItems?: number; onDemonstrationsChanged?(): void;
  /** A district opened from the districts card: only its participants are listed (and exported). */
  district?: string; onDistrictCleared?(): void;
  /** A federation opened from the tree: only the participants directly under it. */
  parent?: { id: string; name: string }; onParentCleared?(): void;
}) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<ParticipantFilter>({});
  const [page, setPage] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [chasing, setChasing] = useState<ChaseTarget | null>(null);
  const [note, setNote] = useState('');
  const [result, setResult] = useState<ChaseResult | null>(null);
  const [demonstrating, setDemonstrating] = useState<ParticipantView | null>(null);
  const [reason, setReason] = useState('');

  // The district is the page's (the districts card sets it); the other filters are this card's.
  const shown = useMemo(() => ({ ...filter, district, parent: parent?.id }), [filter, district, parent]);
  useEffect(() => setPage(1), [district, parent]);
  const { data: participants, error: unread, reload: load } = useLoaded(() => listParticipants(campaignId, shown, { page, pageSize: 50 }),
    [campaignId, shown, page, refreshKey]);

  const refine = (patch: Partial<ParticipantFilter>) => {
    setPage(1);
    setFilter((f) => ({ ...f, ...patch }));
  };

  const demonstrate = async () => {
    if (!demonstrating) return;
    try {
      await pickDemonstration(campaignId, demonstrating.chamberId, reason.trim());
      setDemonstrating(null);
      setReason('');
      load();
      onDemonstrationsChanged?.();
    } catch (e) {
      setError(errorText(e));
      setDemonstrating(null);
    }
  };

  const chase = async () => {
    if (!chasing) return;
    try {
      setResult(await chaseParticipants(campaignId, { ...chasing, note: note.trim() || undefined }));
      setChasing(null);
      setNote('');
      setPicked([]);
    } catch (e) {
      setError(errorText(e));
      setChasing(null);
    }
  };

  return (
    <Card title={t('campaigns.participants')} size="small" extra={
      <Space wrap>
        {district && <Tag closable onClose={onDistrictCleared} color="blue" data-testid="district-filter">{t('districts.only', { district })}</Tag>}
        {parent && <Tag closable onClose={onParentCleared} color="blue" data-testid="parent-filter">{t('tree.only', { federation: parent.name })}</Tag>}
        <Input.Search placeholder={t('campaigns.searchChamber')} allowClear style={{ width: 200 }} onSearch={(v) => refine({ search: v.trim() || undefined })} />
        <Select allowClear placeholder={t('campaigns.filterStatus')} style={{ width: 140 }} value={filter.status} onChange={(status) => refine({ status })}
          data-testid="status-filter" options={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        <Select allowClear placeholder={t('campaigns.filterOutcome')} style={{ width: 140 }} value={filter.outcome} onChange={(outcome) => refine({ outcome })}
          options={outcomes.map((o) => ({ value: o, label: t(`outcome.${o}`) }))} />
        <Button href={participantsExportUrl(campaignId, shown)}>{t('common.export')}</Button>
        {canAct && (
          <>
            <Button disabled={picked.length === 0} onClick={() => setChasing({ chamberIds: picked })} data-testid="chase-picked">
              {t('campaigns.chasePicked', { count: picked.length })}
            </Button>
            <Button danger onClick={() => setChasing({ status: 'overdue' })}>{t('campaigns.chaseOverdue')}</Button>
          </>
        )}
      </Space>}>
      {error && <Alert type="error" title={error} showIcon closable onClose={() => setError(null)} style={{ marginBottom: 12 }} />}
      {unread != null && <Alert type="error" title={errorText(unread)} showIcon style={{ marginBottom: 12 }} />}
      {result && (
        <Alert type={result.chased > 0 ? 'success' : 'info'} showIcon closable onClose={() => setResult(null)} style={{ marginBottom: 12 }}
          data-testid="chase-result" title={t('campaigns.chased', result)} />
      )}
      <Table<ParticipantView> size="small" rowKey="chamberId" dataSource={participants?.items} loading={!participants}
        rowSelection={canAct ? { selectedRowKeys: picked, onChange: (keys) => setPicked(keys as string[]), preserveSelectedRowKeys: true } : undefined}
        pagination={{ current: page, pageSize: 50, total: participants?.total, onChange: setPage, showSizeChanger: false, showTotal: (total) => t('campaigns.total', { total }) }}
        columns={[
          { title: t('campaigns.chamber'), render: (_, p) => (
            <>
              {p.status === 'not-launched' ? p.chamber : <Link to={`/instances/${p.instanceId}`}>{p.chamber}</Link>}
              {/* A filled star: a demonstration unit (an outlined one makes it one); short enough for a phone's column. */}
              {p.demonstration && (
                <Tooltip title={t('demonstrations.tag')}>
                  <StarFilled style={{ color: '#d48806', marginInlineStart: 6 }} aria-label={t('demonstrations.tag')} data-testid="demonstration-tag" />
                </Tooltip>
              )}
              {canAct && !p.demonstration && p.status !== 'not-launched' && (
                <Tooltip title={t('demonstrations.pick')}>
                  <Button type="text" size="small" icon={<StarOutlined />} aria-label={t('demonstrations.pick')} onClick={() => setDemonstrating(p)}
                    data-testid="make-demonstration" />
                </Tooltip>
              )}
            </>
          ) },
          // On a phone: the chamber, where it stands and its due date; the rest from a desk.
          { title: t('campaigns.district'), dataIndex: 'district', width: 110, responsive: ['md'] },
          { title: t('common.status'), width: 100, render: (_, p) => <Tag color={statusColors[p.status]}>{t(`status.${p.status}`)}</Tag> },
          { title: t('campaigns.stage'), render: (_, p) => p.fault
            ? <Typography.Text type="danger" data-testid="participant-fault">{oneLanguage(p.fault, i18n.language)}</Typography.Text> : p.stage },
          { title: t('common.due'), width: 110, render: (_, p) => formatDue(p.dueAt), responsive: ['sm'] },
          { title: t('campaigns.round'), width: 70, render: (_, p) => p.round || '', responsive: ['md'] },
          { title: t('campaigns.reached'), dataIndex: 'reached', responsive: ['md'] },
          // Before the review: how many standards each has documented (the missing ones on a click).
          // A federation running its own campaign for this one shows none of its own: its row leads there.
          ...(scoredItems > 0 ? [{ title: t('evidence.column'), width: 100, responsive: ['md' as const], render: (_: unknown, p: ParticipantView) => p.ownCampaignId
            ? <Link to={`/campaigns/${p.ownCampaignId}`} data-testid="participant-own-campaign">{t('tree.ownCampaign')}</Link>
            : p.status === 'not-launched' ? '' : <EvidenceCount instanceId={p.instanceId} provided={p.evidence ?? 0} total={scoredItems} /> }] : []),
          { title: t('campaigns.score'), width: 80, dataIndex: 'score', responsive: ['md'] },
          { title: t('campaigns.outcome'), width: 100, render: (_, p) => p.outcome ? t(`outcome.${p.outcome}`) : '', responsive: ['md'] },
        ]} />
      <Modal open={!!demonstrating} title={t('demonstrations.pickTitle', { chamber: demonstrating?.chamber ?? '' })} okText={t('demonstrations.pick')}
        cancelText={t('common.cancel')} onCancel={() => setDemonstrating(null)} onOk={() => void demonstrate()}>
        <Input.TextArea rows={3} maxLength={500} showCount value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('demonstrations.reason')}
          aria-label={t('demonstrations.reason')} />
      </Modal>
      <Modal open={!!chasing} title={t('campaigns.chaseTitle')} okText={t('campaigns.chaseSend')} cancelText={t('common.cancel')}
        onCancel={() => setChasing(null)} onOk={() => void chase()}>
        <Typography.Paragraph>
          {chasing && 'status' in chasing ? t('campaigns.chaseAllOverdue') : t('campaigns.chaseSome', { count: picked.length })}
        </Typography.Paragraph>
        <Input.TextArea rows={3} maxLength={500} showCount value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('campaigns.chaseNote')} />
      </Modal>
    </Card>
  );
}
