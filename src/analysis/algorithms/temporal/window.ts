/** The network as of a day or a window: only the links valid then. */
import { LinkTime } from './time';

export interface TimeWindow {
  /** One day: the same as from = to = asOf. */
  asOf?: number;
  /** First and last day of the window (either may be open). */
  from?: number;
  to?: number;
  /** Keep undated links (default false: a window keeps only links known to be valid in it). */
  includeUndated?: boolean;
}

/**
 * Whether a link is valid in the window: a point-dated link whose day is inside it, an interval that
 * overlaps it (an open end reaches forever), an undated link only with includeUndated.
 */
export function linkValidIn(time: LinkTime | undefined, w: TimeWindow): boolean {
  const from = w.asOf ?? w.from ?? -Infinity;
  const to = w.asOf ?? w.to ?? Infinity;
  if (w.asOf !== undefined && (w.from !== undefined || w.to !== undefined)) throw new Error('asOf excludes from/to');
  if (from > to) throw new Error('the window ends before it starts');
  if (!time || time.kind === 'undated') return w.includeUndated === true;
  if (time.kind === 'point') return from <= time.date && time.date <= to;
  return (time.since ?? -Infinity) <= to && (time.until ?? Infinity) >= from;
}

/** The links valid in the window, in their given order. */
export function networkAsOf<E extends { time?: LinkTime }>(edges: readonly E[], w: TimeWindow): E[] {
  return edges.filter((e) => linkValidIn(e.time, w));
}
