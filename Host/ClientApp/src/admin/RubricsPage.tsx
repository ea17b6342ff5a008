import { Card, Collapse, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rubric } from '../api/types';
import { itemArea, itemTitle, rubricName, rubricNote } from '../shared/rubricText';
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
        // The notices' own words, or the rubric's English for readers of English.
        label: <>{rubricName(r, i18n.language)} <Tag>{t('inbox.passLine')} {r.passLine}</Tag></>,
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
                    {i.indicator && <Tag color="blue">{t('rubrics.computed')}</Tag>}
                    {/* An item the notice does not have: the product's own, said so wherever the rubric is shown. */}
                    {i.productOwn && <Tag title={t('rubrics.productOwnHint')} data-testid="product-own">{t('rubrics.productOwn')}</Tag>}
                  </>
                ) },
              ]} />
          </>
        ),
      }))} />
    </Card>
  );
}
