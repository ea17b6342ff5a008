import { CompressOutlined, ExpandOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = { zoom: number; onZoomIn(): void; onZoomOut(): void; onActualSize(): void; onFit(): void };

/** Zoom buttons over the canvas (the mouse wheel with Ctrl zooms too): out, the scale, in, 100 %, the whole flowchart. */
export default function CanvasControls({ zoom, onZoomIn, onZoomOut, onActualSize, onFit }: Props) {
  const { t } = useTranslation();
  return (
    <Space.Compact style={{ position: 'absolute', left: 12, top: 12, boxShadow: '0 1px 4px rgba(0,0,0,.12)' }} data-testid="canvas-controls">
      <Tooltip title={t('designer.zoomOut')}><Button icon={<ZoomOutOutlined />} aria-label={t('designer.zoomOut')} onClick={onZoomOut} /></Tooltip>
      <Tooltip title={t('designer.actualSize')}>
        <Button onClick={onActualSize} data-testid="zoom-level" style={{ minWidth: 64 }}>{Math.round(zoom * 100)}%</Button>
      </Tooltip>
      <Tooltip title={t('designer.zoomIn')}><Button icon={<ZoomInOutlined />} aria-label={t('designer.zoomIn')} onClick={onZoomIn} /></Tooltip>
      <Tooltip title={t('designer.fit')}><Button icon={zoom < 1 ? <ExpandOutlined /> : <CompressOutlined />} aria-label={t('designer.fit')} onClick={onFit} data-testid="zoom-fit" /></Tooltip>
    </Space.Compact>
  );
}
