import { Card, List, Space, Tag, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { submissionFileUrl } from '../inbox/api';
import { formatDay, formatMoment } from '../shared/format';
import { useLoaded } from '../shared/useLoaded';
import { listNotices } from './api';

const statusColours: Record<string, string> = { draft: 'default', publicity: 'orange', published: 'green' };

/** 通报与表彰决定: the campaign's circular and decision, where each stands — drafted, on public notice until a day, published — with its Word document. */
export default function NoticesCard({ campaignId, refreshKey }: { campaignId: string; refreshKey: unknown }) {
  const { t, i18n } = useTranslation();
  const { data: notices } = useLoaded(() => listNotices(campaignId), [campaignId, refreshKey], () => []);
  if (!notices || notices.length === 0) return null;

  return (
    <Card title={t('notices.portalTitle')} size="small" data-testid="campaign-notices">
      <List size="small" dataSource={notices} renderItem={(n) => (
        <List.Item data-testid="campaign-notice">
          <Space orientation="vertical" size={2}>
            <Space wrap>
              <Tag color={n.kind === 'decision' ? 'red' : 'blue'}>{t(`notices.kinds.${n.kind}`)}</Tag>
              <a href={submissionFileUrl(n.fileId)} download data-user-text><FileWordOutlined /> {n.title}</a>
              <Tag color={statusColours[n.status]} data-testid="notice-status">{t(`notices.statuses.${n.status}`)}</Tag>
            </Space>
            <Typography.Text type="secondary">
              <span data-user-text>{n.issuer}</span>{n.number && <> · <span data-user-text>{n.number}</span></>}
              {' · '}
              {n.status === 'published' && n.publishedAt ? t('notices.publishedAt', { time: formatMoment(n.publishedAt, i18n.language) })
                : n.status === 'publicity' ? t('notices.publicityUntil', { date: formatDay(n.publicityUntil, i18n.language) })
                : t('notices.draftedAt', { time: formatMoment(n.draftedAt, i18n.language) })}
              {n.objections > 0 && ` · ${t('notices.objectionCount', { count: n.objections })}`}
            </Typography.Text>
          </Space>
        </List.Item>
      )} />
    </Card>
  );
}
