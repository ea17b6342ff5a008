import type { ActivityDescriptor, ActivityJson } from './model';

export const labelFontSize = 12;
/** The font X6 gives a node's label, at the size the canvas sets. */
const labelFont = `${labelFontSize}px Arial, helvetica, sans-serif`;
/** A node is 200 wide; its label keeps clear of the ports on either side. */
const labelWidth = 176;

let labelCanvas: CanvasRenderingContext2D | null | undefined;

/** How wide a text is in the label's font (0 where there is no canvas to measure on, as in tests). */
function labelTextWidth(text: string): number {
  if (labelCanvas === undefined) {
    labelCanvas = document.createElement('canvas').getContext('2d');
    if (labelCanvas) labelCanvas.font = labelFont;
  }
  return labelCanvas?.measureText(text).width ?? 0;
}

/**
 * The line cut to a width, with an ellipsis. X6's textWrap does this too, but makes a new canvas
 * for every measurement: a fifth of the time it took to draw 300 activities.
 */
export function fitLine(line: string, width: number, widthOf: (text: string) => number = labelTextWidth): string {
  if (widthOf(line) <= width) return line;
  // The longest prefix that fits with the ellipsis: a binary search over its length.
  let fits = 0;
  let fitsNot = line.length;
  while (fitsNot - fits > 1) {
    const middle = (fits + fitsNot) >> 1;
    if (widthOf(`${line.slice(0, middle)}…`) <= width) fits = middle;
    else fitsNot = middle;
  }
  return `${line.slice(0, fits)}…`;
}

/** The node's text: the activity's name over its type's display name, each on one line. */
export function labelOf(activity: ActivityJson, descriptor: ActivityDescriptor | undefined): string {
  return `${fitLine(activity.name ?? activity.id, labelWidth)}\n${fitLine(descriptor?.displayName ?? activity.type, labelWidth)}`;
}
