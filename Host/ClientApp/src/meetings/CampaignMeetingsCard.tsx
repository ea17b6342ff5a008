import { Button, Card, Empty, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { CampaignMeetingView } from '../api/types';
import { beijingDateTime, formatDay, formatMoment } from '../shared/format';
import { useLoaded } from '../shared/useLoaded';
import { listCampaignMeetings, moveCampaignMeeting } from './api';
import MeetingSheetDrawer from './MeetingSheetDrawer';
import MoveMeetingForm from './MoveMeetingForm';

const statusColors: Record<string, string> = { planned: 'default', scheduled: 'blue', recording: 'orange', recorded: 'green', cancelled: 'default' };

/**
 * The meetings the campaign holds once for all its participants (工作例会/推进会): when and where,
 * how the participants replied, who came. Staff move one not yet begun and keep its sign-in
 * sheet; a link with <c>?meeting=</c> (the recorders' task) opens that sheet.
 */
export default function CampaignMeetingsCard({ campaignId, canAct, refreshKey }: { campaignId: string; canAct: boolean; refreshKey: unknown }) {
  const { t, i18n } = useTranslation();
  const [moving, setMoving] = useState<CampaignMeetingView | null>(null);
  const [params, setParams] = useSearchParams();
  const open = params.get('meeting');
  const { data: meetings, reload: load } = useLoaded(() => listCampaignMeetings(campaignId), [campaignId, refreshKey], () => []);

  const openSheet = (id: string | null) => setParams((p) => {
    const next = new URLSearchParams(p);
    if (id) next.set('meeting', id); else next.delete('meeting');
    return next;
  }, { replace: true });

  if (meetings?.length === 0) return null;
  const sheet = meetings?.find((m) => m.id === open);
  return (
    <Card title={t('meetings.campaignTitle')} size="small" data-testid="campaign-meetings" loading={!meetings}>
      {meetings?.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
        <Table size="small" pagination={false} rowKey="id" dataSource={meetings ?? []} scroll={{ x: 'max-content' }}
          columns={[
            { title: t('meetings.meeting'), render: (_, m) => (
              <Space orientation="vertical" size={0}>
                <Space size={4} wrap>
                  <Typography.Text data-user-text>{m.title}</Typography.Text>
                  {m.district && <Tag data-user-text>{m.district}</Tag>}
                </Space>
                <Typography.Text type="secondary">{beijingDateTime(m.start, i18n.language)} · <span data-user-text>{m.location}</span></Typography.Text>
              </Space>
            ) },
            { title: t('common.status'), render: (_, m) => <Tag color={statusColors[m.status]} data-testid="meeting-status">{t(`meetings.statuses.${m.status}`)}</Tag> },
            { title: t('meetings.repliesColumn'), render: (_, m) => (
              <Space orientation="vertical" size={0}>
                <span data-testid="meeting-replies">{t('meetings.replyCounts', { attending: m.attending, declined: m.declined, none: m.invited - m.attending - m.declined })}</span>
                {m.status === 'planned' && <Typography.Text type="secondary">{t('meetings.noticeAt', { time: formatMoment(m.noticeAt, i18n.language) })}</Typography.Text>}
                {(m.status === 'planned' || m.status === 'scheduled') && (
                  <Typography.Text type="secondary">{t('meetings.replyDue', { date: formatDay(m.replyDue, i18n.language) })}</Typography.Text>
                )}
              </Space>
            ) },
            { title: t('meetings.attendanceColumn'), render: (_, m) => (m.status === 'planned' || m.status === 'scheduled' || m.status === 'cancelled' ? '—'
              : <span data-testid="meeting-attendance">{t('meetings.attendanceCounts', { attended: m.attended, absent: m.absent, invited: m.invited })}</span>) },
            { title: '', render: (_, m) => (
              <Space>
                {m.status !== 'cancelled' && m.status !== 'planned' && <Button size="small" onClick={() => openSheet(m.id)} data-testid="open-sheet">{t('meetings.sheet')}</Button>}
                {canAct && (m.status === 'planned' || m.status === 'scheduled') && <Button size="small" onClick={() => setMoving(m)}>{t('meetings.moveTitle')}</Button>}
              </Space>
            ) },
          ]} />
      )}
      <Modal open={!!moving} title={t('meetings.moveTitle')} footer={null} destroyOnHidden onCancel={() => setMoving(null)}>
        {moving && (
          <MoveMeetingForm submit={(move) => moveCampaignMeeting(campaignId, moving.id, move)} onMoved={() => { setMoving(null); load(); }} />
        )}
      </Modal>
      {sheet && <MeetingSheetDrawer campaignId={campaignId} meeting={sheet} canAct={canAct} onClose={() => openSheet(null)} onChanged={load} />}
    </Card>
  );
}
