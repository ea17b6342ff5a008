import { Alert, Button, Card, Col, Empty, Form, Input, List, Popconfirm, Row, Segmented, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmailTemplateText, EmailTemplateView, RenderedEmail } from '../api/types';
import { errorLines } from '../shared/errorText';
import { formatMoment } from '../shared/format';
import { getEmailTemplate, listEmailTemplates, previewEmailTemplate, resetEmailTemplate, saveEmailTemplate } from './api';

/** The fields every template may use, as definitions/email-templates/README.md lists them; the English version uses the English dates. */
const fields = (language: string) => ['chamber', 'campaign', 'title', 'description', ...(language === 'en' ? ['dueDateEn', 'dueWeekdayEn'] : ['dueDate', 'dueWeekday']),
  'workingDaysLeft', 'overdueWorkingDays', 'link', 'feedback', 'note', 'sender'];

/** The languages every message is written in; each recipient gets the one of their setting. */
const messageLanguages = ['zh-CN', 'en'] as const;

/**
 * E-mail templates for administrators: pick one and its language (every message has a Chinese and
 * an English version), change its Handlebars subject, text and HTML, preview with sample values,
 * save, or go back to the shipped text. The HTML preview runs in a
 * sandboxed frame (no scripts, no same-origin access).
 */
export default function EmailTemplatesPage() {
  const { t } = useTranslation();
  const [templates, setTemplates] = useState<EmailTemplateView[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [language, setLanguage] = useState<string>('zh-CN');
  const [draft, setDraft] = useState<EmailTemplateText | null>(null);
  const [preview, setPreview] = useState<RenderedEmail | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);

  const load = useCallback(() => listEmailTemplates().then(setTemplates), []);
  useEffect(() => { void load(); }, [load]);

  const names = [...new Set(templates.map((x) => x.name))];
  const same = (a: EmailTemplateView, b: EmailTemplateView) => a.name === b.name && a.language === b.language;
  const current = templates.find((x) => x.name === selected && x.language === language);
  const open = (view: EmailTemplateView) => {
    setSelected(view.name);
    setLanguage(view.language);
    setDraft(view.current);
    setPreview(null);
    setProblems([]);
    setSaved(false);
  };
  const edit = (patch: Partial<EmailTemplateText>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setSaved(false);
  };
  const attempt = async (action: () => Promise<void>) => {
    setProblems([]);
    try {
      await action();
    } catch (e) {
      setProblems(errorLines(e));
    }
  };
  const showPreview = () => attempt(async () => setPreview(await previewEmailTemplate(selected!, language, draft!)));
  const save = () => attempt(async () => {
    const view = await saveEmailTemplate(selected!, language, draft!);
    setTemplates((all) => all.map((x) => (same(x, view) ? view : x)));
    setSaved(true);
  });
  const reset = () => attempt(async () => {
    await resetEmailTemplate(selected!, language);
    const view = await getEmailTemplate(selected!, language);
    setTemplates((all) => all.map((x) => (same(x, view) ? view : x)));
    open(view);
  });
  const switchLanguage = (next: string) => {
    const view = templates.find((x) => x.name === selected && x.language === next);
    if (view) open(view);
  };

  return (
    <Row gutter={16}>
      <Col span={7}>
        <Card title={t('emailTemplates.title')} size="small">
          <List size="small" dataSource={names} renderItem={(name) => (
            <List.Item onClick={() => { const view = templates.find((x) => x.name === name && x.language === language); if (view) open(view); }}
              style={{ cursor: 'pointer', background: name === selected ? '#e6f4ff' : undefined }} data-testid={`template-${name}`}>
              <Space orientation="vertical" size={0}>
                <Typography.Text strong>{t(`emailTemplates.names.${name}`, { defaultValue: name })}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{name}</Typography.Text>
              </Space>
              {templates.some((x) => x.name === name && x.customised) && <Tag color="blue">{t('emailTemplates.customised')}</Tag>}
            </List.Item>
          )} />
        </Card>
      </Col>
      <Col span={17}>
        {!current || !draft ? <Card><Empty description={t('emailTemplates.pick')} /></Card> : (
          <Card size="small" title={t(`emailTemplates.names.${current.name}`, { defaultValue: current.name })} extra={
            <Space>
              <Button onClick={() => void showPreview()}>{t('emailTemplates.preview')}</Button>
              <Popconfirm title={t('emailTemplates.resetConfirm')} onConfirm={() => void reset()} okText={t('common.yes')} cancelText={t('common.no')}>
                <Button disabled={!current.customised}>{t('emailTemplates.reset')}</Button>
              </Popconfirm>
              <Button type="primary" onClick={() => void save()} data-testid="save-template">{t('common.save')}</Button>
            </Space>}>
            <Segmented data-testid="template-language" value={language} onChange={(v) => switchLanguage(String(v))} style={{ marginBottom: 12 }}
              options={messageLanguages.map((l) => ({ value: l, label: t(`emailTemplates.languages.${l}`) }))} />
            {current.customised && current.updatedAt && (
              <Typography.Paragraph type="secondary">{t('emailTemplates.changedBy', { by: current.updatedBy ?? '', at: formatMoment(current.updatedAt) })}</Typography.Paragraph>
            )}
            {saved && <Alert type="success" showIcon title={t('emailTemplates.saved')} style={{ marginBottom: 12 }} />}
            {problems.length > 0 && <Alert type="error" showIcon title={t('emailTemplates.invalid')} description={<ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>} style={{ marginBottom: 12 }} />}
            <Form layout="vertical">
              <Form.Item label={t('emailTemplates.subject')} htmlFor="template-subject"><Input id="template-subject" value={draft.subject} onChange={(e) => edit({ subject: e.target.value })} /></Form.Item>
              <Form.Item label={t('emailTemplates.text')} htmlFor="template-text">
                <Input.TextArea id="template-text" rows={8} value={draft.text} onChange={(e) => edit({ text: e.target.value })} style={{ fontFamily: 'monospace' }} />
              </Form.Item>
              <Form.Item label="HTML" extra={t('emailTemplates.htmlHint')} htmlFor="template-html">
                <Input.TextArea id="template-html" rows={8} value={draft.html} onChange={(e) => edit({ html: e.target.value })} style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            </Form>
            <Typography.Paragraph type="secondary">
              {t('emailTemplates.fields')} {fields(language).map((f) => <Typography.Text code key={f}>{`{{${f}}}`}</Typography.Text>)}
            </Typography.Paragraph>
            {preview && (
              <Card size="small" type="inner" title={`${t('emailTemplates.preview')}：${preview.subject}`} data-testid="template-preview">
                <Typography.Paragraph><pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{preview.text}</pre></Typography.Paragraph>
                <iframe title="html-preview" sandbox="" srcDoc={preview.html} style={{ width: '100%', height: 240, border: '1px solid #f0f0f0' }} />
              </Card>
            )}
          </Card>
        )}
      </Col>
    </Row>
  );
}
