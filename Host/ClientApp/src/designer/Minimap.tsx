import type { Graph } from '@antv/x6';
import { useEffect, useRef } from 'react';

const width = 200;
const height = 140;
const margin = 8;

/**
 * The whole flowchart in small, drawn on a canvas: a box per activity in its colours and a frame
 * where the view is; a click or a drag there moves the view. X6's own MiniMap draws the flowchart
 * a second time as SVG, every card with its texts: twice the work of opening a large flowchart,
 * which the canvas at 100 % draws only in part (see WorkflowCanvas's virtual rendering).
 */
export default function Minimap({ graph, visible }: { graph: Graph | null; visible: boolean }) {
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!graph || !context || !visible) return;
    let frame = 0;
    // The scale and offset of the last drawing, to map a click back onto the flowchart.
    let mapping = { scale: 1, x: 0, y: 0 };
    const draw = () => {
      frame = 0;
      const content = graph.getContentArea();
      if (!content.width || !content.height) return;
      const scale = Math.min((width - 2 * margin) / content.width, (height - 2 * margin) / content.height);
      const x = margin + ((width - 2 * margin) - content.width * scale) / 2 - content.x * scale;
      const y = margin + ((height - 2 * margin) - content.height * scale) / 2 - content.y * scale;
      mapping = { scale, x, y };
      context.clearRect(0, 0, width, height);
      for (const node of graph.getNodes()) {
        const box = node.getBBox();
        const body = node.getAttrs().body as { fill?: string; stroke?: string } | undefined;
        context.fillStyle = body?.fill && body.fill !== '#ffffff' ? String(body.fill) : '#d9d9d9';
        context.strokeStyle = String(body?.stroke ?? '#8c8c8c');
        context.fillRect(x + box.x * scale, y + box.y * scale, Math.max(2, box.width * scale), Math.max(2, box.height * scale));
      }
      const view = graph.getGraphArea();
      context.strokeStyle = '#b71c1c';
      context.lineWidth = 1.5;
      context.strokeRect(x + view.x * scale, y + view.y * scale, view.width * scale, view.height * scale);
    };
    const redraw = () => { if (!frame) frame = requestAnimationFrame(draw); };
    const events = ['translate', 'scale', 'resize', 'node:change:position', 'node:change:attrs', 'cell:added', 'cell:removed', 'model:reset'] as const;
    for (const event of events) graph.on(event, redraw);
    redraw();

    // A click or a drag on the overview centres the view there.
    const element = canvas.current!;
    const moveTo = (e: PointerEvent) => {
      const rect = element.getBoundingClientRect();
      graph.centerPoint((e.clientX - rect.left - mapping.x) / mapping.scale, (e.clientY - rect.top - mapping.y) / mapping.scale);
    };
    const down = (e: PointerEvent) => { element.setPointerCapture(e.pointerId); moveTo(e); };
    const move = (e: PointerEvent) => { if (element.hasPointerCapture(e.pointerId)) moveTo(e); };
    element.addEventListener('pointerdown', down);
    element.addEventListener('pointermove', move);
    return () => {
      for (const event of events) graph.off(event, redraw);
      if (frame) cancelAnimationFrame(frame);
      element.removeEventListener('pointerdown', down);
      element.removeEventListener('pointermove', move);
    };
  }, [graph, visible]);

  return (
    <canvas ref={canvas} width={width} height={height} data-testid="minimap"
      style={{ position: 'absolute', right: 12, bottom: 12, border: '1px solid #d9d9d9', background: '#fff', cursor: 'pointer',
        boxShadow: '0 1px 4px rgba(0,0,0,.12)', display: visible ? 'block' : 'none', touchAction: 'none' }} />
  );
}
