import { Alert, Button, Drawer, Form, Grid, Input, InputNumber, Select, Space, Switch, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerSection, Rubric, RubricItem } from '../api/types';
import { errorText } from '../shared/errorText';
import { listLedgerFields, saveRubric } from './api';

/** A percentage as people write it (30) for a ratio as the rubric keeps it (0.3). */
const percent = (ratio: number | null | undefined) => (ratio == null ? null : Math.round(ratio * 1000) / 10);
const ratio = (percentage: number | null) => (percentage == null ? null : percentage / 100);

/**
 * 修订考核细则: an administrator changes the pass line, the items (area, standard, points, veto),
 * the thresholds of the computed indicators, adds or removes items, and says what changed and why.
 * Saving keeps a new version; campaigns already launched keep theirs.
 */
export default function RubricEditor({ rubric, onClose, onSaved }: { rubric: Rubric | null; onClose(): void; onSaved(saved: Rubric): void }) {
  const { t, i18n } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [draft, setDraft] = useState<Rubric | null>(rubric);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sections, setSections] = useState<LedgerSection[]>([]);
  useEffect(() => { setDraft(rubric); setNote(''); setError(null); }, [rubric]);
  useEffect(() => void listLedgerFields().then(setSections).catch(() => setSections([])), []);
  if (!draft) return null;

  // The figures an indicator may name: the 台账's, and last year's member count.
  const figures = [
    ...sections.flatMap((s) => s.fields.map((f) => ({ value: f.key, label: i18n.language === 'en' ? f.labelEn : f.label }))),
    { value: 'previousYearMemberCount', label: t('rubrics.previousYearMembers') },
  ];
  const kindOf = (item: RubricItem) => (item.indicator ? (item.indicator.growthOf ? 'growth' : 'ratio') : 'none');
  const setKind = (index: number, kind: string) => change(index, {
    indicator: kind === 'ratio' ? { numerator: 'memberCount', denominator: 'localPrivateEntityCount', min: 0.3 }
      : kind === 'growth' ? { growthOf: 'memberCount', previous: 'previousYearMemberCount', above: 0.06 } : null,
  });
  const indicatorForm = (item: RubricItem, i: number) => {
    const indicator = item.indicator;
    const pick = (key: 'numerator' | 'denominator' | 'growthOf' | 'previous') => (
      <Select style={{ minWidth: 200 }} options={figures} value={indicator?.[key]} aria-label={`${t(`rubrics.figure.${key}`)} ${item.id}`}
        onChange={(v) => change(i, { indicator: { ...indicator!, [key]: v } })} />
    );
    return (
      <Space wrap>
        <Select style={{ width: 140 }} value={kindOf(item)} onChange={(v) => setKind(i, v)} aria-label={`${t('rubrics.computedBy')} ${item.id}`}
          options={['none', 'ratio', 'growth'].map((k) => ({ value: k, label: t(`rubrics.kinds.${k}`) }))} />
        {indicator && !indicator.growthOf && <>{pick('numerator')} ÷ {pick('denominator')}</>}
        {indicator?.growthOf && <>{pick('growthOf')} / {pick('previous')}</>}
      </Space>
    );
  };

  const items = draft.items;
  const total = items.reduce((sum, i) => sum + (i.veto ? 0 : Number(i.maxScore)), 0);
  const change = (index: number, patch: Partial<RubricItem>) =>
    setDraft({ ...draft, items: items.map((item, i) => (i === index ? { ...item, ...patch } : item)) });
  const add = () => {
    let n = items.length + 1;
    while (items.some((i) => i.id === `item-${n}`)) n++;
    setDraft({ ...draft, items: [...items, { id: `item-${n}`, area: items.at(-1)?.area ?? '', title: '', maxScore: 5, veto: false, productOwn: false }] });
  };
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await saveRubric(draft.id, draft, note.trim()));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={!!rubric} onClose={onClose} size={screens.md ? 'large' : '100%'} destroyOnHidden data-testid="rubric-editor"
      title={t('rubrics.editTitle', { name: draft.name, version: (draft.version ?? 0) + 1 })}
      extra={<Button type="primary" loading={busy} disabled={!note.trim()} onClick={() => void save()} data-testid="save-rubric">{t('rubrics.saveVersion')}</Button>}>
      <Typography.Paragraph type="secondary">{t('rubrics.editHint')}</Typography.Paragraph>
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 12 }} data-testid="rubric-error" />}
      <Form layout="vertical">
        <Space wrap>
          <Form.Item label={t('inbox.passLine')} htmlFor="rubric-pass-line">
            <InputNumber id="rubric-pass-line" min={0} max={1000} value={Number(draft.passLine)} onChange={(v) => setDraft({ ...draft, passLine: v ?? 0 })} />
          </Form.Item>
          <Form.Item label={t('rubrics.total')}><Typography.Text data-testid="rubric-total">{total}</Typography.Text></Form.Item>
        </Space>
        <Table size="small" rowKey="id" pagination={false} dataSource={items} scroll={{ x: 'max-content' }}
          expandable={{ expandedRowRender: (item) => indicatorForm(item, items.indexOf(item)), rowExpandable: (item) => !item.veto }}
          columns={[
            { title: t('rubrics.area'), width: 130, render: (_, item, i) => <Input value={item.area} aria-label={`${t('rubrics.area')} ${item.id}`} onChange={(e) => change(i, { area: e.target.value })} /> },
            { title: t('rubrics.item'), render: (_, item, i) => (
              <Input.TextArea autoSize value={item.title} aria-label={`${t('rubrics.item')} ${item.id}`} onChange={(e) => change(i, { title: e.target.value })} />
            ) },
            { title: t('campaigns.score'), width: 90, render: (_, item, i) => (
              <InputNumber min={0} max={1000} value={Number(item.maxScore)} disabled={item.veto} aria-label={`${t('campaigns.score')} ${item.id}`}
                onChange={(v) => change(i, { maxScore: v ?? 0 })} />
            ) },
            { title: t('inbox.vetoes'), width: 70, render: (_, item, i) => (
              <Switch checked={item.veto} aria-label={`${t('inbox.vetoes')} ${item.id}`} onChange={(veto) => change(i, { veto, maxScore: veto ? 0 : item.maxScore || 5 })} />
            ) },
            { title: t('rubrics.threshold'), width: 150, render: (_, item, i) => item.indicator && (
              item.indicator.growthOf
                ? <InputNumber addonBefore=">" addonAfter="%" value={percent(item.indicator.above)} aria-label={`${t('rubrics.threshold')} ${item.id}`}
                  onChange={(v) => change(i, { indicator: { ...item.indicator!, above: ratio(v) } })} />
                : <InputNumber addonBefore="≥" addonAfter="%" value={percent(item.indicator.min)} aria-label={`${t('rubrics.threshold')} ${item.id}`}
                  onChange={(v) => change(i, { indicator: { ...item.indicator!, min: ratio(v) } })} />
            ) },
            { title: '', width: 40, render: (_, item, i) => (
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={`${t('common.delete')} ${item.id}`}
                onClick={() => setDraft({ ...draft, items: items.filter((_, j) => j !== i) })} />
            ) },
          ]} />
        <Button icon={<PlusOutlined />} onClick={add} style={{ marginTop: 8 }} data-testid="add-item">{t('rubrics.addItem')}</Button>
        <Form.Item label={t('rubrics.note')} htmlFor="rubric-note" required style={{ marginTop: 16 }}>
          <Input.TextArea id="rubric-note" rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('rubrics.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
