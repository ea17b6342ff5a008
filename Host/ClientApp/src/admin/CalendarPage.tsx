import { Alert, Button, Card, Descriptions, InputNumber, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AffectedDeadline, CalendarDayChange, CalendarYear, CalendarYearPreview } from '../api/types';
import { errorText } from '../shared/errorText';
import { useLoaded } from '../shared/useLoaded';
import { serverNow } from '../shared/format';
import { listCalendarYears, previewCalendarYear, saveCalendarYear } from './api';
import { defaultImportYear, yearOfFile, yearToPrepare } from './calendarYears';

/**
 * 工作日历: the years the business calendar knows. Next year's holidays and 调休 working days
 * (published by the State Council each November) come from a file as people have it (our yearly
 * JSON, chinese-days' JSON, an iCalendar feed); the import first shows the days it changes and
 * the open deadlines computed from the year as it was.
 */
export default function CalendarPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState<number | null>(null);
  const [pending, setPending] = useState<{ file: string; preview: CalendarYearPreview } | null>(null);
  const [imported, setImported] = useState<CalendarYearPreview | null>(null);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const { data: years, error: unread, reload: load } = useLoaded(() => listCalendarYears(), []);
  const known = years?.map((y) => y.year) ?? [];
  const importYear = year ?? defaultImportYear(known, serverNow());

  const choose = async (file: File) => {
    try {
      const text = await file.text();
      setPending({ file: text, preview: await previewCalendarYear(yearOfFile(text) ?? importYear, text) });
      setMessage(null);
    } catch (e) {
      setMessage({ type: 'error', text: errorText(e) });
    }
  };

  const confirm = async () => {
    if (!pending) return;
    setSaving(true);
    try {
      const saved = await saveCalendarYear(pending.preview.year, pending.file);
      setMessage({ type: 'success', text: t('calendar.saved', { year: saved.year, holidays: saved.holidays, workdays: saved.workdays }) });
      setImported(saved.affected.length > 0 ? saved : null);
      setPending(null);
      load();
    } catch (e) {
      setMessage({ type: 'error', text: errorText(e) });
    } finally {
      setSaving(false);
    }
  };

  const missingNext = years && yearToPrepare(known, serverNow());
  return (
    <Card title={t('calendar.title')} extra={
      <Space wrap>
        <span>{t('calendar.importYear')}</span>
        <InputNumber min={2000} max={2100} value={importYear} onChange={(v) => setYear(v)} aria-label={t('calendar.importYear')} />
        <Upload accept=".json,.ics,application/json,text/calendar" showUploadList={false} beforeUpload={(f) => { void choose(f); return false; }}>
          <Button type="primary">{t('calendar.upload')}</Button>
        </Upload>
      </Space>}>
      {missingNext && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('calendar.missing', { year: missingNext })} data-testid="calendar-missing" />}
      {unread != null && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={errorText(unread)} />}
      {message && <Alert type={message.type} showIcon closable onClose={() => setMessage(null)} style={{ marginBottom: 16 }} title={message.text} />}
      {imported && (
        <Alert type="warning" showIcon closable onClose={() => setImported(null)} style={{ marginBottom: 16 }} data-testid="calendar-affected"
          title={t('calendar.checkDeadlines', { count: imported.affected.reduce((n, d) => n + d.count, 0) })}
          description={<AffectedTable deadlines={imported.affected} />} />
      )}
      <Typography.Paragraph type="secondary">{t('calendar.hint')}</Typography.Paragraph>
      <Table<CalendarYear> rowKey="year" scroll={{ x: 'max-content' }} size="small" dataSource={[...(years ?? [])].sort((a, b) => b.year - a.year)} loading={!years && unread == null} pagination={{ pageSize: 12 }}
        columns={[
          { title: t('campaigns.year'), dataIndex: 'year', width: 90 },
          { title: t('calendar.holidays'), dataIndex: 'holidays', width: 110 },
          { title: t('calendar.workdays'), dataIndex: 'workdays', width: 130 },
          { title: t('calendar.source'), render: (_, y) => <>{y.source} {y.addedByAdministrator && <Tag color="blue">{t('calendar.byAdmin')}</Tag>}</> },
        ]} />
      <Modal open={!!pending} width={760} title={pending && t('calendar.previewTitle', { year: pending.preview.year })} okText={t('calendar.confirmImport')}
        cancelText={t('common.cancel')} confirmLoading={saving} onOk={() => void confirm()} onCancel={() => setPending(null)}>
        {pending && <PreviewBody preview={pending.preview} />}
      </Modal>
    </Card>
  );
}

function PreviewBody({ preview }: { preview: CalendarYearPreview }) {
  const { t } = useTranslation();
  const standing = (working: boolean | null | undefined, name: string | null | undefined) =>
    working == null ? <Typography.Text type="secondary">{t('calendar.noData')}</Typography.Text>
      : <>{working ? t('calendar.working') : <Tag color="red">{t('calendar.off')}</Tag>}{name ? ` ${name}` : ''}</>;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="calendar-preview">
      <Descriptions size="small" column={2} items={[
        { key: 'format', label: t('calendar.format'), children: t(`calendar.formats.${preview.format}`) },
        { key: 'source', label: t('calendar.source'), children: preview.source ?? '—' },
        { key: 'holidays', label: t('calendar.holidays'), children: preview.holidays },
        { key: 'workdays', label: t('calendar.workdays'), children: preview.workdays },
      ]} />
      {preview.replaces && <Alert type="info" showIcon title={t('calendar.replaces', { year: preview.year })} />}
      {preview.fewerHolidaysThanUsual && <Alert type="warning" showIcon title={t('calendar.fewHolidays', { count: preview.holidays })} />}
      <Typography.Text strong>{t('calendar.changes', { count: preview.changes.length })}</Typography.Text>
      <Table<CalendarDayChange> rowKey="date" scroll={{ x: 'max-content' }} size="small" dataSource={preview.changes} pagination={{ pageSize: 8, hideOnSinglePage: true }}
        columns={[
          { title: t('calendar.date'), dataIndex: 'date', width: 120 },
          { title: t('calendar.before'), render: (_, c) => standing(c.workingBefore, c.nameBefore) },
          { title: t('calendar.after'), render: (_, c) => standing(c.workingAfter, c.nameAfter) },
        ]} />
      {preview.ignored.length > 0 && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }}>
          {t('calendar.ignored', { count: preview.ignored.length })}{preview.ignored.join('、')}
        </Typography.Paragraph>
      )}
      {preview.affected.length > 0 && (
        <Alert type="warning" showIcon title={t('calendar.affected', { count: preview.affected.reduce((n, d) => n + d.count, 0) })}
          description={<AffectedTable deadlines={preview.affected} />} />
      )}
    </Space>
  );
}

/** Open deadlines computed from the year as it was: what staff should check after the import. */
function AffectedTable({ deadlines }: { deadlines: AffectedDeadline[] }) {
  const { t } = useTranslation();
  return (
    <Table<AffectedDeadline> rowKey={(d) => `${d.date}-${d.kind}-${d.what}`} scroll={{ x: 'max-content' }} size="small" dataSource={deadlines} pagination={{ pageSize: 6, hideOnSinglePage: true }}
      columns={[
        { title: t('calendar.date'), dataIndex: 'date', width: 110 },
        { title: t('calendar.kind'), render: (_, d) => t(d.kind === 'task' ? 'calendar.kindTask' : 'calendar.kindTimer'), width: 110 },
        { title: t('calendar.what'), render: (_, d) => d.kind === 'task' ? d.what : t(`calendar.timers.${d.what.replace('.', '_')}`, { defaultValue: t('calendar.timers.other') }) },
        { title: t('calendar.count'), dataIndex: 'count', width: 70 },
        { title: '', render: (_, d) => d.nowOff && <Tag color="red">{t('calendar.nowOff')}</Tag>, width: 110 },
      ]} />
  );
}
