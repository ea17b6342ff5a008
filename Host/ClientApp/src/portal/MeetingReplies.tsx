import { Alert, Button, Card, Input, List, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortalMeeting } from '../api/types';
import { errorText } from '../shared/errorText';
import { beijingDateTime, formatDay } from '../shared/format';
import { replyToMeeting } from './api';

/**
 * 会议回执: the meetings the chamber's campaigns hold for all their participants. Until the reply
 * date the chamber says whether it comes and who (name and position); it may change its reply
 * until then. After it, the reply stands as given.
 */
export default function MeetingReplies({ token, meetings }: { token: string; meetings: PortalMeeting[] }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(meetings);
  if (shown.length === 0) return null;
  const replace = (meeting: PortalMeeting) => setShown((all) => all.map((m) => (m.id === meeting.id ? meeting : m)));
  return (
    <Card title={t('meetings.portalTitle')} data-testid="portal-meetings">
      <List dataSource={shown} renderItem={(meeting) => <MeetingReply token={token} meeting={meeting} onReplied={replace} />} />
    </Card>
  );
}

function MeetingReply({ token, meeting, onReplied }: { token: string; meeting: PortalMeeting; onReplied(meeting: PortalMeeting): void }) {
  const { t, i18n } = useTranslation();
  const [reply, setReply] = useState(meeting.reply ?? '');
  const [attendees, setAttendees] = useState(meeting.attendees ?? '');
  const [note, setNote] = useState(meeting.replyNote ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      onReplied(await replyToMeeting(token, meeting.id, { reply, attendees: attendees.trim(), note: note.trim() }));
      setSaved(true);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <List.Item data-testid="portal-meeting">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Text strong data-user-text>{meeting.title}</Typography.Text>
          {meeting.reply
            ? <Tag color={meeting.reply === 'attending' ? 'green' : 'default'} data-testid="meeting-reply">{t(`meetings.replies.${meeting.reply}`)}</Tag>
            : <Tag color="orange">{t('meetings.replies.none')}</Tag>}
        </Space>
        <Typography.Text type="secondary"><span data-user-text>{meeting.campaign}</span></Typography.Text>
        <Typography.Text>{beijingDateTime(meeting.start, i18n.language)} · <span data-user-text>{meeting.location}</span></Typography.Text>
        {meeting.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-user-text>{meeting.description}</Typography.Paragraph>}
        {meeting.canReply ? (
          <>
            <Typography.Text type="secondary">{t('meetings.replyBy', { date: formatDay(meeting.replyDue, i18n.language) })}</Typography.Text>
            <Radio.Group value={reply} onChange={(e) => { setReply(e.target.value); setSaved(false); }} optionType="button" buttonStyle="solid"
              options={['attending', 'declined'].map((value) => ({ value, label: t(`meetings.replies.${value}`) }))} />
            {reply === 'attending' && (
              <Input value={attendees} onChange={(e) => setAttendees(e.target.value)} maxLength={500} placeholder={t('meetings.attendeesPlaceholder')}
                aria-label={t('meetings.attendees')} />
            )}
            <Input.TextArea rows={1} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} placeholder={t('meetings.replyNote')}
              aria-label={t('meetings.replyNote')} />
            {error && <Alert type="error" title={error} showIcon />}
            {saved && <Alert type="success" title={t('meetings.replySaved')} showIcon />}
            <Button type="primary" onClick={send} loading={busy} disabled={!reply || (reply === 'attending' && !attendees.trim())} data-testid="send-reply">
              {t('meetings.sendReply')}
            </Button>
          </>
        ) : (
          <Typography.Text type="secondary">
            {t('meetings.replyClosed', { date: formatDay(meeting.replyDue, i18n.language) })}
            {meeting.attendees && ` · ${meeting.attendees}`}
          </Typography.Text>
        )}
      </Space>
    </List.Item>
  );
}
