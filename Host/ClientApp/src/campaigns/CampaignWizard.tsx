import { Alert, App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Steps, Table, Tag, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useState } from 'react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { resolveBusinessDate } from '../admin/api';
import type { CampaignRecord, CampaignTemplate, Chamber, ImportResult, TitleHolders } from '../api/types';
import { listTitleHolders } from '../titles/api';
import { importChambers, listChambers } from '../chambers/api';
import ImportRowErrors from '../chambers/ImportRowErrors';
import { errorText } from '../shared/errorText';
import PeoplePicker from './PeoplePicker';
import { addCampaignDocuments, createCampaign, getCampaignDraft, listCampaignTemplates, updateCampaign } from './api';
import CampaignDocuments from './CampaignDocuments';
import FilePicker from '../files/FilePicker';

type Draft = {
  templateId?: string; name: string; year: number; schedule: Record<string, string>;
  participantIds: string[]; leaders: string[]; reviewers: string[]; planApprovers: string[];
};

/**
 * Settings a campaign keeps beside its dates: how its notices speak (the organiser is the one staff
 * set here), and what its year confers — a 表彰 or a 认定 — with the most units the list may name.
 */
const settingKeys = ['organiser', 'organiserEn', 'participant', 'participantEn', 'reviewTerm', 'reviewTermEn', 'honourKind', 'honoursQuota', 'honourTiers', 'titleYears'];

/** The template's default schedule for a year: "{year}-04-30<" → "2026-04-30<" (a business date, see BusinessDateInput). */
export function scheduleFor(template: CampaignTemplate | undefined, year: number): Record<string, string> {
  const schedule: Record<string, string> = {};
  for (const [key, value] of Object.entries(template?.schedule ?? {}))
    if (typeof value === 'string') schedule[key] = value.replaceAll('{year}', String(year));
  return schedule;
}

/** The due dates among a campaign's settings: everything but its other settings. */
export const dueDates = (schedule: Record<string, string>) => Object.entries(schedule).filter(([key]) => !settingKeys.includes(key));

/**
 * A due date as a business date: the day, and what a day off does to it — nothing, back to the last
 * working day before it (the "<" of "2026-11-30<": 11月底前 stays in November), or on to the next
 * working day (the ">" of "2026-04-30>"). Other expressions ("2026-11-30-3wd") stay editable as text.
 */
function BusinessDateInput({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  const parsed = /^(\d{4}-\d{2}-\d{2})([<>]?)$/.exec(value.trim());
  if (!parsed && value.trim() !== '') return <Input value={value} onChange={(e) => onChange(e.target.value)} />;
  const day = parsed?.[1] ?? '';
  const dayOff = parsed ? parsed[2] : '<';
  return (
    <Space wrap>
      <DatePicker value={day ? dayjs(day) : null} allowClear={false} format="YYYY-MM-DD"
        onChange={(d) => d && onChange(`${d.format('YYYY-MM-DD')}${dayOff}`)} />
      <Select value={dayOff} disabled={!day} style={{ minWidth: 220 }} aria-label={t('campaigns.dayOff')} onChange={(rule) => onChange(`${day}${rule}`)}
        options={[{ value: '<', label: t('campaigns.lastWorkingDay') }, { value: '>', label: t('campaigns.nextWorkingDay') }, { value: '', label: t('campaigns.asWritten') }]} />
    </Space>
  );
}

/** What a business-date expression comes to on the calendar: "2026-10-03>" → 2026-10-09 (after National Day). */
function ResolvedDate({ expression }: { expression: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState<{ ok: boolean; value: string } | null>(null);
  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}/.test(expression)) return setText(null);
    const timer = setTimeout(() => {
      resolveBusinessDate(expression)
        .then((r) => setText({ ok: true, value: `${r.date} ${dayjs(r.date).format('dddd')}` }))
        .catch((e) => setText({ ok: false, value: errorText(e) }));
    }, 300);
    return () => clearTimeout(timer);
  }, [expression]);
  return text && <Typography.Text type={text.ok ? 'success' : 'danger'} data-testid="resolved-date">{text.ok ? t('campaigns.dueOn', { date: text.value }) : text.value}</Typography.Text>;
}

async function allChambers(): Promise<Chamber[]> {
  const chambers: Chamber[] = [];
  for (let page = 1; ; page++) {
    const batch = await listChambers({ page, pageSize: 500 });
    chambers.push(...batch.items);
    if (batch.items.length === 0 || chambers.length >= batch.total) return chambers;
  }
}

const emptyDraft = (): Draft => ({ name: '', year: new Date().getFullYear(), schedule: {}, participantIds: [], leaders: [], reviewers: ['role:staff'], planApprovers: [] });

/** Creates a campaign, or (with <c>campaignId</c>) changes a draft one: the same four steps, opened on what was saved. */
/** @param templateLocked A campaign an upper campaign opened keeps its template (the upper one waits for the report it ends with). */
export default function CampaignWizard({ open, onClose, onCreated, campaignId, templateLocked }: {
  open: boolean; onClose(): void; onCreated(c: CampaignRecord): void; campaignId?: string; templateLocked?: boolean;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState(0);
  const [templates, setTemplates] = useState<CampaignTemplate[]>([]);
  const [chambers, setChambers] = useState<Chamber[]>([]);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  // Documents picked before the campaign exists: uploaded once it is saved.
  const [pending, setPending] = useState<File[]>([]);
  const { message } = App.useApp();

  useEffect(() => {
    if (!open) return;
    setStep(0);
    setError(null);
    setPending([]);
    allChambers().then(setChambers);
    const loaded = listCampaignTemplates();
    loaded.then(setTemplates);
    if (!campaignId) {
      setDraft(emptyDraft());
      return;
    }
    // The saved draft over its template's schedule: a date left at the template's default was not saved.
    Promise.all([getCampaignDraft(campaignId), loaded]).then(([saved, all]) => {
      const year = saved.year ?? new Date().getFullYear();
      setDraft({
        templateId: saved.templateId ?? undefined, name: saved.name ?? '', year,
        schedule: { ...scheduleFor(all.find((x) => x.id === saved.templateId), year), ...(saved.schedule ?? {}) },
        participantIds: [...(saved.participantIds ?? [])], leaders: [...(saved.leaders ?? [])],
        reviewers: [...(saved.reviewers ?? [])], planApprovers: [...(saved.planApprovers ?? [])],
      });
    }).catch((e) => setError(errorText(e)));
  }, [open, campaignId]);

  // A recognition's campaign (a re-check, above all) takes its participants from a title's holders.
  const [holders, setHolders] = useState<TitleHolders[]>([]);
  useEffect(() => { if (open) void listTitleHolders().then(setHolders).catch(() => setHolders([])); }, [open]);
  const template = useMemo(() => templates.find((x) => x.id === draft.templateId), [templates, draft.templateId]);
  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const chooseTemplate = (id: string) => {
    const chosen = templates.find((x) => x.id === id);
    update({ templateId: id, schedule: scheduleFor(chosen, draft.year), name: draft.name || t('campaigns.defaultName', { year: draft.year, template: chosen?.name ?? '' }) });
  };

  // A list of this year's participants, imported here: the directory is updated and its chambers picked.
  const importParticipants = async (file: File) => {
    setError(null);
    try {
      const result = await importChambers(file);
      setImported(result);
      setChambers(await allChambers());
      setDraft((d) => ({ ...d, participantIds: [...new Set([...d.participantIds, ...result.chamberIds])] }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const { templateId, name, year, schedule, participantIds, leaders, reviewers, planApprovers } = draft;
      const dueDates = Object.fromEntries(Object.entries(schedule).filter(([, v]) => v.trim() !== ''));
      const request = { templateId, name, year, schedule: dueDates, participantIds, leaders, reviewers, planApprovers };
      const saved = await (campaignId ? updateCampaign(campaignId, request) : createCampaign(request));
      if (pending.length > 0) {
        // The campaign is saved either way; documents refused here can be added again on its page.
        await addCampaignDocuments(saved.id, pending).catch((e) => message.error(errorText(e)));
      }
      onCreated(saved);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const steps = [
    {
      title: t('campaigns.wizardSteps.template'),
      content: (
        <Form layout="vertical">
          <Form.Item label={t('campaigns.template')} required>
            <Select value={draft.templateId} onChange={chooseTemplate} data-testid="template" disabled={templateLocked}
              options={templates.map((x) => ({ value: x.id, label: x.name ?? x.id }))} />
          </Form.Item>
          {template?.description && <Typography.Paragraph type="secondary">{template.description}</Typography.Paragraph>}
          <Form.Item label={t('common.name')} htmlFor="campaign-name" required><Input id="campaign-name" value={draft.name} onChange={(e) => update({ name: e.target.value })} /></Form.Item>
          <Form.Item label={t('campaigns.year')} required>
            <InputNumber min={2004} max={2100} value={draft.year} onChange={(v) => v && update({ year: v, schedule: scheduleFor(template, v) })} />
          </Form.Item>
        </Form>
      ),
      valid: !!draft.templateId && draft.name.trim() !== '',
    },
    {
      title: t('campaigns.wizardSteps.schedule'),
      content: (
        <Form layout="horizontal" labelCol={{ span: 8 }}>
          <Typography.Paragraph type="secondary">{t('campaigns.scheduleHint')}</Typography.Paragraph>
          {dueDates(draft.schedule).map(([key, value]) => (
            <Form.Item key={key} label={t(`campaigns.dates.${key}`, { defaultValue: key })} extra={<ResolvedDate expression={value} />}>
              <BusinessDateInput value={value} onChange={(v) => update({ schedule: { ...draft.schedule, [key]: v } })} />
            </Form.Item>
          ))}
          <Form.Item label={t('campaigns.organiser')} htmlFor="campaign-organiser" extra={t('campaigns.organiserHint')}>
            <Input id="campaign-organiser" maxLength={200} data-user-text value={draft.schedule.organiser ?? template?.wording?.organiser ?? ''}
              placeholder={template?.wording?.organiser ?? ''} onChange={(e) => update({ schedule: { ...draft.schedule, organiser: e.target.value } })} />
          </Form.Item>
          <Form.Item label={t('campaigns.honourKind')} extra={t('campaigns.honourKindHint')}>
            <Radio.Group value={draft.schedule.honourKind ?? template?.honourKind ?? 'commendation'} data-testid="honour-kind"
              onChange={(e) => update({ schedule: { ...draft.schedule, honourKind: e.target.value } })}
              options={[{ value: 'commendation', label: t('campaigns.honourKinds.commendation') }, { value: 'recognition', label: t('campaigns.honourKinds.recognition') }]} />
          </Form.Item>
          {(draft.schedule.honourKind ?? template?.honourKind) === 'recognition' && (
            <Form.Item label={t('campaigns.titleYears')} htmlFor="campaign-title-years" extra={t('campaigns.titleYearsHint')}>
              <InputNumber id="campaign-title-years" min={1} max={10} precision={0} value={draft.schedule.titleYears ? Number(draft.schedule.titleYears) : 3}
                onChange={(v) => update({ schedule: { ...draft.schedule, titleYears: v == null ? '' : String(v) } })} />
            </Form.Item>
          )}
          <Form.Item label={t('campaigns.honourTiers')} extra={t('campaigns.honourTiersHint')}>
            <TiersInput value={draft.schedule.honourTiers ?? ''} onChange={(v) => update({ schedule: { ...draft.schedule, honourTiers: v } })} />
          </Form.Item>
          <Form.Item label={t('campaigns.honoursQuota')} htmlFor="campaign-quota" extra={t('campaigns.honoursQuotaHint')}>
            <InputNumber id="campaign-quota" min={1} max={100000} precision={0} value={draft.schedule.honoursQuota ? Number(draft.schedule.honoursQuota) : null}
              onChange={(v) => update({ schedule: { ...draft.schedule, honoursQuota: v == null ? '' : String(v) } })} />
          </Form.Item>
        </Form>
      ),
      valid: true,
    },
    {
      title: t('campaigns.wizardSteps.participants'),
      content: (
        <>
          <Space style={{ marginBottom: 8 }}>
            <Checkbox checked={chambers.length > 0 && draft.participantIds.length === chambers.length}
              onChange={(e) => update({ participantIds: e.target.checked ? chambers.map((c) => c.id) : [] })}>
              {t('campaigns.pickAll')} ({chambers.length})
            </Checkbox>
            <Upload accept=".csv,.xlsx" showUploadList={false} beforeUpload={(f) => { void importParticipants(f); return false; }}>
              <Button icon={<UploadOutlined />} data-testid="wizard-import">{t('campaigns.importHere')}</Button>
            </Upload>
            {(draft.schedule.honourKind ?? template?.honourKind) === 'recognition' && holders.map((h) => (
              <Button key={h.title} onClick={() => update({ participantIds: [...new Set([...draft.participantIds, ...h.chamberIds])] })} data-testid="pick-holders">
                {/* Inside the button's own quotes, the title's quotes turn single. */}
                {t('campaigns.pickHolders', { title: h.title.replaceAll('“', '‘').replaceAll('”', '’'), count: h.chamberIds.length })}
              </Button>
            ))}
          </Space>
          {imported && (
            <Alert type={imported.errors.length ? 'warning' : 'success'} showIcon closable onClose={() => setImported(null)} style={{ marginBottom: 8 }}
              title={t('campaigns.importedPicked', { count: imported.chamberIds.length })}
              description={<ImportRowErrors errors={imported.errors} limit={10} />} />
          )}
          <Table<Chamber> size="small" rowKey="id" dataSource={chambers} pagination={{ pageSize: 8 }}
            rowSelection={{ selectedRowKeys: draft.participantIds, onChange: (keys) => update({ participantIds: keys as string[] }), preserveSelectedRowKeys: true }}
            columns={[{ title: t('campaigns.chamber'), dataIndex: 'name' }, { title: t('campaigns.district'), dataIndex: 'district' }, { title: t('chambers.email'), dataIndex: 'email' }]} />
        </>
      ),
      valid: draft.participantIds.length > 0,
    },
    {
      title: t('campaigns.wizardSteps.people'),
      content: (
        <Form layout="vertical">
          <Form.Item label={t('campaigns.leaders')}><PeoplePicker value={draft.leaders} onChange={(v) => update({ leaders: v })} role="leader" testId="leaders" /></Form.Item>
          <Form.Item label={t('campaigns.reviewers')}><PeoplePicker value={draft.reviewers} onChange={(v) => update({ reviewers: v })} role="staff" testId="reviewers" /></Form.Item>
          <Form.Item label={t('campaigns.planApprovers')}><PeoplePicker value={draft.planApprovers} onChange={(v) => update({ planApprovers: v })} role="leader" testId="plan-approvers" /></Form.Item>
          <Form.Item label={t('files.documents')} extra={t('files.documentsHint')}>
            {campaignId ? <CampaignDocuments campaignId={campaignId} editable /> : (
              <Space orientation="vertical">
                <FilePicker onChosen={(files) => setPending((p) => [...p, ...files])} />
                {pending.length > 0 && (
                  <Space wrap data-testid="pending-documents">
                    {pending.map((file, i) => <Tag key={`${file.name}-${i}`} closable onClose={() => setPending((p) => p.filter((_, j) => j !== i))}>{file.name}</Tag>)}
                  </Space>
                )}
              </Space>
            )}
          </Form.Item>
        </Form>
      ),
      valid: true,
    },
  ];

  const last = step === steps.length - 1;
  return (
    // The footer's own buttons: the modal's cancel button closes it whatever else it is told, so "previous" would lose the draft.
    <Modal open={open} width={820} title={t(campaignId ? 'campaigns.edit' : 'campaigns.create')} onCancel={onClose} destroyOnHidden
      footer={[
        <Button key="back" onClick={() => (step === 0 ? onClose() : setStep(step - 1))}>{step === 0 ? t('common.cancel') : t('common.previous')}</Button>,
        <Button key="next" type="primary" loading={busy} disabled={!steps[step].valid} onClick={() => (last ? void create() : setStep(step + 1))}>
          {last ? t('common.save') : t('common.next')}
        </Button>,
      ]}>
      <Steps current={step} items={steps.map((s) => ({ title: s.title }))} style={{ marginBottom: 24 }} />
      {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 8 }} data-testid="wizard-error" />}
      {steps[step].content}
    </Modal>
  );
}

type Tier = { name: string; minScore?: number | null; count?: number | null };

/** The shortlist's tiers, in order (e.g. 示范商会 ≥ 95, at most 2; then 先进商会): kept in the campaign's settings as JSON. */
function TiersInput({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  let tiers: Tier[] = [];
  try {
    tiers = value ? JSON.parse(value) as Tier[] : [];
  } catch {
    tiers = [];
  }
  const set = (next: Tier[]) => onChange(next.length ? JSON.stringify(next) : '');
  const change = (i: number, patch: Partial<Tier>) => set(tiers.map((tier, j) => (j === i ? { ...tier, ...patch } : tier)));
  return (
    <Space orientation="vertical" data-testid="honour-tiers">
      {tiers.map((tier, i) => (
        <Space key={i} wrap>
          <Input style={{ width: 140 }} maxLength={50} value={tier.name} placeholder={t('campaigns.tierName')} aria-label={`${t('campaigns.tierName')} ${i + 1}`}
            onChange={(e) => change(i, { name: e.target.value })} />
          <InputNumber style={{ width: 120 }} min={0} max={1000} value={tier.minScore} placeholder={t('campaigns.tierMinScore')}
            aria-label={`${t('campaigns.tierMinScore')} ${i + 1}`} onChange={(v) => change(i, { minScore: v })} />
          <InputNumber style={{ width: 110 }} min={1} max={100000} precision={0} value={tier.count} placeholder={t('campaigns.tierCount')}
            aria-label={`${t('campaigns.tierCount')} ${i + 1}`} onChange={(v) => change(i, { count: v })} />
          <Button type="text" danger onClick={() => set(tiers.filter((_, j) => j !== i))}>{t('common.delete')}</Button>
        </Space>
      ))}
      <Button size="small" onClick={() => set([...tiers, { name: '' }])}>{t('campaigns.addTier')}</Button>
    </Space>
  );
}
