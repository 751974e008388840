import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Where the embedded PostgreSQL really lives when, as root, the `postgres` user cannot enter the project's directory
 * (a clone in a `mktemp -d` directory): its data directory moves to `<tmp>/capdo-data-<hash>/pg` and the binaries are
 * copied to `<tmp>/capdo-pg-<platform>-<arch>-<version>`. Both outlive the clone's `DATA_DIR`, so:
 * - a pair of markers with one random id ties the moved directory to its DATA_DIR: `DATA_DIR/pg-location.json` and
 *   `<moved>/capdo-data-dir.json`. When DATA_DIR lost its marker (it was deleted: "delete ./.data to start again"),
 *   the moved database is a leftover, stopped and removed before initdb (`decideMovedData`);
 * - a copy of the binaries that no running PostgreSQL uses is removed: older versions at each start, every copy at
 *   `npm run reset`.
 */
export const LOCATION_FILE = 'pg-location.json';
export const MOVED_ID_FILE = 'capdo-data-dir.json';
const BINARY_COPY_PREFIX = `capdo-pg-${os.platform()}-${os.arch()}-`;

export type MovedDataDecision = 'fresh' | 'keep' | 'adopt' | 'discard';

export interface MovedDataFacts {
  /** The moved directory holds a cluster (PG_VERSION). */
  movedExists: boolean;
  /** The id recorded in the moved directory; none when a capdo older than the markers moved it. */
  movedId?: string;
  /** The id recorded in DATA_DIR; none when DATA_DIR was deleted (or predates the markers). */
  markerId?: string;
  /** Every file in DATA_DIR was made by this process: it did not exist before this start. */
  dataDirIsNew: boolean;
}

/**
 * The rule: no moved cluster → a fresh one (markers written); the same id on both sides → keep it; the moved
 * cluster names an id DATA_DIR does not have → DATA_DIR was deleted or made again: discard the leftover. A moved
 * cluster without an id (moved by an older capdo) is adopted when DATA_DIR was already there before this start,
 * discarded when DATA_DIR is new (it was deleted, so the data behind it was meant to go).
 */
export function decideMovedData(facts: MovedDataFacts): MovedDataDecision {
  if (!facts.movedExists) return 'fresh';
  if (facts.movedId) return facts.movedId === facts.markerId ? 'keep' : 'discard';
  return facts.dataDirIsNew ? 'discard' : 'adopt';
}

/** The directory a data directory moves to (its parent holds the id marker). */
export function movedDataDir(dataDir: string): string {
  const hash = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `capdo-data-${hash}`, path.basename(dataDir));
}

/** `DATA_DIR/pg-location.json` for the data directory `DATA_DIR/pg`. */
export function locationFileOf(dataDir: string): string {
  return path.join(path.dirname(path.resolve(dataDir)), LOCATION_FILE);
}

export function movedDataFacts(dataDir: string, moved: string): MovedDataFacts {
  const dataRoot = path.dirname(path.resolve(dataDir));
  return {
    movedExists: fs.existsSync(path.join(moved, 'PG_VERSION')),
    movedId: readId(path.join(path.dirname(moved), MOVED_ID_FILE)),
    markerId: readId(locationFileOf(dataDir)),
    dataDirIsNew: madeByThisProcess(dataRoot),
  };
}

/** Ties the moved directory to DATA_DIR with a new id on both sides. */
export function writeMarkers(dataDir: string, moved: string): void {
  const id = randomUUID();
  const root = path.dirname(moved);
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, MOVED_ID_FILE), `${JSON.stringify({ id, dataDir: path.resolve(dataDir) }, null, 2)}\n`);
  fs.writeFileSync(locationFileOf(dataDir), `${JSON.stringify({ id, moved: root }, null, 2)}\n`);
}

function readId(file: string): string | undefined {
  try {
    const id = (JSON.parse(fs.readFileSync(file, 'utf8')) as { id?: unknown }).id;
    return typeof id === 'string' && id ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Whether every entry of `dir` (a missing one included) was made after this process started. */
function madeByThisProcess(dir: string): boolean {
  const startedAt = Date.now() - process.uptime() * 1000;
  const entries = fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  return entries.every((name) => {
    const stat = fs.statSync(path.join(dir, name));
    return (stat.birthtimeMs || stat.ctimeMs) >= startedAt;
  });
}

/** The world-readable copy of the binaries for one version. */
export function binaryCopyDir(version: string): string {
  return path.join(os.tmpdir(), `${BINARY_COPY_PREFIX}${version}`);
}

/**
 * Removes the copies of the binaries (and half-made copies) that no running process executes, except `keep`.
 * Returns the removed directories.
 */
export function removeUnusedBinaryCopies(keep?: string): string[] {
  const inUse = executablesInUse();
  const removed: string[] = [];
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(BINARY_COPY_PREFIX)) continue;
    const dir = path.join(os.tmpdir(), name);
    if (keep && (dir === keep || dir.startsWith(`${keep}.`))) continue;
    if (inUse.some((exe) => exe.startsWith(`${dir}/`))) continue;
    fs.rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}

/** The executables of the running processes (/proc/<pid>/exe), as far as this user may read them. */
function executablesInUse(): string[] {
  const executables: string[] = [];
  for (const pid of fs.existsSync('/proc') ? fs.readdirSync('/proc') : []) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      executables.push(fs.readlinkSync(`/proc/${pid}/exe`));
    } catch {
      // gone meanwhile, or another user's
    }
  }
  return executables;
}

/** Whether a user can traverse every ancestor of a path (the "x" bit for others, group or owner). */
export function reachableBy(target: string, who: { uid: number; gid: number }): boolean {
  let current = path.resolve(target);
  for (;;) {
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(current);
    } catch {
      continue;
    }
    const bit = stat.uid === who.uid ? 0o100 : stat.gid === who.gid ? 0o010 : 0o001;
    if ((stat.mode & bit) === 0) return false;
  }
}

/** Copies the binaries once to `target` (world-readable), whole or not at all. */
export function copyBinaries(source: string, target: string): void {
  if (fs.existsSync(path.join(target, '.complete'))) return;
  const staging = `${target}.${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.cpSync(source, staging, { recursive: true, verbatimSymlinks: true });
  execFileSync('chmod', ['-R', 'a+rX', staging]);
  fs.writeFileSync(path.join(staging, '.complete'), '');
  fs.rmSync(target, { recursive: true, force: true });
  fs.renameSync(staging, target);
}
