import { Graph, History, Keyboard, Selection, Snapline, type Node } from '@antv/x6';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { bodyAttrs, cardAttrs, edgeOf, heightFor, newEdge, nodeOf, nodeWidth, outcomePort, waitingAttrs, type ActivityState } from './cells';
import CanvasControls from './CanvasControls';
import Minimap from './Minimap';
import { drawable, outcomesOf, positionOf, stackedActivities, type ActivityDescriptor, type ActivityJson, type DefinitionJson } from './model';

export type CanvasHandle = {
  /** The definition as drawn: the activities (with their positions) and connections of the canvas. */
  toDefinition(): DefinitionJson;
  /** The activity a node stands for, as loaded or last edited (its position is the node's: see toDefinition). */
  activity(id: string): ActivityJson | null;
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
  /** Whom each waiting activity waits for, by activity id: named on its card. */
  waiting?: Map<string, string>;
  onSelect?(activityId: string | null): void;
  onChange?(): void;
};

/**
 * X6 deep-merges every cell view's options, the graph among them, with lodash, which reads an
 * object's toStringTag by overwriting it for a moment. The Graph's tag is a getter alone, so each
 * overwrite throws (and is caught): one exception per node and per connection, a fifth of the
 * time it took to draw 300 activities. An own, writable tag of the same value reads the same and
 * can be overwritten.
 */
function spareTagExceptions(g: Graph) {
  Object.defineProperty(g, Symbol.toStringTag, { value: Graph.toStringTag, writable: true, configurable: true });
}

/** The flowchart on an X6 canvas: edited in the designer, or read-only with live states. */
const WorkflowCanvas = forwardRef<CanvasHandle, Props>(function WorkflowCanvas({ definition, descriptors, readOnly, states, waiting, onSelect, onChange }, ref) {
  const container = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<Graph | null>(null);
  const [zoom, setZoom] = useState(1);
  const [large, setLarge] = useState(false);
  const graph = useRef<Graph | null>(null);
  const history = useRef<History | null>(null);
  const source = useRef(definition);
  const callbacks = useRef({ onSelect, onChange });
  callbacks.current = { onSelect, onChange };

  const load = (stored: DefinitionJson) => {
    const next = drawable(stored);
    source.current = next;
    const g = graph.current!;
    history.current?.disable();
    const stacked = stackedActivities(next.root.activities);
    const positions = new Map(next.root.activities.map((a) => [a.id, positionOf(a)]));
    g.fromJSON({
      nodes: next.root.activities.map((a) => nodeOf(a, descriptors.get(a.type), states?.get(a.id), waiting?.get(a.id))),
      edges: next.root.connections.map((c) => edgeOf(c, stacked, positions)),
    });
    history.current?.enable();
    history.current?.clean();
    openReadable(g);
  };

  /**
   * At 100 %, where cards can be read: the whole flowchart centred when it fits, else the first
   * activity a running instance waits at (or faulted at) in the middle, else the flowchart's start
   * at the top left. Fitting a large flowchart instead made its text a few pixels high.
   */
  const openReadable = (g: Graph) => {
    g.zoomTo(1);
    const content = g.getContentArea();
    const view = g.getGraphArea();
    const fits = content.width <= view.width - 48 && content.height <= view.height - 88;
    setLarge(!fits);
    const focus = [...(states ?? [])].find(([, state]) => state === 'faulted')?.[0]
      ?? [...(states ?? [])].find(([, state]) => state === 'current')?.[0];
    const focusCell = focus ? g.getCellById(focus) : null;
    if (fits) g.centerContent();
    else if (focusCell) g.centerCell(focusCell);
    // The start at the top left, clear of the zoom buttons.
    else g.translate(24 - content.x, 64 - content.y);
  };

  useEffect(() => {
    const g: Graph = new Graph({
      container: container.current!,
      autoResize: true,
      // Drawn at once: X6's default spreads drawing over animation frames and repaints the growing
      // flowchart after each, which made a large one take about twice as long to appear in full.
      async: false,
      // Only the cards in view (and a margin) are drawn: a large flowchart opens at 100 % as fast
      // as a small one, and the rest is drawn as it is panned into view.
      virtual: true,
      background: { color: '#fafafa' },
      grid: { size: 10, visible: true },
      panning: { enabled: true, eventTypes: ['leftMouseDown', 'mouseWheel'] },
      mousewheel: { enabled: true, modifiers: ['ctrl', 'meta'], minScale: 0.2, maxScale: 2 },
      interacting: readOnly ? { nodeMovable: false, edgeMovable: false, magnetConnectable: false } : true,
      connecting: {
        allowBlank: false, allowLoop: false, allowMulti: true, allowNode: false, highlight: true, snap: { radius: 24 },
        createEdge: (): ReturnType<Graph['createEdge']> => g.createEdge(newEdge()),
        validateConnection: ({ sourcePort, targetPort, sourceMagnet, targetMagnet }) =>
          !!sourceMagnet && !!targetMagnet && targetPort === 'In' && sourcePort !== 'In',
      },
    });
    graph.current = g;
    setDrawn(g);
    spareTagExceptions(g);
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
    g.on('scale', ({ sx }: { sx: number }) => setZoom(sx));
    g.on('blank:click', () => callbacks.current.onSelect?.(null));
    load(source.current);
    return () => {
      g.dispose();
      graph.current = null;
      setDrawn(null);
    };
    // The canvas is built once; later definitions arrive through load().
  }, []);

  // Live states change while the canvas stays: recolour the nodes.
  useEffect(() => {
    const g = graph.current;
    if (!g || !states) return;
    for (const node of g.getNodes()) {
      const outcomes = node.getPortsByGroup('out').map((p) => p.id!);
      node.setAttrs({ body: bodyAttrs(states.get(node.id)), waiting: waitingAttrs(waiting?.get(node.id), outcomes) });
    }
  }, [states, waiting]);

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
    activity(id) {
      const node = graph.current?.getCellById(id);
      return node?.isNode() ? node.getData<{ activity: ActivityJson }>().activity : null;
    },
    updateActivity(activity) {
      const node = graph.current?.getCellById(activity.id) as Node | null;
      if (!node) return;
      const descriptor = descriptors.get(activity.type);
      node.setData({ activity }, { overwrite: true });
      // Outcomes can depend on inputs (a fork's branches): keep the ports in step.
      const wanted = outcomesOf(descriptor, activity);
      const current = node.getPortsByGroup('out').map((p) => p.id!);
      for (const id of current.filter((p) => !wanted.includes(p))) node.removePort(id);
      for (const id of wanted.filter((p) => !current.includes(p))) node.addPort(outcomePort(id));
      const ports = node.getPortsByGroup('out').map((p) => p.id!);
      node.resize(nodeWidth, heightFor(ports));
      node.setAttrs(cardAttrs(activity, descriptor, ports, heightFor(ports)));
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

  const zoomBy = (factor: number) => graph.current?.zoomTo(Math.min(2, Math.max(0.2, (graph.current?.zoom() ?? 1) * factor)));
  return (
    <div style={{ position: 'relative', width: '100%', height: '100%' }}>
      <div ref={container} style={{ width: '100%', height: '100%' }} data-testid="workflow-canvas" />
      <CanvasControls zoom={zoom} onZoomIn={() => zoomBy(1.25)} onZoomOut={() => zoomBy(0.8)}
        onActualSize={() => graph.current && openReadable(graph.current)}
        onFit={() => graph.current?.zoomToFit({ padding: 24, maxScale: 1 })} />
      {/* The overview of a flowchart larger than the view. */}
      <Minimap graph={drawn} visible={large} />
    </div>
  );
});

export default WorkflowCanvas;
