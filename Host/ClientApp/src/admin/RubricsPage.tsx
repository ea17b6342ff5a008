import { Card, Collapse, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rubric } from '../api/types';
import { listRubrics } from './api';

/** 考核细则: the shipped rubrics, item by item, with computed indicators and veto items marked. */
export default function RubricsPage() {
  const { t, i18n } = useTranslation();
  const [rubrics, setRubrics] = useState<Rubric[] | null>(null);
  useEffect(() => void listRubrics().then(setRubrics), []);

  return (
    <Card title={t('rubrics.title')} loading={!rubrics}>
      <Collapse items={(rubrics ?? []).map((r) => ({
        key: r.id,
        // The rubric's own name in English where it has one; its items are the notices' own words.
        label: <>{i18n.language === 'en' && r.nameEn ? r.nameEn : r.name} <Tag>{t('inbox.passLine')} {r.passLine}</Tag></>,
        children: (
          <>
            {r.source && <Typography.Paragraph type="secondary">{r.source}。{r.note}</Typography.Paragraph>}
            <Table size="small" rowKey="id" pagination={false} dataSource={r.items}
              columns={[
                { title: t('rubrics.area'), dataIndex: 'area', width: 120 },
                { title: t('rubrics.item'), dataIndex: 'title' },
                { title: t('campaigns.score'), width: 90, render: (_, i) => (i.veto ? <Tag color="red">{t('inbox.vetoes')}</Tag> : i.maxScore) },
                { title: '', width: 110, render: (_, i) => i.indicator ? <Tag color="blue">{t('rubrics.computed')}</Tag> : null },
              ]} />
          </>
        ),
      }))} />
    </Card>
  );
}
