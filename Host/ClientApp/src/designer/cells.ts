import { Graph, type EdgeMetadata, type NodeMetadata } from '@antv/x6';
import { labelFontSize, labelOf } from './label';
import { outcomesOf, positionOf, type ActivityDescriptor, type ActivityJson, type ConnectionJson } from './model';

// How activities and connections look on the X6 canvas. What every activity shares (shape, port
// groups, text style) is registered once as a shape, so a node carries only what is its own.

/** How a running instance stands at an activity (the live view colours nodes by it). */
export type ActivityState = 'finished' | 'current' | 'faulted';

export const nodeWidth = 200;
const activityShape = 'chamber-activity';
const connectionShape = 'chamber-connection';

const colors: Record<ActivityState | 'idle', { fill: string; stroke: string }> = {
  idle: { fill: '#ffffff', stroke: '#8c8c8c' },
  finished: { fill: '#f6ffed', stroke: '#52c41a' },
  current: { fill: '#e6f4ff', stroke: '#1677ff' },
  faulted: { fill: '#fff1f0', stroke: '#f5222d' },
};

Graph.registerNode(activityShape, {
  inherit: 'rect',
  attrs: {
    body: { rx: 8, ry: 8 },
    label: { fontSize: labelFontSize, fill: '#262626' },
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
  },
}, true);

Graph.registerEdge(connectionShape, {
  inherit: 'edge',
  attrs: { line: { stroke: '#8c8c8c', strokeWidth: 1.5, targetMarker: 'classic' } },
  router: { name: 'manhattan', args: { padding: 12 } },
  connector: { name: 'rounded' },
}, true);

/** The body's colours for a state. */
export function bodyAttrs(state?: ActivityState) {
  const color = colors[state ?? 'idle'];
  return { fill: color.fill, stroke: color.stroke, strokeWidth: state === 'current' ? 3 : 1.5 };
}

/** An outcome port, labelled with the outcome's name. */
export const outcomePort = (outcome: string) => ({ id: outcome, group: 'out', attrs: { text: { text: outcome } } });

/** An activity's node, coloured by how a running instance stands at it. */
export function nodeOf(activity: ActivityJson, descriptor: ActivityDescriptor | undefined, state?: ActivityState): NodeMetadata {
  const outcomes = outcomesOf(descriptor, activity);
  const position = positionOf(activity);
  const hasIn = descriptor?.typeName !== 'Elsa.Start' && descriptor?.kind !== 'Trigger';
  return {
    id: activity.id,
    shape: activityShape,
    x: position.x,
    y: position.y,
    width: nodeWidth,
    height: Math.max(56, 22 * outcomes.length + 12),
    data: { activity },
    attrs: { body: bodyAttrs(state), label: { text: labelOf(activity, descriptor) } },
    ports: [
      ...(hasIn ? [{ id: 'In', group: 'in' }] : []),
      ...outcomes.map(outcomePort),
    ],
  };
}

/**
 * Connections between activities stacked on one another are drawn straight. A definition written
 * without positions puts every activity at the origin: there is no way around such a stack, and
 * the Manhattan router searched for one at every connection, which took about as long as drawing
 * all the rest of 300 activities. Laid out (or moved apart and saved), they are routed.
 */
export function edgeOf(connection: ConnectionJson, stacked: Set<string>): EdgeMetadata {
  const straight = stacked.has(connection.source.activity) && stacked.has(connection.target.activity);
  return {
    shape: connectionShape,
    source: { cell: connection.source.activity, port: connection.source.port ?? 'Done' },
    target: { cell: connection.target.activity, port: connection.target.port ?? 'In' },
    ...(straight ? { router: { name: 'normal' } } : {}),
  };
}

/** A connection drawn by the user, styled as the loaded ones. */
export const newEdge = (): EdgeMetadata => ({ shape: connectionShape });
