import { Alert, Button, Descriptions, Drawer, Grid, Input, Popconfirm, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../api/http';
import type { CampaignMeetingView, MeetingSheetRow, SignInImportResult } from '../api/types';
import { errorText } from '../shared/errorText';
import { beijingDateTime, formatDay, formatMoment } from '../shared/format';
import { completeCampaignMeeting, getMeetingSheet, importSignInList, signInParticipants, type SheetFilter } from './api';

const pageSize = 50;

/**
 * 签到表: one line per participant with its 回执 and whether it came. Once the meeting has begun,
 * staff tick the lines picked (present, absent, or back to unrecorded), or sign in everyone the
 * meeting's own sign-in list names; when it is over they write the minutes once, which records
 * the meeting and closes the sheet.
 */
export default function MeetingSheetDrawer({ campaignId, meeting, canAct, onClose, onChanged }: {
  campaignId: string; meeting: CampaignMeetingView; canAct: boolean; onClose(): void; onChanged(): void;
}) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<SheetFilter>({});
  const [page, setPage] = useState(1);
  const [sheet, setSheet] = useState<Page<MeetingSheetRow> | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<SignInImportResult | null>(null);
  const [minutes, setMinutes] = useState('');
  const [busy, setBusy] = useState(false);
  const screens = Grid.useBreakpoint();
  const open = canAct && (meeting.status === 'scheduled' || meeting.status === 'recording');

  const load = useCallback(() => {
    getMeetingSheet(campaignId, meeting.id, filter, { page, pageSize }).then((s) => { setSheet(s); setError(null); }).catch((e) => setError(errorText(e)));
  }, [campaignId, meeting.id, filter, page]);
  useEffect(load, [load]);

  const refine = (patch: SheetFilter) => {
    setPage(1);
    setPicked([]);
    setFilter((f) => ({ ...f, ...patch }));
  };

  /** Runs a change, then reloads the sheet and the counts; a refusal is shown, not thrown. */
  const act = async (change: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await change();
      setPicked([]);
      load();
      onChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const mark = (attended: boolean | null) => act(() => signInParticipants(campaignId, meeting.id, picked, attended));

  return (
    <Drawer open title={`${t('meetings.sheet')} · ${meeting.title}`} size={screens.md ? 'large' : '100%'} onClose={onClose} data-testid="meeting-sheet">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('meetings.when')}>{beijingDateTime(meeting.start, i18n.language)}</Descriptions.Item>
          <Descriptions.Item label={t('meetings.location')}><span data-user-text>{meeting.location}</span></Descriptions.Item>
          <Descriptions.Item label={t('meetings.repliesColumn')}>
            {t('meetings.replyCounts', { attending: meeting.attending, declined: meeting.declined, none: meeting.invited - meeting.attending - meeting.declined })}
            {meeting.status === 'scheduled' && ` · ${t('meetings.replyDue', { date: formatDay(meeting.replyDue, i18n.language) })}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('meetings.attendanceColumn')}>
            <span data-testid="sheet-attendance">{t('meetings.attendanceCounts', { attended: meeting.attended, absent: meeting.absent, invited: meeting.invited })}</span>
          </Descriptions.Item>
        </Descriptions>

        <Space wrap>
          <Input.Search allowClear placeholder={t('meetings.search')} style={{ width: 220 }} maxLength={100} onSearch={(search) => refine({ search: search.trim() || undefined })} />
          <Select allowClear placeholder={t('meetings.repliesColumn')} style={{ width: 140 }} value={filter.reply} onChange={(reply) => refine({ reply })}
            options={['attending', 'declined', 'none'].map((value) => ({ value, label: t(`meetings.replies.${value}`) }))} />
          <Select allowClear placeholder={t('meetings.attendanceColumn')} style={{ width: 140 }} value={filter.attended} onChange={(attended) => refine({ attended })}
            options={['yes', 'no', 'none'].map((value) => ({ value, label: t(`meetings.attended.${value}`) }))} />
        </Space>

        {open && (
          <Space wrap>
            <Button type="primary" disabled={picked.length === 0} loading={busy} onClick={() => void mark(true)} data-testid="mark-present">
              {t('meetings.markPresent', { count: picked.length })}
            </Button>
            <Button disabled={picked.length === 0} loading={busy} onClick={() => void mark(false)}>{t('meetings.markAbsent')}</Button>
            <Button disabled={picked.length === 0} loading={busy} onClick={() => void mark(null)}>{t('meetings.clearMark')}</Button>
            <Upload accept=".xlsx,.csv" showUploadList={false} beforeUpload={(file) => {
              void act(async () => setImported(await importSignInList(campaignId, meeting.id, file)));
              return false;
            }}>
              <Button icon={<UploadOutlined />} loading={busy}>{t('meetings.importList')}</Button>
            </Upload>
          </Space>
        )}
        {open && <Typography.Text type="secondary">{t('meetings.importHint')}</Typography.Text>}
        {imported && (
          <Alert type={imported.unknown.length > 0 ? 'warning' : 'success'} showIcon closable onClose={() => setImported(null)} data-testid="sign-in-imported"
            title={t('meetings.imported', { count: imported.signed })}
            description={imported.unknown.length > 0 ? t('meetings.unknownLines', { names: imported.unknown.slice(0, 20).join('、') }) : undefined} />
        )}
        {error && <Alert type="error" title={error} showIcon />}

        <Table size="small" rowKey="chamberId" dataSource={sheet?.items ?? []} loading={!sheet} scroll={{ x: 'max-content' }}
          rowSelection={open ? { selectedRowKeys: picked, onChange: (keys) => setPicked(keys as string[]), preserveSelectedRowKeys: true } : undefined}
          pagination={{ current: page, pageSize, total: sheet?.total ?? 0, showSizeChanger: false, onChange: setPage,
            showTotal: (total) => t('campaigns.total', { total }) }}
          columns={[
            { title: t('campaigns.chamber'), dataIndex: 'chamber', render: (name: string) => <span data-user-text>{name}</span> },
            { title: t('meetings.repliesColumn'), render: (_, row) => (row.reply
              ? <Tag color={row.reply === 'attending' ? 'green' : 'default'}>{t(`meetings.replies.${row.reply}`)}</Tag>
              : <Typography.Text type="secondary">{t('meetings.replies.none')}</Typography.Text>) },
            { title: t('meetings.attendees'), render: (_, row) => (
              <Space orientation="vertical" size={0}>
                {row.attendees && <span data-user-text>{row.attendees}</span>}
                {row.replyNote && <Typography.Text type="secondary" data-user-text>{row.replyNote}</Typography.Text>}
              </Space>
            ) },
            { title: t('meetings.attendanceColumn'), render: (_, row) => (row.attended == null ? <Typography.Text type="secondary">—</Typography.Text>
              : <Tag color={row.attended ? 'green' : 'red'} data-testid="attended">{t(`meetings.attended.${row.attended ? 'yes' : 'no'}`)}</Tag>) },
          ]} />

        {meeting.status === 'recorded' ? (
          <>
            <Typography.Title level={5}>{t('meetings.minutes')}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-user-text data-testid="meeting-minutes">{meeting.minutes}</Typography.Paragraph>
            <Typography.Text type="secondary">{t('meetings.recordedBy', { who: meeting.recordedBy, time: formatMoment(meeting.recordedAt, i18n.language) })}</Typography.Text>
          </>
        ) : meeting.status === 'recording' && canAct ? (
          <>
            <Typography.Title level={5}>{t('meetings.minutes')}</Typography.Title>
            <Input.TextArea rows={5} value={minutes} onChange={(e) => setMinutes(e.target.value)} maxLength={2000} showCount
              placeholder={t('meetings.minutesPlaceholder')} aria-label={t('meetings.minutes')} />
            <Popconfirm title={t('meetings.completeConfirm')} okText={t('common.yes')} cancelText={t('common.no')}
              onConfirm={() => void act(() => completeCampaignMeeting(campaignId, meeting.id, minutes.trim()))}>
              <Button type="primary" disabled={!minutes.trim()} loading={busy} data-testid="complete-meeting">{t('meetings.complete')}</Button>
            </Popconfirm>
          </>
        ) : meeting.status === 'scheduled' && (
          <Alert type="info" showIcon title={t('meetings.minutesAfter')} />
        )}
      </Space>
    </Drawer>
  );
}
