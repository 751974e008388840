import type { PendingClaim } from '../systems/prior-approvals/prior-approval-claims.query';
import type { AgencyProgressRow } from './agency-progress.query';

/**
 * A body as the report reads it on any day: what never changes (code, kind, province), when it existed, its names and
 * parents by period (agency_versions), and its timeline (`report_body_timeline`: the figures from each day they change,
 * migration ReportBodyTimeline1764210000000). Days are day numbers (`dayNumber`), compared as numbers.
 */
export interface TimelineBody {
  id: string;
  code: string;
  kind: string;
  provinceCode: string;
  validFrom: number;
  /** Infinity: still exists. */
  validTo: number;
  versions: TimelineVersion[];
  /** The days its figures change, ascending; `figures[i]` holds from `days[i]` until the next one. */
  days: number[];
  figures: TimelineFigures[];
}

export interface TimelineVersion {
  name: string;
  parentId: string | null;
  validFrom: number;
  /** Infinity: in force. */
  validTo: number;
}

export interface TimelineFigures {
  firstSubmittedOn: string | null;
  firstApprovedOn: string | null;
  systems: number;
  operating: number;
  approved: number;
  /** Approved systems by level 1–5 (index 0 is level 1). */
  levels: [number, number, number, number, number];
}

const NONE: TimelineFigures = {
  firstSubmittedOn: null,
  firstApprovedOn: null,
  systems: 0,
  operating: 0,
  approved: 0,
  levels: [0, 0, 0, 0, 0],
};

/**
 * A day as a number (days since 1970-01-01), from 'YYYY-MM-DD', '-infinity' or 'infinity' (PostgreSQL's text for a date);
 * null (no end) is Infinity.
 */
export function dayNumber(day: string | null): number {
  if (day === null || day === 'infinity') return Infinity;
  if (day === '-infinity') return -Infinity;
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
}

const within = (day: number, from: number, to: number) => from <= day && to >= day;

/** The index of the figures in force on `day`: the last timeline row from that day or before (a binary search), else -1. */
export function figuresIndex(body: TimelineBody, day: number): number {
  let low = 0;
  let high = body.days.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (body.days[middle] <= day) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * The ids of `rootId` and every body under it on `day`, through the parents of the versions in force that day (the
 * report's subtree, as SCOPE_BODY_LIST reads it, among `bodies`).
 */
export function subtreeOn(bodies: readonly TimelineBody[], rootId: string, asOf: string): Set<string> {
  const day = dayNumber(asOf);
  const children = new Map<string, string[]>();
  for (const body of bodies)
    for (const version of body.versions)
      if (version.parentId !== null && within(day, version.validFrom, version.validTo)) {
        const list = children.get(version.parentId);
        if (list) list.push(body.id);
        else children.set(version.parentId, [body.id]);
      }
  const ids = new Set([rootId]);
  const queue = [rootId];
  while (queue.length)
    for (const child of children.get(queue.pop()!) ?? []) {
      if (ids.has(child)) continue;
      ids.add(child);
      queue.push(child);
    }
  return ids;
}

/**
 * A body under one of its names: what the report's order is made of (a body renamed is placed by each of its names).
 * Its rows are made once per timeline row and shared by every report that shows them (they are never changed).
 */
export interface Placement {
  body: TimelineBody;
  version: TimelineVersion;
  /** The row for each timeline row (index + 1; 0: before the first), made when first asked for. */
  rows: (AgencyProgressRow | undefined)[];
}

const collator = new Intl.Collator('vi');

/** The report's order: names in Vietnamese collation, then codes (so that bodies of the same name keep one order). */
export function byName(a: { name: string; code: string }, b: { name: string; code: string }): number {
  return collator.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

const placementOrder = (a: Placement, b: Placement) =>
  byName({ name: a.version.name, code: a.body.code }, { name: b.version.name, code: b.body.code });

/** Every body under each of its names, in the report's order. */
export function placements(bodies: readonly TimelineBody[]): Placement[] {
  return bodies.flatMap((body) => body.versions.map((version) => ({ body, version, rows: [] }))).sort(placementOrder);
}

/** Placements of several groups, each already in order, in the report's order (one sort over the runs). */
export function mergePlacements(groups: readonly (readonly Placement[])[]): Placement[] {
  return groups.flat().sort(placementOrder);
}

/**
 * The report's rows on `day`, in the order of `order` (what `agencyProgress` answers): every body that existed that
 * day, once per version in force that day, with the figures of its timeline in force that day; only the ids of
 * `subtree` when given.
 */
export function progressOn(order: readonly Placement[], asOf: string, subtree: ReadonlySet<string> | null = null): AgencyProgressRow[] {
  const day = dayNumber(asOf);
  const rows: AgencyProgressRow[] = [];
  for (const placement of order) {
    const { body, version } = placement;
    if (!within(day, body.validFrom, body.validTo) || !within(day, version.validFrom, version.validTo)) continue;
    if (subtree && !subtree.has(body.id)) continue;
    const index = figuresIndex(body, day);
    rows.push((placement.rows[index + 1] ??= rowOf(body, version, index < 0 ? NONE : body.figures[index])));
  }
  return rows;
}

function rowOf(body: TimelineBody, version: TimelineVersion, f: TimelineFigures): AgencyProgressRow {
  return {
    id: body.id,
    code: body.code,
    name: version.name,
    kind: body.kind,
    provinceCode: body.provinceCode,
    firstSubmittedOn: f.firstSubmittedOn,
    firstApprovedOn: f.firstApprovedOn,
    systems: f.systems,
    operatingSystems: f.operating,
    approvedSystems: f.approved,
    approvedByLevel: { '1': f.levels[0], '2': f.levels[1], '3': f.levels[2], '4': f.levels[3], '5': f.levels[4] },
  };
}

/**
 * Per owner, the pending claims that count on `asOf` (what `pendingClaimsByOwner` answers for that day): made by the end
 * of that day, and their system not retired by then.
 */
export function claimsOn(groups: readonly (readonly PendingClaim[])[], asOf: string): Map<string, number> {
  const day = dayNumber(asOf);
  const counts = new Map<string, number>();
  for (const claims of groups)
    for (const claim of claims)
      if (claim.claimedOn <= day && day < claim.retiredOn) counts.set(claim.ownerId, (counts.get(claim.ownerId) ?? 0) + 1);
  return counts;
}
