import { Config, Graph, type EdgeMetadata, type NodeMetadata } from '@antv/x6';
import { iconOf } from './icons';
import { cardLines, fitLine, fontFamily, fonts, textWidth } from './label';
import { outcomesOf, positionOf, type ActivityDescriptor, type ActivityJson, type ConnectionJson } from './model';
import { outcomeLabel } from './translations';

// How activities and connections look on the X6 canvas. Each activity is a card read at 100 %:
// its type's icon, its name, its type, the outcomes it connects from, and on a running instance
// whom it waits for. What every card shares (shape, port groups, text style) is registered once as
// a shape, so a node carries only what is its own.

/** How a running instance stands at an activity (the live view colours nodes by it). */
export type ActivityState = 'finished' | 'current' | 'faulted';

export const nodeWidth = 200;
const padding = 10;
const iconSize = 16;
/** Where the texts start: right of the icon. */
const textX = padding + iconSize + 8;
const activityShape = 'chamber-activity';
const connectionShape = 'chamber-connection';

const colors: Record<ActivityState | 'idle', { fill: string; stroke: string }> = {
  idle: { fill: '#ffffff', stroke: '#bfbfbf' },
  finished: { fill: '#f6ffed', stroke: '#52c41a' },
  current: { fill: '#e6f4ff', stroke: '#1677ff' },
  faulted: { fill: '#fff1f0', stroke: '#f5222d' },
};

const text = (size: number, weight: number, fill: string) =>
  ({ fontFamily, fontSize: size, fontWeight: weight, fill, textVerticalAnchor: 'middle', textAnchor: 'start' });

// Attributes go to the elements the markup names (body, title, …) and to nothing else. With CSS
// selectors allowed, X6 also queries each node's elements for every other key of its attributes
// (its base shape styles all "text"), and takes the ports off and draws them again on every
// update of a node, a live instance's recolouring among them.
Config.useCSSSelector = false;

// The outcome ports' names are one text of the node, a line per port, rather than X6's port
// labels: those are a view of their own per port (an element, a transform and attributes merged
// and applied for each), which made up a good part of drawing a large flowchart.
Graph.registerNode(activityShape, {
  inherit: 'rect',
  markup: [
    { tagName: 'rect', selector: 'body' },
    { tagName: 'path', selector: 'icon' },
    { tagName: 'text', selector: 'title' },
    { tagName: 'text', selector: 'kind' },
    { tagName: 'text', selector: 'waiting' },
    { tagName: 'text', selector: 'outcomes' },
  ],
  attrs: {
    body: { rx: 8, ry: 8, ...bodyAttrs() },
    // An outlined icon is drawn on 64 64 896 896: moved to the origin, scaled to 16 px, placed.
    icon: { transform: `translate(${padding} ${padding + 3}) scale(${iconSize / 896}) translate(-64 -64)` },
    title: { ...text(fonts.title.size, fonts.title.weight, '#262626'), x: textX, y: padding + 11 },
    kind: { ...text(fonts.detail.size, fonts.detail.weight, '#8c8c8c'), x: textX, y: padding + 31 },
    waiting: { ...text(fonts.detail.size, 600, '#0958d9'), x: padding, y: padding + 51 },
    // Right-aligned left of the ports, the block centred as X6 spreads the ports down the side.
    outcomes: { ...text(fonts.detail.size, fonts.detail.weight, '#595959'), x: nodeWidth - 8, textAnchor: 'end', refY: 0.5 },
  },
  ports: {
    groups: {
      in: { position: 'left', attrs: { circle: { r: 5, magnet: 'passive', stroke: '#8c8c8c', fill: '#fff' } } },
      out: { position: 'right', attrs: { circle: { r: 5, magnet: true, stroke: '#1677ff', fill: '#fff' } } },
    },
  },
}, true);

Graph.registerEdge(connectionShape, {
  inherit: 'edge',
  attrs: { line: { stroke: '#8c8c8c', strokeWidth: 1.5, targetMarker: 'classic' } },
  router: { name: 'manhattan', args: { padding: 12, maxLoopCount: 400 } },
  connector: { name: 'rounded' },
}, true);

/** The body's colours for a state. */
export function bodyAttrs(state?: ActivityState) {
  const color = colors[state ?? 'idle'];
  return { fill: color.fill, stroke: color.stroke, strokeWidth: state === 'current' ? 3 : 1.5 };
}

/** An outcome port (its name is drawn by the node: see outcomeLabels). */
export const outcomePort = (outcome: string) => ({ id: outcome, group: 'out' });

/** Whether a card names its outcomes: not when its one way on is the plain "Done". */
const namesOutcomes = (outcomes: string[]) => outcomes.length > 1 || (outcomes.length === 1 && outcomes[0] !== 'Done');

/**
 * The outcomes' names, one line per port: X6 spreads n ports of a side over its height, each in
 * the middle of its nth, so the lines are height / n apart and the block is centred on the node.
 */
export const outcomeLabels = (outcomes: string[], height: number) =>
  ({ text: namesOutcomes(outcomes) ? outcomes.map(outcomeLabel).join('\n') : '', lineHeight: height / Math.max(1, outcomes.length) });

/** A card's height: its three lines, and room for its outcome ports. */
export const heightFor = (outcomes: string[]) => Math.max(72, 24 * outcomes.length + 12);

/** How wide the texts left of the outcomes' names may be. */
function textWidthBeside(outcomes: string[]) {
  const names = namesOutcomes(outcomes) ? Math.max(...outcomes.map((o) => textWidth(outcomeLabel(o)))) + 12 : 0;
  return nodeWidth - textX - padding - names;
}

/** The texts of a card that depend on the activity (and the reader's language). */
export function cardAttrs(activity: ActivityJson, descriptor: ActivityDescriptor | undefined, outcomes: string[], height: number) {
  const { title, kind } = cardLines(activity, descriptor, textWidthBeside(outcomes));
  const icon = iconOf(activity.type, descriptor?.category);
  return { icon: { d: icon.d, fill: icon.color }, title: { text: title }, kind: { text: kind }, outcomes: outcomeLabels(outcomes, height) };
}

/** The line naming whom a running activity waits for (empty when it waits for nobody). */
export const waitingAttrs = (waiting: string | undefined, outcomes: string[]) =>
  ({ text: waiting ? fitLine(waiting, nodeWidth - 2 * padding - (namesOutcomes(outcomes) ? 40 : 0)) : '' });

/** An activity's node, coloured by how a running instance stands at it, naming whom it waits for. */
export function nodeOf(activity: ActivityJson, descriptor: ActivityDescriptor | undefined, state?: ActivityState, waiting?: string): NodeMetadata {
  const outcomes = outcomesOf(descriptor, activity);
  const position = positionOf(activity);
  const hasIn = descriptor?.typeName !== 'Elsa.Start' && descriptor?.kind !== 'Trigger';
  const height = heightFor(outcomes);
  return {
    id: activity.id,
    shape: activityShape,
    x: position.x,
    y: position.y,
    width: nodeWidth,
    height,
    data: { activity },
    // An idle node's colours are the shape's: a node carries only what is its own (X6 merges it in).
    attrs: { ...(state ? { body: bodyAttrs(state) } : {}), ...cardAttrs(activity, descriptor, outcomes, height), ...(waiting ? { waiting: waitingAttrs(waiting, outcomes) } : {}) },
    ports: [
      ...(hasIn ? [{ id: 'In', group: 'in' }] : []),
      ...outcomes.map(outcomePort),
    ],
  };
}

/**
 * How a connection is drawn. Around the other activities by default (X6's Manhattan router, which
 * searches a way on a grid), with two cheaper cases:
 * - between activities stacked on one another, straight: there is no way around a stack (some
 *   activities without a position in a definition where others have one are drawn at the origin),
 *   and the search for one at every connection took about as long as drawing the rest;
 * - from one column to the next (the target's left side less than a node's width right of the
 *   source's right side), with plain right angles (X6's orth router): the gap between the columns
 *   holds no activity to go around. Most connections of a laid-out flowchart are of this kind;
 *   searching a way for each of 300 took about a fifth of opening such a definition.
 */
export function edgeOf(connection: ConnectionJson, stacked: Set<string>, positions: Map<string, { x: number; y: number }>): EdgeMetadata {
  const source = connection.source.activity;
  const target = connection.target.activity;
  const gap = (positions.get(target)?.x ?? 0) - (positions.get(source)?.x ?? 0) - nodeWidth;
  const router = stacked.has(source) && stacked.has(target) ? 'normal' : gap > 0 && gap < nodeWidth ? 'orth' : null;
  return {
    shape: connectionShape,
    source: { cell: source, port: connection.source.port ?? 'Done' },
    target: { cell: target, port: connection.target.port ?? 'In' },
    ...(router ? { router: { name: router } } : {}),
  };
}

/** A connection drawn by the user, styled as the loaded ones. */
export const newEdge = (): EdgeMetadata => ({ shape: connectionShape });
