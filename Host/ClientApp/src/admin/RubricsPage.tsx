import { Button, Card, Collapse, List, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rubric, RubricItem, RubricVersionInfo } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { formatMoment } from '../shared/format';
import { itemArea, itemTitle, rubricName, rubricNote } from '../shared/rubricText';
import { getRubric, listRubrics, listRubricVersions } from './api';
import RubricEditor from './RubricEditor';

/** An indicator's threshold as people read it: ≥ 30% for a ratio, > 6% for a growth. */
const threshold = (indicator: NonNullable<RubricItem['indicator']>) => indicator.growthOf
  ? `> ${Math.round(Number(indicator.above ?? 0) * 1000) / 10}%`
  : `≥ ${Math.round(Number(indicator.min ?? 0) * 1000) / 10}%`;

/**
 * 考核细则: each rubric at its latest version, item by item, with computed indicators and veto items
 * marked, and its versions (who changed what, and why; an older one opens as it was). Administrators
 * edit a rubric into a new version; a campaign keeps the version it was launched with.
 */
export default function RubricsPage() {
  const { t, i18n } = useTranslation();
  const { hasRole } = useAuth();
  const [rubrics, setRubrics] = useState<Rubric[] | null>(null);
  const [editing, setEditing] = useState<Rubric | null>(null);
  const [shown, setShown] = useState<Record<string, Rubric>>({});
  const [versions, setVersions] = useState<Record<string, RubricVersionInfo[]>>({});
  const load = useCallback(() => void listRubrics().then((list) => {
    setRubrics(list);
    setShown({});
    for (const r of list) void listRubricVersions(r.id).then((v) => setVersions((all) => ({ ...all, [r.id]: v })));
  }), []);
  useEffect(load, [load]);

  return (
    <Card title={t('rubrics.title')} loading={!rubrics}>
      <Collapse items={(rubrics ?? []).map((latest) => {
        const r = shown[latest.id] ?? latest;
        return {
        key: r.id,
        // The notices' own words, or the rubric's English for readers of English.
        label: <Space wrap size={4} data-testid={`rubric-${r.id}`}>{rubricName(r, i18n.language)} <Tag>{t('inbox.passLine')} {r.passLine}</Tag>
          <Tag color={r.version === latest.version ? 'blue' : 'orange'} data-testid="rubric-version">{t('rubrics.version', { version: r.version })}</Tag></Space>,
        extra: hasRole('admin') && r.version === latest.version && (
          <Button size="small" onClick={(e) => { e.stopPropagation(); setEditing(latest); }} data-testid={`edit-rubric-${r.id}`}>{t('rubrics.edit')}</Button>
        ),
        children: (
          <>
            {r.source && <Typography.Paragraph type="secondary">{r.source}{i18n.language === 'en' ? '. ' : '。'}{rubricNote(r, i18n.language)}</Typography.Paragraph>}
            <Table size="small" rowKey="id" pagination={false} dataSource={r.items}
              columns={[
                { title: t('rubrics.area'), width: 120, render: (_, i) => itemArea(i, i18n.language) },
                { title: t('rubrics.item'), render: (_, i) => itemTitle(i, i18n.language) },
                { title: t('campaigns.score'), width: 90, render: (_, i) => (i.veto ? <Tag color="red">{t('inbox.vetoes')}</Tag> : i.maxScore) },
                { title: '', width: 110, render: (_, i) => (
                  <>
                    {i.indicator && <Tag color="blue" data-testid="indicator">{t('rubrics.computed')} {threshold(i.indicator)}</Tag>}
                    {/* An item the notice does not have: the product's own, said so wherever the rubric is shown. */}
                    {i.productOwn && <Tag title={t('rubrics.productOwnHint')} data-testid="product-own">{t('rubrics.productOwn')}</Tag>}
                  </>
                ) },
              ]} />
            <Typography.Title level={5} style={{ marginTop: 16 }}>{t('rubrics.versions')}</Typography.Title>
            <List size="small" dataSource={versions[r.id] ?? []} data-testid="rubric-versions" renderItem={(v) => (
              <List.Item data-testid="rubric-version-entry" actions={[
                <Button key="open" type="link" size="small" disabled={v.version === r.version}
                  onClick={() => void getRubric(r.id, v.version).then((old) => setShown((all) => ({ ...all, [r.id]: old })))}>{t('rubrics.open')}</Button>,
              ]}>
                <Space orientation="vertical" size={0}>
                  <Typography.Text>{t('rubrics.version', { version: v.version })} · {t('inbox.passLine')} {v.passLine} · {t('rubrics.itemCount', { count: v.items })}</Typography.Text>
                  <Typography.Text type="secondary">{formatMoment(v.createdAt, i18n.language)}{v.createdBy && ` · ${v.createdBy}`}{v.note && <> · <span data-user-text>{v.note}</span></>}</Typography.Text>
                </Space>
              </List.Item>
            )} />
          </>
        ),
      };
      })} />
      <RubricEditor rubric={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); load(); }} />
    </Card>
  );
}
