import { Alert, App as AntApp, Button, Card, Empty, Grid, Select, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { DefinitionSummary } from '../api/types';
import { errorText } from '../shared/errorText';
import { definitionExportUrl, getDefinition, listDefinitionVersions, publishDefinition, saveDefinitionDraft, type DefinitionDetail } from './api';
import { layout, newActivityId, validate, type ActivityJson, type DefinitionJson } from './model';
import Palette, { paletteType } from './Palette';
import PropertyPanel from './PropertyPanel';
import { useDescriptors } from './useDescriptors';
import WorkflowCanvas, { type CanvasHandle } from './WorkflowCanvas';

/** The designer: palette, canvas and property panel; drafts, publishing and versions. */
export default function DesignerPage() {
  const { t } = useTranslation();
  const phone = !Grid.useBreakpoint().md;
  const { message, modal } = AntApp.useApp();
  const { definitionId = '' } = useParams();
  const descriptors = useDescriptors();
  const canvas = useRef<CanvasHandle>(null);
  const [detail, setDetail] = useState<DefinitionDetail | null>(null);
  const [versions, setVersions] = useState<DefinitionSummary[]>([]);
  const [selected, setSelected] = useState<ActivityJson | null>(null);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = useCallback(async (version?: number) => {
    try {
      const [loaded, loadedVersions] = await Promise.all([
        getDefinition(definitionId, version),
        listDefinitionVersions(definitionId),
      ]);
      setDetail(loaded);
      setVersions(loadedVersions);
      setSelected(null);
      setDirty(false);
      canvas.current?.load(loaded.definition);
    } catch (e) {
      setError(errorText(e));
    }
  }, [definitionId]);
  useEffect(() => void open(), [open]);

  const current = () => canvas.current!.toDefinition();
  const checked = (): DefinitionJson | null => {
    const definition = current();
    const problems = validate(definition, descriptors!);
    if (problems.length === 0) return definition;
    modal.error({ title: t('designer.invalid'), content: <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>, width: 640 });
    return null;
  };

  const saveDraft = async () => {
    const definition = checked();
    if (!definition) return;
    try {
      const saved = await saveDefinitionDraft(definitionId, definition);
      message.success(t('designer.saved', { version: saved.version }));
      setDirty(false);
      setDetail({ summary: saved, definition });
      setVersions(await listDefinitionVersions(definitionId));
    } catch (e) {
      modal.error({ title: t('common.error'), content: errorText(e) });
    }
  };

  const publish = async () => {
    if (dirty) await saveDraft();
    try {
      const published = await publishDefinition(definitionId);
      message.success(t('designer.published', { version: published.version }));
      await open();
    } catch (e) {
      modal.error({ title: t('common.error'), content: errorText(e) });
    }
  };

  const autoLayout = () => {
    canvas.current!.load(layout(current()));
    setDirty(true);
  };

  // A palette item is dropped on the canvas (HTML drag and drop), or double-clicked to add it in view.
  const add = useCallback((typeName: string, at?: { clientX: number; clientY: number }) => {
    const descriptor = descriptors?.get(typeName);
    if (!descriptor) return;
    const definition = canvas.current!.toDefinition();
    // A workflow used as an activity also carries the definition and version it runs.
    canvas.current!.addActivity(descriptor, { id: newActivityId(definition, typeName), type: typeName, ...descriptor.constructionProperties }, at);
  }, [descriptors]);

  if (error) return <Alert type="error" title={error} showIcon />;
  if (!descriptors || !detail) return <Spin />;
  const selectedDescriptor = selected ? descriptors.get(selected.type) : undefined;

  const canvasView = (
    <WorkflowCanvas ref={canvas} definition={detail.definition} descriptors={descriptors}
      onSelect={(id) => setSelected(id ? canvas.current!.activity(id) : null)}
      onChange={() => setDirty(true)} />
  );
  const properties = selected
    ? <PropertyPanel key={selected.id} activity={selected} descriptor={selectedDescriptor} onChange={(next) => {
        setSelected(next);
        canvas.current?.updateActivity(next);
        setDirty(true);
      }} />
    : <Empty description={t('designer.selectHint')} />;

  return (
    <Card size="small" styles={{ body: { padding: 0 } }} title={
      <Space>
        <Typography.Text strong>{detail.summary.name ?? definitionId}</Typography.Text>
        <Tag color={detail.summary.isPublished ? 'green' : 'default'}>v{detail.summary.version} · {detail.summary.isPublished ? t('designer.publishedTag') : t('designer.draft')}</Tag>
      </Space>}
      extra={
        <Space wrap>
          <Tooltip title={t('designer.undo')}><Button icon={<UndoOutlined />} onClick={() => canvas.current?.undo()} aria-label={t('designer.undo')} /></Tooltip>
          <Tooltip title={t('designer.redo')}><Button icon={<RedoOutlined />} onClick={() => canvas.current?.redo()} aria-label={t('designer.redo')} /></Tooltip>
          <Button onClick={autoLayout}>{t('designer.layout')}</Button>
          <Select style={{ width: 170 }} value={detail.summary.version} onChange={(v) => void open(v)} aria-label={t('designer.versions')}
            options={versions.map((v) => ({ value: v.version, label: `v${v.version} ${v.isPublished ? `· ${t('designer.publishedTag')}` : v.isLatest ? `· ${t('designer.latest')}` : ''}` }))} />
          <Button href={definitionExportUrl(definitionId)}>{t('designer.export')}</Button>
          <Button onClick={saveDraft} disabled={!dirty} data-testid="save-draft">{t('designer.saveDraft')}</Button>
          <Button type="primary" onClick={publish} data-testid="publish">{t('designer.publish')}</Button>
        </Space>}>
      {/* One tree for both layouts, the canvas always in the same place: crossing the phone width
          (a rotated tablet, a resized window) re-lays the page out without rebuilding the canvas,
          which would drop the edits not saved yet. On a phone the flowchart is read and an
          activity's properties are shown under it; the palette (drag and drop) is a desk's. */}
      <div style={phone ? undefined : { display: 'flex', height: 'calc(100vh - 190px)', minHeight: 480, background: '#fff' }}>
        {!phone && (
          <div style={{ width: 220, flex: 'none', overflow: 'auto', borderRight: '1px solid #f0f0f0' }}>
            <Palette descriptors={descriptors} onAdd={add} />
          </div>
        )}
        <div style={phone ? { height: '60vh', position: 'relative' } : { flex: 1, minWidth: 0, position: 'relative' }}
          onDragOver={(e) => { if (e.dataTransfer.types.includes(paletteType)) e.preventDefault(); }}
          onDrop={(e) => { e.preventDefault(); add(e.dataTransfer.getData(paletteType), { clientX: e.clientX, clientY: e.clientY }); }}>
          {canvasView}
        </div>
        <div style={phone ? { padding: 12 } : { width: 340, flex: 'none', overflow: 'auto', padding: 12, borderLeft: '1px solid #f0f0f0' }}
          data-testid="property-panel">
          {properties}
        </div>
      </div>
    </Card>
  );
}
