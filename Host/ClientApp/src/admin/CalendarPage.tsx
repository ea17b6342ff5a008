import { Alert, Button, Card, Table, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarYear } from '../api/types';
import { errorText } from '../shared/errorText';
import { serverNow } from '../shared/format';
import { listCalendarYears, saveCalendarYear } from './api';
import { yearToPrepare } from './calendarYears';

/**
 * 工作日历: the years the business calendar knows. A new year's holidays and 调休 working days
 * (published by the State Council each November) are added as a JSON file in the shipped format.
 */
export default function CalendarPage() {
  const { t } = useTranslation();
  const [years, setYears] = useState<CalendarYear[] | null>(null);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);

  const load = useCallback(() => void listCalendarYears().then(setYears), []);
  useEffect(load, [load]);

  const upload = async (file: File) => {
    try {
      const json = JSON.parse(await file.text());
      const saved = await saveCalendarYear(json.year, json);
      setMessage({ type: 'success', text: t('calendar.saved', { year: saved.year, holidays: saved.holidays, workdays: saved.workdays }) });
      load();
    } catch (e) {
      setMessage({ type: 'error', text: errorText(e) });
    }
  };

  const missingNext = years && yearToPrepare(years.map((y) => y.year), serverNow());
  return (
    <Card title={t('calendar.title')} extra={
      <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => { void upload(f); return false; }}>
        <Button type="primary">{t('calendar.upload')}</Button>
      </Upload>}>
      {missingNext && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('calendar.missing', { year: missingNext })} data-testid="calendar-missing" />}
      {message && <Alert type={message.type} showIcon closable onClose={() => setMessage(null)} style={{ marginBottom: 16 }} title={message.text} />}
      <Typography.Paragraph type="secondary">{t('calendar.hint')}</Typography.Paragraph>
      <Table<CalendarYear> rowKey="year" size="small" dataSource={[...(years ?? [])].sort((a, b) => b.year - a.year)} loading={!years} pagination={{ pageSize: 12 }}
        columns={[
          { title: t('campaigns.year'), dataIndex: 'year', width: 90 },
          { title: t('calendar.holidays'), dataIndex: 'holidays', width: 110 },
          { title: t('calendar.workdays'), dataIndex: 'workdays', width: 130 },
          { title: t('calendar.source'), render: (_, y) => <>{y.source} {y.addedByAdministrator && <Tag color="blue">{t('calendar.byAdmin')}</Tag>}</> },
        ]} />
    </Card>
  );
}
