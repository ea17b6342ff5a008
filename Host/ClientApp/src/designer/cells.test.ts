import { Node, Rectangle } from '@antv/x6';
import { describe, expect, it } from 'vitest';
import { edgeOf, nodeOf } from './cells';
import type { ActivityDescriptor } from './model';

const withOutcomes = (names: string[]): ActivityDescriptor => ({
  typeName: 'Elsa.FlowDecision', category: 'x', displayName: 'Decision', description: '', kind: 'Action', isContainer: false,
  ports: names.map((name) => ({ name, displayName: name, type: 'Flow' })), inputs: [],
});

describe("an activity's node", () => {
  it.each([1, 2, 3, 5])('writes the names of %i outcome ports each at the height X6 puts its port', (count) => {
    const outcomes = Array.from({ length: count }, (_, i) => `Outcome${i}`);
    const node = Node.create(nodeOf({ id: 'a', type: 'Elsa.FlowDecision' }, withOutcomes(outcomes)));
    const { height } = node.getSize();
    const ports = node.getPortsLayoutByGroup('out', new Rectangle(0, 0, node.getSize().width, height)).map((p) => p.portLayout.position.y);
    const labels = node.getAttrs().outcomes as { text: string; lineHeight: number };

    expect(labels.text.split('\n')).toEqual(outcomes);
    // The lines are centred on the node (textVerticalAnchor: middle), lineHeight apart; X6 rounds
    // the ports to whole pixels.
    const lines = outcomes.map((_, i) => height / 2 + (i - (count - 1) / 2) * labels.lineHeight);
    lines.forEach((y, i) => expect(y).toBeCloseTo(ports[i], 0));
  });
});

describe('a connection', () => {
  const at = new Map([['a', { x: 0, y: 0 }], ['next', { x: 260, y: 110 }], ['far', { x: 520, y: 0 }], ['back', { x: -260, y: 0 }], ['s1', { x: 0, y: 0 }], ['s2', { x: 0, y: 0 }]]);
  const router = (source: string, target: string, stacked = new Set<string>()) =>
    (edgeOf({ source: { activity: source, port: 'Done' }, target: { activity: target } }, stacked, at).router as { name: string } | undefined)?.name;

  it('to the next column has plain right angles, and one further away or back goes around the activities', () => {
    expect(router('a', 'next')).toBe('orth');
    expect(router('a', 'far')).toBeUndefined(); // the shape's Manhattan router
    expect(router('a', 'back')).toBeUndefined();
  });

  it('between activities stacked on one another is straight', () => {
    expect(router('s1', 's2', new Set(['s1', 's2']))).toBe('normal');
  });
});
