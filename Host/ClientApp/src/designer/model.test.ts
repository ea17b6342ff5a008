import { describe, expect, it } from 'vitest';
import { drawable, layout, newActivityId, outcomesOf, stackedActivities, validate, withInput, type ActivityDescriptor, type ActivityJson, type DefinitionJson } from './model';

const descriptor = (typeName: string, ports: string[] = [], required: string[] = []): ActivityDescriptor => ({
  typeName, category: 'x', displayName: typeName, description: '', kind: 'Action', isContainer: false,
  ports: ports.map((p) => ({ name: p, displayName: p, type: 'Flow' })),
  inputs: required.map((name, order) => ({ name, typeName: 'String', displayName: name, uiHint: 'singleline', isRequired: true, order })),
});

const definition = (activities: [string, string][], connections: [string, string, string][]): DefinitionJson => ({
  definitionId: 'd',
  root: {
    type: 'Elsa.Flowchart', id: 'flow',
    activities: activities.map(([id, type]) => ({ id, type })),
    connections: connections.map(([s, port, t]) => ({ source: { activity: s, port }, target: { activity: t, port: 'In' } })),
  },
});

describe('the designer model', () => {
  it('lays a loop out without pushing it ever further right', () => {
    // start → review → rectify → report → review (the re-review loop), review → commend
    const laid = layout(definition(
      [['start', 'Elsa.Start'], ['review', 'R'], ['rectify', 'X'], ['report', 'S'], ['commend', 'C']],
      [['start', 'Done', 'review'], ['review', 'Failed', 'rectify'], ['rectify', 'Ordered', 'report'], ['report', 'Accepted', 'review'], ['review', 'Passed', 'commend']]));
    const x = Object.fromEntries(laid.root.activities.map((a) => [a.id, a.metadata!.designer!.position!.x / 260]));
    expect(x).toEqual({ start: 0, review: 1, rectify: 2, report: 3, commend: 2 });
  });

  const chain = (n: number) => {
    const ids = Array.from({ length: n }, (_, i) => [`a${i}`, 'T'] as [string, string]);
    return definition(ids, ids.slice(1).map(([id], i) => [`a${i}`, 'Done', id]));
  };

  it('wraps a long chain into bands, one below the other', () => {
    const laid = layout(chain(300), 260, 110, 8);
    const at = (i: number) => laid.root.activities[i].metadata!.designer!.position!;
    expect([at(0), at(7), at(8), at(17), at(299)]).toEqual([
      { x: 0, y: 0 }, { x: 7 * 260, y: 0 }, // the first band
      { x: 0, y: 2 * 110 }, // the ninth starts the second band, a free row below the first
      { x: 260, y: 4 * 110 }, // the 18th: third band, second column
      { x: (299 % 8) * 260, y: Math.floor(299 / 8) * 2 * 110 },
    ]);
  });

  it('lays 300 activities out as a block about as wide as it is tall, and a short flow in one row', () => {
    const positions = layout(chain(300)).root.activities.map((a) => a.metadata!.designer!.position!);
    const width = Math.max(...positions.map((p) => p.x)) + 260;
    const height = Math.max(...positions.map((p) => p.y)) + 110;
    expect(width / height).toBeGreaterThan(0.8);
    expect(width / height).toBeLessThan(1.25);
    expect(new Set(layout(chain(16)).root.activities.map((a) => a.metadata!.designer!.position!.y))).toEqual(new Set([0]));
  });

  it('starts a band below the tallest column of the one above it', () => {
    // start → a decision whose three outcomes are stacked in column 1, then a chain on.
    const laid = layout(definition(
      [['start', 'T'], ['d', 'T'], ['x', 'T'], ['y', 'T'], ['z', 'T'], ['next', 'T']],
      [['start', 'Done', 'd'], ['d', 'A', 'x'], ['d', 'B', 'y'], ['d', 'C', 'z'], ['z', 'Done', 'next']]), 260, 110, 3);
    const y = Object.fromEntries(laid.root.activities.map((a) => [a.id, a.metadata!.designer!.position!.y / 110]));
    expect(y).toEqual({ start: 0, d: 0, x: 0, y: 1, z: 2, next: 4 });
  });

  it('lays out a definition without positions for drawing, and draws one with positions as stored', () => {
    const bare = chain(20);
    const drawn = drawable(bare);
    expect(new Set(drawn.root.activities.map((a) => JSON.stringify(a.metadata?.designer?.position))).size).toBe(20);
    const placed = { ...bare, root: { ...bare.root, activities: bare.root.activities.map((a, i) => (i === 0 ? { ...a, metadata: { designer: { position: { x: 5, y: 5 } } } } : a)) } };
    expect(drawable(placed)).toBe(placed);
  });

  it('refuses a required input left empty and a connection to nowhere', () => {
    const descriptors = new Map([['Chamber.SignOff', descriptor('Chamber.SignOff', ['Approved'], ['title'])]]);
    const d = definition([['sign', 'Chamber.SignOff']], [['sign', 'Approved', 'gone']]);
    expect(validate(d, descriptors)).toHaveLength(2);
    const filled = { ...d, root: { ...d.root, connections: [], activities: [withInput(d.root.activities[0], descriptors.get('Chamber.SignOff')!.inputs[0], 'Literal', '方案审批')] } };
    expect(validate(filled, descriptors)).toEqual([]);
  });

  it('offers a fork its branches and a decision its outcomes as ports', () => {
    const fork = descriptor('Elsa.FlowFork');
    expect(outcomesOf(fork, { id: 'f', type: 'Elsa.FlowFork', branches: { expression: { type: 'Object', value: '["A","B"]' } } })).toEqual(['A', 'B']);
    expect(outcomesOf(descriptor('Elsa.FlowDecision', ['True', 'False']))).toEqual(['True', 'False']);
    expect(outcomesOf(descriptor('Elsa.End'))).toEqual([]);
  });

  it('finds the activities drawn on top of one another, those without a position among them', () => {
    const at = (id: string, position?: { x: number; y: number }): ActivityJson => ({ id, type: 'T', ...(position && { metadata: { designer: { position } } }) });
    const stacked = stackedActivities([at('start'), at('a1'), at('a2', { x: 260, y: 0 }), at('a3', { x: 260, y: 0 }), at('a4', { x: 520, y: 0 })]);
    expect([...stacked].sort()).toEqual(['a1', 'a2', 'a3', 'start']);
  });

  it('names new activities after their type, uniquely', () => {
    const d = definition([['sign-off', 'Chamber.SignOff']], []);
    expect(newActivityId(d, 'Chamber.SignOff')).toBe('sign-off-2');
    expect(newActivityId(d, 'Chamber.RubricReview')).toBe('rubric-review');
  });
});
