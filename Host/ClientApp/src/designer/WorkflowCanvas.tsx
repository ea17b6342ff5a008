import { Graph, History, Keyboard, Selection, Snapline, type EdgeMetadata, type Node, type NodeMetadata } from '@antv/x6';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { outcomesOf, type ActivityDescriptor, type ActivityJson, type ConnectionJson, type DefinitionJson } from './model';

/** How a running instance stands at an activity (the live view colours nodes by it). */
export type ActivityState = 'finished' | 'current' | 'faulted';

export type CanvasHandle = {
  /** The definition as drawn: the activities (with their positions) and connections of the canvas. */
  toDefinition(): DefinitionJson;
  load(definition: DefinitionJson): void;
  updateActivity(activity: ActivityJson): void;
  undo(): void;
  redo(): void;
  /** Adds an activity where it was dropped (client coordinates), or in the middle of the view. */
  addActivity(descriptor: ActivityDescriptor, activity: ActivityJson, at?: { clientX: number; clientY: number }): void;
};

type Props = {
  definition: DefinitionJson;
  descriptors: Map<string, ActivityDescriptor>;
  readOnly?: boolean;
  states?: Map<string, ActivityState>;
  onSelect?(activityId: string | null): void;
  onChange?(): void;
};

const nodeWidth = 200;
const colors: Record<ActivityState | 'idle', { fill: string; stroke: string }> = {
  idle: { fill: '#ffffff', stroke: '#8c8c8c' },
  finished: { fill: '#f6ffed', stroke: '#52c41a' },
  current: { fill: '#e6f4ff', stroke: '#1677ff' },
  faulted: { fill: '#fff1f0', stroke: '#f5222d' },
};

function nodeOf(activity: ActivityJson, descriptor: ActivityDescriptor | undefined, state?: ActivityState): NodeMetadata {
  const outcomes = outcomesOf(descriptor, activity);
  const position = activity.metadata?.designer?.position ?? { x: 0, y: 0 };
  const color = colors[state ?? 'idle'];
  const hasIn = descriptor?.typeName !== 'Elsa.Start' && descriptor?.kind !== 'Trigger';
  return {
    id: activity.id,
    shape: 'rect',
    x: position.x,
    y: position.y,
    width: nodeWidth,
    height: Math.max(56, 22 * outcomes.length + 12),
    data: { activity },
    attrs: {
      body: { fill: color.fill, stroke: color.stroke, strokeWidth: state === 'current' ? 3 : 1.5, rx: 8, ry: 8 },
      label: {
        text: `${activity.name ?? activity.id}\n${descriptor?.displayName ?? activity.type}`,
        fontSize: 12, fill: '#262626', textWrap: { width: nodeWidth - 24, height: 48, ellipsis: true },
      },
    },
    ports: {
      groups: {
        in: { position: 'left', attrs: { circle: { r: 5, magnet: 'passive', stroke: '#8c8c8c', fill: '#fff' } } },
        out: {
          position: 'right',
          label: { position: { name: 'left', args: { x: -6 } } },
          attrs: { circle: { r: 5, magnet: true, stroke: '#1677ff', fill: '#fff' }, text: { fontSize: 10, fill: '#595959' } },
        },
      },
      items: [
        ...(hasIn ? [{ id: 'In', group: 'in' }] : []),
        ...outcomes.map((o) => ({ id: o, group: 'out', attrs: { text: { text: o } } })),
      ],
    },
  };
}

function edgeOf(connection: ConnectionJson): EdgeMetadata {
  return {
    source: { cell: connection.source.activity, port: connection.source.port ?? 'Done' },
    target: { cell: connection.target.activity, port: connection.target.port ?? 'In' },
    attrs: { line: { stroke: '#8c8c8c', strokeWidth: 1.5, targetMarker: 'classic' } },
    router: { name: 'manhattan', args: { padding: 12 } },
    connector: { name: 'rounded' },
  };
}

/** The flowchart on an X6 canvas: edited in the designer, or read-only with live states. */
const WorkflowCanvas = forwardRef<CanvasHandle, Props>(function WorkflowCanvas({ definition, descriptors, readOnly, states, onSelect, onChange }, ref) {
  const container = useRef<HTMLDivElement>(null);
  const graph = useRef<Graph | null>(null);
  const history = useRef<History | null>(null);
  const source = useRef(definition);
  const callbacks = useRef({ onSelect, onChange });
  callbacks.current = { onSelect, onChange };

  const load = (next: DefinitionJson) => {
    source.current = next;
    const g = graph.current!;
    history.current?.disable();
    g.fromJSON({
      nodes: next.root.activities.map((a) => nodeOf(a, descriptors.get(a.type), states?.get(a.id))),
      edges: next.root.connections.map(edgeOf),
    } as never);
    history.current?.enable();
    history.current?.clean();
    g.zoomToFit({ padding: 24, maxScale: 1 });
  };

  useEffect(() => {
    const g: Graph = new Graph({
      container: container.current!,
      autoResize: true,
      background: { color: '#fafafa' },
      grid: { size: 10, visible: true },
      panning: { enabled: true, eventTypes: ['leftMouseDown', 'mouseWheel'] },
      mousewheel: { enabled: true, modifiers: ['ctrl', 'meta'], minScale: 0.2, maxScale: 2 },
      interacting: readOnly ? { nodeMovable: false, edgeMovable: false, magnetConnectable: false } : true,
      connecting: {
        allowBlank: false, allowLoop: false, allowMulti: true, allowNode: false, highlight: true, snap: { radius: 24 },
        router: { name: 'manhattan', args: { padding: 12 } }, connector: { name: 'rounded' },
        createEdge: (): ReturnType<Graph['createEdge']> => g.createEdge({ attrs: { line: { stroke: '#8c8c8c', strokeWidth: 1.5, targetMarker: 'classic' } } }),
        validateConnection: ({ sourcePort, targetPort, sourceMagnet, targetMagnet }) =>
          !!sourceMagnet && !!targetMagnet && targetPort === 'In' && sourcePort !== 'In',
      },
    });
    graph.current = g;
    if (!readOnly) {
      history.current = new History({ enabled: true });
      g.use(history.current);
      g.use(new Selection({ enabled: true, rubberband: false, showNodeSelectionBox: true }));
      g.use(new Snapline({ enabled: true }));
      g.use(new Keyboard({ enabled: true }));
      g.bindKey(['backspace', 'delete'], () => {
        const selected = g.getSelectedCells();
        if (selected.length > 0) g.removeCells(selected);
        return false;
      });
      g.bindKey(['ctrl+z', 'meta+z'], () => { history.current?.undo(); return false; });
      g.bindKey(['ctrl+y', 'meta+shift+z'], () => { history.current?.redo(); return false; });
      g.on('history:change', () => callbacks.current.onChange?.());
    }
    g.on('node:click', ({ node }: { node: Node }) => callbacks.current.onSelect?.(node.id));
    g.on('blank:click', () => callbacks.current.onSelect?.(null));
    load(source.current);
    return () => {
      g.dispose();
      graph.current = null;
    };
    // The canvas is built once; later definitions arrive through load().
  }, []);

  // Live states change while the canvas stays: recolour the nodes.
  useEffect(() => {
    const g = graph.current;
    if (!g || !states) return;
    for (const node of g.getNodes()) {
      const color = colors[states.get(node.id) ?? 'idle'];
      node.setAttrs({ body: { fill: color.fill, stroke: color.stroke, strokeWidth: states.get(node.id) === 'current' ? 3 : 1.5 } });
    }
  }, [states]);

  useImperativeHandle(ref, () => ({
    load,
    toDefinition() {
      const g = graph.current!;
      const activities = g.getNodes().map((node) => {
        const activity = node.getData<{ activity: ActivityJson }>().activity;
        const { x, y } = node.getPosition();
        return { ...activity, id: node.id, metadata: { ...activity.metadata, designer: { ...activity.metadata?.designer, position: { x: Math.round(x), y: Math.round(y) } } } };
      });
      const connections = g.getEdges().map((edge) => ({
        source: { activity: edge.getSourceCellId(), port: edge.getSourcePortId() ?? 'Done' },
        target: { activity: edge.getTargetCellId(), port: edge.getTargetPortId() ?? 'In' },
      }));
      return { ...source.current, root: { ...source.current.root, activities, connections } };
    },
    updateActivity(activity) {
      const node = graph.current?.getCellById(activity.id) as Node | null;
      if (!node) return;
      const descriptor = descriptors.get(activity.type);
      node.setData({ activity }, { overwrite: true });
      node.setAttrByPath('label/text', `${activity.name ?? activity.id}\n${descriptor?.displayName ?? activity.type}`);
      // Outcomes can depend on inputs (a fork's branches): keep the ports in step.
      const wanted = outcomesOf(descriptor, activity);
      const current = node.getPortsByGroup('out').map((p) => p.id!);
      for (const id of current.filter((p) => !wanted.includes(p))) node.removePort(id);
      for (const id of wanted.filter((p) => !current.includes(p))) node.addPort({ id, group: 'out', attrs: { text: { text: id } } });
    },
    undo: () => history.current?.undo(),
    redo: () => history.current?.redo(),
    addActivity(descriptor, activity, at) {
      const g = graph.current!;
      const point = at ? g.clientToLocal(at.clientX, at.clientY) : g.getGraphArea().center;
      const positioned = { ...activity, metadata: { designer: { position: { x: Math.round(point.x - nodeWidth / 2), y: Math.round(point.y - 28) } } } };
      g.addNode(nodeOf(positioned, descriptor));
      g.cleanSelection();
      g.select(activity.id);
      callbacks.current.onSelect?.(activity.id);
    },
  }));

  return <div ref={container} style={{ width: '100%', height: '100%' }} data-testid="workflow-canvas" />;
});

export default WorkflowCanvas;
