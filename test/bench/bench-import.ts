import { Client } from 'pg';
import { inventoryWorkbook } from '../support/inventory-workbook';

export interface ImportMeasurement {
  available: boolean;
  note: string;
  rows: number;
  fileBytes: number;
  seconds: number | null;
  status: number | null;
  created: number | null;
}

/**
 * The XLSX of `rows` new systems for the bodies of one province: the import template filled in as a user does
 * (test/support/inventory-workbook.ts: the template's own columns and example row, typed; test/bench-import-workbook.e2e-spec.ts
 * uploads it), one row in three declaring a level-2 decision made before
 * capdo (it becomes a claim to confirm, src/systems/prior-approvals).
 *
 * It was once written here from modules loaded with an untyped `require`, which read the example row from a module
 * that does not export it: every row lacked "Loại hệ thống", "Loại thông tin" and "Trạng thái", and the import
 * answered 422 with 30,000 errors in 10,000 rows.
 */
export async function benchImportWorkbook(url: string, province: string, rows: number, run: string): Promise<Buffer> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const agencies: { code: string; name: string }[] = await client
    .query(`SELECT code, name FROM agencies WHERE province_code = $1 AND status = 'ACTIVE' ORDER BY code`, [province])
    .then((r) => r.rows)
    .finally(() => client.end());
  return inventoryWorkbook(agencies, rows, run, { priorDecisionEvery: 3 });
}

/** One upload of `rows` new systems to POST /api/v1/systems/import as an administrator, timed end to end. */
export async function measureImport(
  baseUrl: string,
  databaseUrl: string,
  token: string,
  province: string,
  rows: number,
): Promise<ImportMeasurement> {
  const file = await benchImportWorkbook(databaseUrl, province, rows, String(Date.now() % 100000));
  const form = new FormData();
  form.append('file', new Blob([file], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'he-thong.xlsx');
  const started = process.hrtime.bigint();
  const res = await fetch(`${baseUrl}/api/v1/systems/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = await res.text();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (res.status === 404)
    return {
      available: false,
      note: 'POST /api/v1/systems/import answered 404',
      rows,
      fileBytes: file.length,
      seconds: null,
      status: 404,
      created: null,
    };
  let created: number | null = null;
  try {
    created = (JSON.parse(body) as { created?: number }).created ?? null;
  } catch {
    // not JSON
  }
  const note = res.status === 200 ? 'all created in one transaction, as an administrator' : `answered ${res.status}: ${body.slice(0, 300)}`;
  return { available: true, note, rows, fileBytes: file.length, seconds, status: res.status, created };
}

export interface ImportMemoryMeasurement {
  rows: number;
  rowsFileBytes: number;
  rowsStatus: number;
  rowsSeconds: number;
  hostileFileBytes: number;
  hostileStatus: number;
  hostileSeconds: number;
  /** The server's resident set size before both, and its peak during each upload (sampled every 50 ms), in bytes. */
  rssBefore: number;
  rowsPeakRss: number;
  hostilePeakRss: number;
}

/**
 * Peak RSS of the server (process `pid`) during an import of `rows` new systems (the template filled in, see
 * test/support/inventory-workbook.ts) and during an upload of the hostile workbook of issue 16 (a few hundred kB that unpack to
 * 199 MB of `<c><v>1</v></c>`, test/support/hostile-xlsx.ts), the hostile one first, as an administrator.
 */
export async function measureImportMemory(
  baseUrl: string,
  pid: number,
  token: string,
  agencies: readonly { code: string; name: string }[],
  rows: number,
): Promise<ImportMemoryMeasurement> {
  const { sampleRss, readRss } = await import('./bench-server');
  const { hostileXlsx, ISSUE_16_BOMB } = await import('../support/hostile-xlsx');
  const { inventoryWorkbook } = await import('../support/inventory-workbook');
  const send = async (file: Buffer) => {
    const form = new FormData();
    form.append('file', new Blob([file], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'he-thong.xlsx');
    const rss = sampleRss(pid, 50);
    const started = process.hrtime.bigint();
    const res = await fetch(`${baseUrl}/api/v1/systems/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    await res.text();
    return { status: res.status, seconds: Number(process.hrtime.bigint() - started) / 1e9, peak: rss.stop() };
  };
  // The hostile file first: a process's RSS seldom goes down again, so after the import it would show the import's peak.
  const bomb = await hostileXlsx(ISSUE_16_BOMB);
  const workbook = await inventoryWorkbook(agencies, rows, `M${Date.now() % 100000}`);
  const rssBefore = readRss(pid);
  const hostile = await send(bomb);
  const imported = await send(workbook);
  return {
    rows,
    rowsFileBytes: workbook.length,
    rowsStatus: imported.status,
    rowsSeconds: imported.seconds,
    hostileFileBytes: bomb.length,
    hostileStatus: hostile.status,
    hostileSeconds: hostile.seconds,
    rssBefore,
    rowsPeakRss: imported.peak,
    hostilePeakRss: hostile.peak,
  };
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** The measurement as the benchmark prints it. */
export function describeImportMemory(m: ImportMemoryMeasurement): string {
  return (
    `RSS máy chủ trước: ${mib(m.rssBefore)}; tệp độc hại issue 16 (${(m.hostileFileBytes / 1024).toFixed(0)} KiB → 199 MB XML): ${m.hostileStatus} sau ${m.hostileSeconds.toFixed(2)} s, RSS đỉnh ${mib(m.hostilePeakRss)}; ` +
    `rồi nhập ${m.rows.toLocaleString('vi-VN')} dòng (${(m.rowsFileBytes / 1024).toFixed(0)} KiB): ${m.rowsStatus} sau ${m.rowsSeconds.toFixed(1)} s, RSS đỉnh ${mib(m.rowsPeakRss)}`
  );
}
