import { Alert, Button, Card, Input, List, Space, Tag, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectionView, PortalNotice } from '../api/types';
import { errorText } from '../shared/errorText';
import { formatDay, formatMoment } from '../shared/format';
import { objectToNotice, portalNoticeUrl } from './api';

/**
 * 通报与表彰决定: what the chamber's campaigns publish, each a Word document to download — and, while a
 * notice is in its 公示, the chamber's objections (异议) with staff's answers, and a form to raise one.
 */
export default function PublishedNotices({ token, notices }: { token: string; notices: PortalNotice[] }) {
  const { t } = useTranslation();
  if (notices.length === 0) return null;
  return (
    <Card title={t('notices.portalTitle')} data-testid="portal-notices">
      <List dataSource={notices} renderItem={(notice) => <NoticeItem token={token} notice={notice} />} />
    </Card>
  );
}

function NoticeItem({ token, notice }: { token: string; notice: PortalNotice }) {
  const { t, i18n } = useTranslation();
  const [objections, setObjections] = useState<ObjectionView[]>(notice.objections);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const publicity = notice.status === 'publicity';

  const object = async () => {
    setBusy(true);
    setError(null);
    try {
      const objection = await objectToNotice(token, notice.id, text.trim());
      setObjections((all) => [...all, objection]);
      setText('');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <List.Item data-testid="portal-notice">
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap>
          <Tag color={notice.kind === 'decision' ? 'red' : 'blue'}>{t(`notices.kinds.${notice.kind}`)}</Tag>
          {publicity && <Tag color="orange" data-testid="publicity">{t('notices.publicityUntil', { date: formatDay(notice.publicityUntil, i18n.language) })}</Tag>}
          <a href={portalNoticeUrl(token, notice.id)} download data-user-text><FileWordOutlined /> {notice.title}</a>
        </Space>
        <Typography.Text type="secondary">
          <span data-user-text>{notice.issuer}</span>{notice.number && <> · <span data-user-text>{notice.number}</span></>}
          {notice.publishedAt && <>{' · '}{t('notices.publishedAt', { time: formatMoment(notice.publishedAt, i18n.language) })}</>}
        </Typography.Text>
        {objections.map((o) => (
          <Alert key={o.id} type={o.answer ? 'success' : 'info'} data-testid="my-objection"
            title={<span data-user-text>{o.text}</span>}
            description={o.answer ? <>{t('notices.answer')}{i18n.language === 'en' ? ': ' : '：'}<span data-user-text>{o.answer}</span></> : t('notices.awaitingAnswer')} />
        ))}
        {publicity && (
          <>
            <Input.TextArea rows={2} value={text} onChange={(e) => setText(e.target.value)} maxLength={1000} placeholder={t('notices.objectionPlaceholder')}
              aria-label={t('notices.objection')} />
            {error && <Alert type="error" title={error} showIcon />}
            <Button onClick={object} loading={busy} disabled={!text.trim()} data-testid="send-objection">{t('notices.sendObjection')}</Button>
          </>
        )}
      </Space>
    </List.Item>
  );
}
