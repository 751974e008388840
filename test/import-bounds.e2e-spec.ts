import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import request from 'supertest';
import { RequestLimitInterceptor, RequestLimits } from '../src/common/http/request-limits';
import { SystemsImportExportController } from '../src/systems/import-export/systems-import-export.controller';
import { hostileXlsx, ISSUE_16_BOMB, understated } from './support/hostile-xlsx';
import { AgencyCode, inventoryWorkbook } from './support/inventory-workbook';
import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

/** Issue 16, point 2: an import reads a bounded amount of any file, and one user runs one import at a time. */
describe('bounded imports', () => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  let adminId: string;
  let bomb: Buffer;
  let agencies: AgencyCode[];
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const upload = (token: string, content: Buffer, query = '') =>
    t.http().post(`/api/v1/systems/import${query}`).set(as(token)).attach('file', content, 'he-thong.xlsx');
  const written = async () => ({ systems: await countRows(t.db, 'systems'), audit: await countRows(t.db, 'audit_log') });

  /** Times GET /api/health every 50 ms until `work` settles; the longest answer, in ms. */
  async function healthWhile<T>(work: Promise<T>): Promise<{ result: T; slowestHealthMs: number; checks: number }> {
    let settled = false;
    const times: number[] = [];
    const poll = (async () => {
      while (!settled) {
        const started = Date.now();
        const res = await t.http().get('/api/health');
        times.push(Date.now() - started);
        expect(res.status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const result = await work.finally(() => (settled = true));
    await poll;
    return { result, slowestHealthMs: Math.max(...times), checks: times.length };
  }

  beforeAll(async () => {
    t = await createTestApp();
    [admin, officer] = await Promise.all(['admin', 'canbo.sl-so-xd'].map((u) => t.login(u)));
    [{ id: adminId }] = await t.db.query(`SELECT id FROM users WHERE username = 'admin'`);
    agencies = await t.db.query(`SELECT code, name FROM agencies WHERE province_code = 'SL' AND status = 'ACTIVE' ORDER BY code`);
    bomb = await hostileXlsx(ISSUE_16_BOMB);
  }, 120_000);
  afterAll(() => t.close());

  it('refuses the issue-16 file (199 MB of <c><v>1</v></c>) with 413 problem+json within 2 s and writes nothing, also when its ZIP understates the sizes', async () => {
    const before = await written();
    for (const [file, message] of [
      [bomb, 'nội dung giải nén vượt quá giới hạn'],
      [understated(bomb), 'quá nhiều ô'],
    ] as const) {
      const started = Date.now();
      const res = await upload(admin, file);
      const elapsed = Date.now() - started;
      const body = expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
      expect(body.errors).toEqual({ file: [message] });
      expect(body.detail).toContain('Chia tệp thành nhiều phần');
      expect(elapsed).toBeLessThan(2000);
    }
    expect(await written()).toEqual(before);
  });

  it('keeps /api/health answering within 0.5 s while two users upload it at once', async () => {
    const lying = understated(bomb);
    const { result, slowestHealthMs, checks } = await healthWhile(
      Promise.all([upload(admin, lying), upload(officer, lying), upload(admin, bomb, '?dryRun=true')]),
    );
    const [first, second, third] = result as request.Response[];
    expectProblem(first, 413, 'PAYLOAD_TOO_LARGE');
    expectProblem(second, 413, 'PAYLOAD_TOO_LARGE');
    // The third is the admin's second import at once: refused for that, or for its size if the first was already done.
    expect([413, 429]).toContain(third.status);
    expect(checks).toBeGreaterThan(0);
    expect(slowestHealthMs).toBeLessThan(500);
  });

  it('answers a user’s second import at once with 429 and Retry-After, before reading its file, and lets other users import', async () => {
    const limits = t.app.get(RequestLimits).of('import');
    const running = await limits.acquire(adminId);
    if ('reason' in running) throw new Error('the import slot should be free');
    try {
      const res = await upload(admin, await inventoryWorkbook(agencies, 3, 'busy'));
      const body = expectProblem(res, 429, 'TOO_MANY_REQUESTS');
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(body.detail).toContain('mỗi lúc chỉ nhập một tệp');
      const other = await upload(officer, await inventoryWorkbook([{ code: 'SL-SO-XD', name: 'Sở Xây dựng' }], 2, 'other'), '?dryRun=true');
      expect(other.status).toBe(200);
    } finally {
      running.release();
    }
    expect((await upload(admin, await inventoryWorkbook(agencies, 2, 'after'), '?dryRun=true')).status).toBe(200);
    // The limit is the route's first interceptor: it answers before the upload interceptor reads the file.
    expect((Reflect.getMetadata(INTERCEPTORS_METADATA, SystemsImportExportController.prototype.import) as unknown[])[0]).toBe(
      RequestLimitInterceptor,
    );
  });

  it('imports 20,000 rows of the template, while the same user’s next import meanwhile gets 429', async () => {
    const file = await inventoryWorkbook(agencies, 20_000, 'big');
    const before = await countRows(t.db, 'systems');
    const started = Date.now();
    const big = upload(admin, file).then((res) => res);
    const limits = t.app.get(RequestLimits).of('import');
    while (limits.inUse(adminId) === 0 && Date.now() - started < 30_000) await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await upload(admin, await inventoryWorkbook(agencies, 2, 'second'));
    expectProblem(second, 429, 'TOO_MANY_REQUESTS');
    expect(second.headers['retry-after']).toMatch(/^\d+$/);
    const res = await big;
    expect({ status: res.status, created: res.body.created, errors: res.body.errors?.length }).toEqual({
      status: 200,
      created: 20_000,
      errors: 0,
    });
    expect(await countRows(t.db, 'systems')).toBe(before + 20_000);
    process.stdout.write(
      `[import-bounds] 20,000 rows (${(file.length / 1024).toFixed(0)} KiB) imported in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }, 300_000);

  it('refuses more than 20,000 rows of data with 413 before checking any', async () => {
    const file = await inventoryWorkbook(agencies, 20_002, 'over');
    const before = await written();
    const body = expectProblem(await upload(admin, file, '?dryRun=true'), 413, 'PAYLOAD_TOO_LARGE');
    expect(body.errors).toEqual({ file: ['quá nhiều dòng'] });
    expect(body.detail).toContain('tối đa 20.000 dòng');
    expect(await written()).toEqual(before);
  }, 120_000);

  it('still answers 401 before any limit to a caller without a token', async () => {
    expectProblem(await t.http().post('/api/v1/systems/import').attach('file', bomb, 'x.xlsx'), 401, 'UNAUTHENTICATED');
  });
});
