import { Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { FederationProgress } from '../api/types';
import { useLoaded } from '../shared/useLoaded';
import { campaignTree } from './api';

type Row = Omit<FederationProgress, 'children'> & { children?: Row[] };

/** The tree as the table shows it: a federation with none below it has no children to expand. */
const rowsOf = (federations: readonly FederationProgress[]): Row[] =>
  federations.map((f) => ({ ...f, children: f.children.length > 0 ? rowsOf(f.children) : undefined }));

/**
 * 分级进展: the campaign read through the directory's hierarchy, as the city federation follows its
 * district federations and they their street chambers — participants under each (at any depth),
 * who owes something, who is late, the outcomes and the mean score. A row opens the participants
 * directly under that federation below; a federation running its own campaign for this one (a
 * district's, opened by the city's) links to it, with how far it got.
 * Shown once the participants stand under federations.
 */
export default function FederationTreeCard({ campaignId, refreshKey, selected, onSelect }: {
  campaignId: string; refreshKey: unknown; selected?: string; onSelect(federation: { id: string; name: string } | undefined): void;
}) {
  const { t } = useTranslation();
  const { data: tree } = useLoaded(() => campaignTree(campaignId), [campaignId, refreshKey]);
  if (!tree || tree.federations.length === 0) return null;

  return (
    <Card title={t('tree.title')} size="small" data-testid="campaign-tree"
      extra={tree.unplaced > 0 && <Typography.Text type="secondary">{t('tree.unplaced', { count: tree.unplaced })}</Typography.Text>}>
      <Table<Row> size="small" pagination={false} rowKey="id" dataSource={rowsOf(tree.federations)} scroll={{ x: 'max-content' }}
        expandable={{ childrenColumnName: 'children', defaultExpandAllRows: tree.federations.length < 3 }}
        onRow={(f) => ({
          onClick: () => onSelect(f.direct > 0 && f.id !== selected ? { id: f.id, name: f.name } : undefined),
          style: { cursor: f.direct > 0 ? 'pointer' : undefined }, 'data-testid': 'tree-row',
        }) as React.HTMLAttributes<HTMLElement>}
        rowClassName={(f) => (f.id === selected ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('tree.federation'), render: (_, f) => (f.direct > 0 ? <Typography.Link data-user-text>{f.name}</Typography.Link> : <span data-user-text>{f.name}</span>) },
          { title: t('districts.participants'), dataIndex: 'participants' },
          { title: t('tree.direct'), dataIndex: 'direct', responsive: ['sm'] },
          { title: t('districts.waiting'), dataIndex: 'waiting', responsive: ['sm'] },
          { title: t('common.overdue'), render: (_, f) => <span style={{ color: f.overdue ? '#cf1322' : undefined }}>{f.overdue}</span> },
          { title: t('outcome.commended'), dataIndex: 'commended' },
          { title: t('outcome.passed'), dataIndex: 'passed', responsive: ['sm'] },
          { title: t('outcome.rectifying'), dataIndex: 'rectifying', responsive: ['sm'] },
          { title: t('outcome.not-passed'), dataIndex: 'notPassed', responsive: ['sm'] },
          { title: t('districts.averageScore'), render: (_, f) => f.averageScore ?? '—', responsive: ['sm'] },
          { title: t('tree.ownCampaign'), render: (_, f) => f.campaign && (
            <span onClick={(e) => e.stopPropagation()}>
              <Link to={`/campaigns/${f.campaign.id}`} data-testid="federation-campaign">{t('tree.openOwn')}</Link>{' '}
              <Tag color={f.campaign.status === 'Draft' ? 'orange' : undefined}>{t(`status.${f.campaign.status}`)}</Tag>
            </span>
          ) },
        ]} />
    </Card>
  );
}
