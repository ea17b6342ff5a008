import { Alert, Button, Card, Empty, Input, Layout, List, Result, Segmented, Space, Spin, Tag, Typography, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../api/http';
import type { PortalItem, PortalReceipt, PortalView } from '../api/types';
import { savedLanguage, setLanguage } from '../i18n';
import { beijingDateTime, beijingDay } from '../shared/format';
import { errorText } from '../shared/errorText';
import { daysUntil, formatDue, syncServerClock } from '../shared/format';
import { getPortal, setPortalMailLanguage, submitPortalItem } from './api';
import EvidenceSheets from './EvidenceSheets';
import LedgerForm from './LedgerForm';
import MeetingReplies from './MeetingReplies';
import PublishedNotices from './PublishedNotices';

/** The chamber's page, reached from the link in its e-mails: no password, only its own open items. */
export default function PortalPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [view, setView] = useState<PortalView | null>(null);
  const [invalid, setInvalid] = useState(false);

  const load = useCallback(() => {
    getPortal(token).then((v) => { syncServerClock(v.now); setView(v); }).catch((e) => {
      if (e instanceof ApiError && (e.status === 404 || e.status === 403)) setInvalid(true);
      else throw e;
    });
  }, [token]);
  useEffect(load, [load]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ background: '#b71c1c', display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography.Text style={{ color: '#fff', fontSize: 18 }}>{t('app.name')} · {t('portal.title')}</Typography.Text>
        <Button type="link" style={{ color: '#fff' }} onClick={() => setLanguage(savedLanguage() === 'en' ? 'zh-CN' : 'en')}>{t('nav.language')}</Button>
      </Layout.Header>
      <Layout.Content style={{ maxWidth: 880, width: '100%', margin: '24px auto', padding: '0 16px' }}>
        {invalid ? <Result status="warning" title={t('portal.invalid')} />
          : !view ? <Spin />
          : (
            <Space orientation="vertical" style={{ width: '100%' }} size="large">
              <Typography.Title level={3}>{t('portal.welcome', { chamber: view.chamber })}</Typography.Title>
              <PublishedNotices token={token} notices={view.notices} />
              {(view.stopped ?? []).map((stopped) => (
                <Alert key={`${stopped.campaign}/${stopped.stoppedAt}`} type="warning" showIcon data-testid="portal-stopped"
                  title={<Space wrap size={4}><Typography.Text strong data-user-text>{stopped.campaign}</Typography.Text><span>{t('portal.stopped', { at: beijingDateTime(stopped.stoppedAt) })}</span></Space>}
                  description={<span data-user-text style={{ whiteSpace: 'pre-line' }}>{stopped.reason}</span>} />
              ))}
              <Space wrap>
                <Typography.Text type="secondary">{t('portal.mailLanguage')}</Typography.Text>
                <Segmented data-testid="portal-mail-language" value={view.mailLanguage}
                  options={['zh-CN', 'en'].map((language) => ({ value: language, label: t(`chambers.languages.${language}`) }))}
                  onChange={(language) => void setPortalMailLanguage(token, String(language)).then(load)} />
              </Space>
              {view.items.length === 0 ? <Empty description={t('portal.none')} />
                : <List dataSource={view.items} renderItem={(item) => <PortalItemCard token={token} item={item} view={view} onSubmitted={load} />} />}
              <MeetingReplies key={view.now} token={token} meetings={view.meetings} />
              <EvidenceSheets token={token} accept={view.allowedFileTypes.join(',')} />
              <LedgerForm token={token} year={Number(beijingDay(view.now).slice(0, 4))} />
              {view.sent.length > 0 && <SentList receipts={view.sent} />}
            </Space>
          )}
      </Layout.Content>
    </Layout>
  );
}

const receiptColours: Record<string, string> = { submitted: 'processing', accepted: 'success', returned: 'warning' };

/** What the chamber handed in, newest first: a receipt with the time (Beijing), the files and where each stands. */
function SentList({ receipts }: { receipts: PortalReceipt[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Card title={t('portal.sent')} data-testid="portal-sent">
      <List dataSource={receipts} renderItem={(receipt) => (
        <List.Item data-testid="portal-receipt">
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong>{receipt.title}</Typography.Text>
              {receipt.round > 1 && <Tag>{t('portal.round', { round: receipt.round })}</Tag>}
              <Tag color={receiptColours[receipt.status]}>{t(`portal.receipt.${receipt.status}`, { defaultValue: receipt.status })}</Tag>
            </Space>
            <Typography.Text type="secondary">
              {t('portal.sentAt', { time: beijingDateTime(receipt.submittedAt, i18n.language) })}
              {receipt.files.length > 0 && ` · ${receipt.files.join('、')}`}
            </Typography.Text>
            {receipt.feedback && <Typography.Text type="warning">{t('portal.feedback')}：{receipt.feedback}</Typography.Text>}
          </Space>
        </List.Item>
      )} />
    </Card>
  );
}

function PortalItemCard({ token, item, view, onSubmitted }: { token: string; item: PortalItem; view: PortalView; onSubmitted(): void }) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Working days, as the e-mails count them; calendar days only where the server's calendar has no data for the year.
  const days = item.workingDaysLeft ?? (item.dueAt ? daysUntil(item.dueAt) : null);
  const left = item.workingDaysLeft == null
    ? (days! < 0 ? t('common.overdue') : t('common.daysLeft', { count: days! }))
    : days! < 0 ? t('portal.overdueWorkingDays', { count: -days! }) : t('portal.workingDaysLeft', { count: days! });
  const tooBig = files.some((f) => (f.size ?? 0) > view.maxFileBytes);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await submitPortalItem(token, item.id, files.map((f) => ({ file: f.originFileObj as File, name: f.name })), comment.trim());
      setFiles([]);
      onSubmitted();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card style={{ marginBottom: 16 }} title={item.title} data-testid="portal-item"
      extra={item.dueAt && <Tag color={days! < 0 ? 'red' : days! <= 3 ? 'orange' : 'blue'} data-testid="portal-due">{t('common.due')} {formatDue(item.dueAt)} · {left}</Tag>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {item.campaign && <Typography.Text type="secondary">{item.campaign}</Typography.Text>}
        {item.round > 1 && <Tag>{t('portal.round', { round: item.round })}</Tag>}
        {item.feedback && <Alert type="warning" title={`${t('portal.feedback')}：${item.feedback}`} showIcon />}
        {item.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{item.description}</Typography.Paragraph>}
        <Upload multiple fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList.slice(0, view.maxFiles))}
          accept={view.allowedFileTypes.join(',')}>
          <Button icon={<UploadOutlined />}>{t('portal.upload')}</Button>
        </Upload>
        <Typography.Text type="secondary">
          {t('portal.limits', { types: view.allowedFileTypes.join(' '), size: Math.round(view.maxFileBytes / 1024 / 1024), count: view.maxFiles })}
        </Typography.Text>
        <Input.TextArea rows={2} placeholder={t('portal.comment')} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} />
        {error && <Alert type="error" title={error} showIcon />}
        <Button type="primary" onClick={submit} loading={busy} disabled={files.length === 0 || tooBig}>{t('portal.submit')}</Button>
      </Space>
    </Card>
  );
}
