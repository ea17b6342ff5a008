// A flowchart definition in Elsa 3's JSON, as the designer edits it: activities (nodes) with their
// inputs kept as Elsa writes them, and connections from an outcome port to the next activity's
// "In". Everything the designer does not edit (variables, inputs, custom properties, unknown
// fields) is carried through untouched, so import → edit → export loses nothing.

import i18n from '../i18n';
import { activityTitle } from './translations';

export type Expression = { type: string; value?: unknown };
export type InputValue = { typeName?: string; expression?: Expression; memoryReference?: { id: string } };

export type ActivityJson = {
  id: string;
  type: string;
  name?: string;
  metadata?: { designer?: { position?: { x: number; y: number } } } & Record<string, unknown>;
  [input: string]: unknown;
};

export type ConnectionJson = { source: { activity: string; port?: string }; target: { activity: string; port?: string } };

export type DefinitionJson = {
  definitionId: string;
  name?: string;
  root: { type: string; id: string; activities: ActivityJson[]; connections: ConnectionJson[] } & Record<string, unknown>;
} & Record<string, unknown>;

export type InputDescriptor = {
  name: string; typeName: string; displayName: string; description?: string | null; uiHint: string; options?: string[] | null;
  defaultValue?: string | null; isRequired: boolean; order: number; enumValues?: string[] | null;
};

export type ActivityDescriptor = {
  typeName: string; category: string; displayName: string; description: string; kind: string;
  inputs: InputDescriptor[]; ports: { name: string; displayName: string; type: string }[]; isContainer: boolean;
  /** Fields a new activity of this type starts with: a workflow used as an activity names the definition and version it runs. */
  constructionProperties?: Record<string, string | null> | null;
};

const reserved = new Set(['id', 'type', 'name', 'metadata', 'version', 'customProperties', 'canStartWorkflow', 'runAsynchronously',
  'workflowDefinitionId', 'workflowDefinitionVersionId', 'latestAvailablePublishedVersion', 'latestAvailablePublishedVersionId']);

/** The outcome ports an activity can connect from: its declared outcomes, else "Done". */
export function outcomesOf(descriptor: ActivityDescriptor | undefined, activity?: ActivityJson): string[] {
  const flow = descriptor?.ports.filter((p) => p.type === 'Flow').map((p) => p.name) ?? [];
  if (descriptor?.typeName === 'Elsa.FlowFork') {
    const branches = (activity?.branches as InputValue | undefined)?.expression?.value;
    const names = typeof branches === 'string' ? safeParse(branches) : branches;
    if (Array.isArray(names)) return names.map(String);
  }
  if (descriptor?.typeName === 'Elsa.FlowSwitch') {
    const cases = (activity?.cases as InputValue | undefined)?.expression?.value;
    const list = typeof cases === 'string' ? safeParse(cases) : cases;
    if (Array.isArray(list)) return [...list.map((c) => String((c as { label?: string }).label ?? '')), 'Default'];
  }
  if (descriptor?.typeName === 'Elsa.End' || descriptor?.typeName === 'Elsa.Complete') return [];
  return flow.length > 0 ? flow : ['Done'];
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The literal or script text of an input, for the property panel. */
export function inputText(activity: ActivityJson, name: string): { type: string; value: string } | null {
  const input = activity[name] as InputValue | undefined;
  if (!input || !input.expression) return null;
  const value = input.expression.value;
  return { type: input.expression.type, value: value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value) };
}

/** Sets an input as Elsa writes it; an empty value removes it. */
export function withInput(activity: ActivityJson, descriptor: InputDescriptor, type: string, value: string): ActivityJson {
  const next = { ...activity };
  if (value === '') delete next[descriptor.name];
  else next[descriptor.name] = { typeName: descriptor.typeName, expression: { type, value } } satisfies InputValue;
  return next;
}

/** What stops a definition from being saved, in words for the designer's user. */
export function validate(definition: DefinitionJson, descriptors: Map<string, ActivityDescriptor>): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const activity of definition.root.activities) {
    if (ids.has(activity.id)) problems.push(i18n.t('designer.problems.duplicateId', { id: activity.id }));
    ids.add(activity.id);
    const descriptor = descriptors.get(activity.type);
    if (!descriptor) {
      problems.push(i18n.t('designer.problems.unknownType', { activity: activityTitle(activity), type: activity.type }));
      continue;
    }
    for (const input of descriptor.inputs) {
      if (!input.isRequired) continue;
      const value = activity[input.name] as InputValue | undefined;
      const empty = !value || (!value.memoryReference && (value.expression?.value === undefined || value.expression.value === ''));
      if (empty) problems.push(i18n.t('designer.problems.required', { activity: activityTitle(activity), input: i18n.t(`designer.inputs.${input.name}`, { defaultValue: input.displayName }) }));
    }
  }
  for (const connection of definition.root.connections) {
    if (!ids.has(connection.source.activity) || !ids.has(connection.target.activity))
      problems.push(i18n.t('designer.problems.missingActivity', { from: connection.source.activity, to: connection.target.activity }));
  }
  return problems;
}

/**
 * Lays the flowchart out left to right: each activity one column after the furthest activity
 * leading to it (loops back are ignored), activities of a column stacked. A long flow wraps, as
 * text does: after `bandColumns` columns the next ones start again at the left, in a band below
 * the one before, so a chain of 300 is a block about as wide as it is tall rather than a line
 * 78,000 pixels long. Flows of up to 16 columns, the shipped templates among them, stay in one
 * band. Deterministic, and linear in activities and connections, so 300 activities lay out at once.
 */
export function layout(definition: DefinitionJson, columnWidth = 260, rowHeight = 110, bandColumns?: number): DefinitionJson {
  const activities = definition.root.activities;
  const incoming = new Map<string, string[]>(activities.map((a) => [a.id, []]));
  const outgoing = new Map<string, string[]>(activities.map((a) => [a.id, []]));
  for (const c of definition.root.connections) {
    if (!incoming.has(c.target.activity) || !outgoing.has(c.source.activity)) continue;
    incoming.get(c.target.activity)!.push(c.source.activity);
    outgoing.get(c.source.activity)!.push(c.target.activity);
  }
  // Depth-first order from the roots marks back edges, so loops (re-review) do not push columns forever.
  const column = new Map<string, number>();
  const state = new Map<string, 'open' | 'done'>();
  const back = new Set<string>();
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const next of outgoing.get(id)!) {
      if (state.get(next) === 'open') back.add(`${id}>${next}`);
      else if (!state.has(next)) visit(next);
    }
    state.set(id, 'done');
  };
  const roots = activities.filter((a) => incoming.get(a.id)!.length === 0).map((a) => a.id);
  for (const id of [...roots, ...activities.map((a) => a.id)]) if (!state.has(id)) visit(id);
  // Longest path over forward edges, in topological order (Kahn).
  const indegree = new Map(activities.map((a) => [a.id, incoming.get(a.id)!.filter((s) => !back.has(`${s}>${a.id}`)).length]));
  const queue = activities.filter((a) => indegree.get(a.id) === 0).map((a) => a.id);
  for (const id of queue) column.set(id, 0);
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const next of outgoing.get(id)!) {
      if (back.has(`${id}>${next}`)) continue;
      column.set(next, Math.max(column.get(next) ?? 0, column.get(id)! + 1));
      indegree.set(next, indegree.get(next)! - 1);
      if (indegree.get(next) === 0) queue.push(next);
    }
  }
  const rowOf = new Map<string, number>();
  const rows = new Map<number, number>();
  for (const a of activities) {
    const c = column.get(a.id) ?? 0;
    rowOf.set(a.id, rows.get(c) ?? 0);
    rows.set(c, (rows.get(c) ?? 0) + 1);
  }
  // k columns a band for c columns, each band about r + 1 rows tall: k × width ≈ (c / k) × (r + 1) × height.
  const tallest = Math.max(0, ...rows.values());
  const perBand = bandColumns ?? Math.max(16, Math.ceil(Math.sqrt((rows.size * (tallest + 1) * rowHeight) / columnWidth)));
  // Each band as tall as its tallest column, plus a row between bands for the connections.
  const bandRows: number[] = [];
  for (const [c, count] of rows) {
    const band = Math.floor(c / perBand);
    bandRows[band] = Math.max(bandRows[band] ?? 0, count);
  }
  const bandTop = [0];
  for (let band = 1; band < bandRows.length; band++) bandTop[band] = bandTop[band - 1] + (bandRows[band - 1] ?? 0) + 1;
  const placed = activities.map((a) => {
    const c = column.get(a.id) ?? 0;
    const band = Math.floor(c / perBand);
    const position = { x: (c % perBand) * columnWidth, y: (bandTop[band] + rowOf.get(a.id)!) * rowHeight };
    return { ...a, metadata: { ...a.metadata, designer: { ...a.metadata?.designer, position } } };
  });
  return { ...definition, root: { ...definition.root, activities: placed } };
}

/**
 * The definition as the canvas draws it: as stored, or laid out when none of its activities has a
 * position (written by hand or by another tool), rather than all of them on top of one another.
 */
export function drawable(definition: DefinitionJson): DefinitionJson {
  return definition.root.activities.some((a) => a.metadata?.designer?.position) ? definition : layout(definition);
}

/** Where an activity is drawn: at its position, or at the origin when it has none. */
export function positionOf(activity: ActivityJson): { x: number; y: number } {
  return activity.metadata?.designer?.position ?? { x: 0, y: 0 };
}

/** The activities drawn at the very same place as another one (those without a position among them). */
export function stackedActivities(activities: ActivityJson[]): Set<string> {
  const firstAt = new Map<string, string>();
  const stacked = new Set<string>();
  for (const activity of activities) {
    const { x, y } = positionOf(activity);
    const first = firstAt.get(`${x},${y}`);
    if (first === undefined) firstAt.set(`${x},${y}`, activity.id);
    else stacked.add(first).add(activity.id);
  }
  return stacked;
}

/** A fresh activity id, unique in the definition: "sign-off", "sign-off-2", … */
export function newActivityId(definition: DefinitionJson, typeName: string): string {
  const base = typeName.split('.').pop()!.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  const taken = new Set(definition.root.activities.map((a) => a.id));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

export const isInputProperty = (key: string) => !reserved.has(key);
