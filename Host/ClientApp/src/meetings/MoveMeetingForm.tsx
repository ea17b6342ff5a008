import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../shared/errorText';

type Values = { date: string; time?: string; location?: string };

export type MeetingMove = { date: string; time: string | null; location: string | null };

/** Staff move a meeting not yet held; whoever was invited receives the update of the invitation. */
export default function MoveMeetingForm({ submit: move, onMoved }: { submit(move: MeetingMove): Promise<unknown>; onMoved: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      await move({ date: values.date, time: values.time || null, location: values.location || null });
      onMoved();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values> layout="vertical" size="small" onFinish={submit} data-testid="move-meeting">
      <Form.Item name="date" label={t('meetings.date')} rules={[{ required: true, message: t('meetings.dateRequired') }]} extra={t('meetings.dateHint')}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="time" label={t('meetings.time')} extra={t('meetings.timeHint')}>
        <Input type="time" />
      </Form.Item>
      <Form.Item name="location" label={t('meetings.location')} extra={t('meetings.locationHint')}>
        <Input maxLength={200} />
      </Form.Item>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={saving}>{t('meetings.move')}</Button>
    </Form>
  );
}
