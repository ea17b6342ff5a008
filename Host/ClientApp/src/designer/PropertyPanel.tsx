import { Alert, Checkbox, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { inputText, withInput, type ActivityDescriptor, type ActivityJson, type InputDescriptor } from './model';
import { inputDescription, translation, typeDescription, typeLabel, withTranslation } from './translations';

const expressionTypes = ['Literal', 'JavaScript', 'Liquid', 'CSharp', 'Object', 'Variable'];

/** The selected activity's name and inputs, each as Elsa stores it: an expression type and its text. */
export default function PropertyPanel({ activity, descriptor, readOnly, onChange }: {
  activity: ActivityJson; descriptor?: ActivityDescriptor; readOnly?: boolean; onChange(activity: ActivityJson): void;
}) {
  const { t } = useTranslation();
  if (!descriptor) return <Alert type="warning" title={`${t('designer.unknownType')}: ${activity.type}`} />;
  const inputs = [...descriptor.inputs].sort((a, b) => a.order - b.order);

  const field = (input: InputDescriptor) => {
    const current = inputText(activity, input.name);
    const reference = (activity[input.name] as { memoryReference?: { id: string } } | undefined)?.memoryReference;
    if (reference) return <Typography.Text code>→ {reference.id}</Typography.Text>;
    const type = current?.type ?? 'Literal';
    const value = current?.value ?? '';
    const set = (nextType: string, nextValue: string) => onChange(withInput(activity, input, nextType, nextValue));
    const literalEditor = input.uiHint === 'checkbox' && type === 'Literal'
      ? <Checkbox disabled={readOnly} checked={value === 'true'} onChange={(e) => set(type, e.target.checked ? 'true' : '')} />
      : (input.uiHint === 'dropdown' || input.enumValues) && type === 'Literal'
        ? <Select disabled={readOnly} allowClear value={value || undefined} onChange={(v) => set(type, v ?? '')} style={{ width: '100%' }}
            options={(input.options ?? input.enumValues ?? []).map((o) => ({ value: o, label: o }))} />
        : type === 'Literal' && input.uiHint !== 'multiline' && input.uiHint !== 'json-editor'
          ? <Input disabled={readOnly} value={value} placeholder={input.defaultValue ?? undefined} onChange={(e) => set(type, e.target.value)} />
          : <Input.TextArea disabled={readOnly} value={value} autoSize={{ minRows: 2, maxRows: 8 }} style={{ fontFamily: type === 'Literal' ? undefined : 'monospace' }}
              onChange={(e) => set(type, e.target.value)} />;
    return (
      <>
        <Select size="small" disabled={readOnly} value={type} style={{ width: 120, marginBottom: 4 }} onChange={(v) => set(v, value)}
          options={expressionTypes.map((e) => ({ value: e, label: e }))} />
        {literalEditor}
      </>
    );
  };

  return (
    <Form layout="vertical" size="small">
      <Typography.Title level={5} style={{ marginTop: 0 }}>{typeLabel(descriptor, activity.type)}</Typography.Title>
      <Typography.Paragraph type="secondary">{typeDescription(descriptor)}</Typography.Paragraph>
      <Form.Item label={t('designer.activityId')}><Input value={activity.id} disabled /></Form.Item>
      <Form.Item label={t('common.name')}>
        <Input disabled={readOnly} value={activity.name ?? ''} onChange={(e) => onChange({ ...activity, name: e.target.value || undefined })} />
      </Form.Item>
      {/* The name English readers see; kept in customProperties.translations, which Elsa keeps as written. */}
      <Form.Item label={t('designer.nameEn')} tooltip={t('designer.nameEnHint')}>
        <Input disabled={readOnly} value={translation(activity, 'en', 'name') ?? ''} data-testid="name-en"
          onChange={(e) => onChange(withTranslation(activity, 'en', 'name', e.target.value))} />
      </Form.Item>
      {inputs.map((input) => {
        const missing = input.isRequired && !inputText(activity, input.name)?.value && !(activity[input.name] as { memoryReference?: unknown } | undefined)?.memoryReference;
        return (
          <Form.Item key={input.name} label={t(`designer.inputs.${input.name}`, { defaultValue: input.displayName })} tooltip={inputDescription(descriptor, input)} required={input.isRequired}
            validateStatus={missing ? 'error' : undefined} help={missing ? t('designer.required') : undefined}>
            {field(input)}
          </Form.Item>
        );
      })}
    </Form>
  );
}
