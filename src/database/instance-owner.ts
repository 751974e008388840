import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Which capdo process owns an embedded data directory: written (temporary file + rename) when a process is about to
 * start PostgreSQL on it, removed when it stops it. A second start reads it to tell a running capdo (refuse, touch
 * nothing) from the leftovers of one that was killed with -9 (stop the postmaster, clear its pid file).
 */
export interface OwnerRecord {
  pid: number;
  /** The process's start time in clock ticks since boot (/proc/<pid>/stat, field 22): a recycled pid has another. */
  processStart?: number;
  /** The owner's command line, for the operator who reads the file. */
  command: string;
  /** PostgreSQL's port. */
  pgPort: number;
  /** The HTTP address the server serves (absent for a command-line tool). */
  address?: string;
  startedAt: string;
}

export type StartDecision =
  { kind: 'fresh' } | { kind: 'recover'; staleOwner: OwnerRecord } | { kind: 'refuse'; owner: OwnerRecord; message: string };

/**
 * The rule: no record → a fresh start (a pid file left by a capdo without records is still cleared); a record whose
 * process is gone (or is another process under a recycled pid) → recover as after `kill -9`; a record whose process
 * is alive and is capdo → refuse, because stopping "its" PostgreSQL would take the database away from that process.
 */
export function decideStart(owner: OwnerRecord | undefined, ownerIsLiveCapdo: boolean, dataDir: string, ownerFile: string): StartDecision {
  if (!owner) return { kind: 'fresh' };
  if (!ownerIsLiveCapdo) return { kind: 'recover', staleOwner: owner };
  return { kind: 'refuse', owner, message: refusal(owner, dataDir, ownerFile) };
}

function refusal(owner: OwnerRecord, dataDir: string, ownerFile: string): string {
  const where = owner.address ? `đang phục vụ tại ${owner.address}` : `lệnh ${owner.command}`;
  return (
    `Thư mục dữ liệu ${dataDir} đang được một capdo khác dùng (pid ${owner.pid}, ${where}, PostgreSQL cổng ${owner.pgPort}, ` +
    `từ ${owner.startedAt}). Không khởi động thêm để khỏi dừng cơ sở dữ liệu của nó: dùng phiên đang chạy, hoặc dừng nó ` +
    `(Ctrl+C hoặc kill ${owner.pid}) rồi chạy lại. Chỉ khi chắc chắn pid ${owner.pid} không phải capdo mới xoá tệp ${ownerFile}.`
  );
}

/** The start time of a process (field 22 of /proc/<pid>/stat), or undefined where /proc is not available. */
export function processStartOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[22 - 3]);
  } catch {
    return undefined;
  }
}

/** Whether the recorded process still runs and is the same process (not another one under a recycled pid). */
export function isLiveOwner(owner: OwnerRecord): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = processStartOf(owner.pid);
  if (now === undefined || owner.processStart === undefined) return true;
  return now === owner.processStart;
}

export function readOwner(file: string): OwnerRecord | undefined {
  try {
    const record = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<OwnerRecord>;
    return typeof record.pid === 'number' && record.pid > 0 ? (record as OwnerRecord) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Records this process as the owner. The complete file appears at once (written aside, then linked into place);
 * the link fails when another process claimed the directory in the meantime, which is then the owner to refuse.
 */
export function claimOwner(
  file: string,
  record: Omit<OwnerRecord, 'pid' | 'processStart' | 'command' | 'startedAt'>,
): OwnerRecord | undefined {
  const mine: OwnerRecord = {
    pid: process.pid,
    processStart: processStartOf(process.pid),
    command: process.argv.slice(1).join(' '),
    startedAt: new Date().toISOString(),
    ...record,
  };
  const partial = `${file}.${process.pid}`;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(partial, `${JSON.stringify(mine, null, 2)}\n`);
  try {
    fs.linkSync(partial, file);
    return mine;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/** Removes the record if it is this process's (never another owner's). */
export function releaseOwner(file: string): void {
  if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
}
