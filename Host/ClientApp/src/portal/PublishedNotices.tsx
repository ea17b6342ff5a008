import { Card, List, Space, Tag, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PortalNotice } from '../api/types';
import { formatMoment } from '../shared/format';
import { portalNoticeUrl } from './api';

/** 通报与表彰决定: what the chamber's campaigns have published, newest first, each a Word document to download. */
export default function PublishedNotices({ token, notices }: { token: string; notices: PortalNotice[] }) {
  const { t, i18n } = useTranslation();
  if (notices.length === 0) return null;
  return (
    <Card title={t('notices.portalTitle')} data-testid="portal-notices">
      <List dataSource={notices} renderItem={(notice) => (
        <List.Item data-testid="portal-notice">
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Space wrap>
              <Tag color={notice.kind === 'decision' ? 'red' : 'blue'}>{t(`notices.kinds.${notice.kind}`)}</Tag>
              <a href={portalNoticeUrl(token, notice.id)} download data-user-text><FileWordOutlined /> {notice.title}</a>
            </Space>
            <Typography.Text type="secondary">
              <span data-user-text>{notice.issuer}</span>{notice.number && <> · <span data-user-text>{notice.number}</span></>}
              {' · '}{t('notices.publishedAt', { time: formatMoment(notice.publishedAt, i18n.language) })}
            </Typography.Text>
          </Space>
        </List.Item>
      )} />
    </Card>
  );
}
