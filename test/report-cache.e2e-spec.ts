import { Client } from 'pg';
import { seedDemoActivity } from '../seeds/demo-activity';
import { ReportProgressCache } from '../src/reports/report-progress-cache';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The approval-rate report is kept after it is computed (ReportProgressCache) and must never be served stale:
 * every change of a fact it reads, committed by any connection, makes the next request compute it again, and the
 * figures then equal those computed with nothing kept.
 */
describe('approval-rate report kept between requests', () => {
  let t: TestApp;
  let leader: string;
  let officer: string;
  let cache: ReportProgressCache;
  const report = async (query: object = {}) =>
    (await t.http().get('/api/v1/reports/approval-rate').query(query).set({ authorization: `Bearer ${leader}` }).expect(200)).body;
  /** The same report with nothing kept: what the kept one must equal. */
  const uncached = async (query: object = {}) => {
    cache.clear();
    return report(query);
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoActivity(t.app);
    [leader, officer] = await Promise.all(['lanhdao', 'canbo.sl-so-xd'].map((u) => t.login(u)));
    cache = t.app.get(ReportProgressCache);
  }, 120_000);
  afterAll(() => t.close());

  it('serves a repeated report without computing it again, with the same figures', async () => {
    const first = await uncached();
    const { hits, computed } = cache.stats;
    expect(await report()).toEqual(first);
    expect(cache.stats).toEqual({ hits: hits + 1, computed });
    // Another day or scope is another report.
    await report({ asOf: '2026-01-06' });
    expect(cache.stats.computed).toBe(computed + 1);
  });

  it('keeps the report through writes it does not read', async () => {
    const before = await report();
    const { computed } = cache.stats;
    await t.db.query(`UPDATE systems SET description = coalesce(description, '') || ' (cập nhật)' WHERE code = (SELECT min(code) FROM systems)`);
    await t.db.query(`UPDATE dossiers SET updated_at = now() WHERE id = (SELECT min(id::text)::uuid FROM dossiers)`);
    expect(await report()).toEqual(before);
    expect(cache.stats.computed).toBe(computed);
  });

  it.each([
    ['a system retired', `UPDATE systems SET retired_at = current_date - 1, lifecycle = 'RETIRED' WHERE id = (SELECT system_id FROM dossiers WHERE approved_at IS NOT NULL ORDER BY approved_at LIMIT 1)`],
    ['an approval undone', `UPDATE dossiers SET approved_at = NULL WHERE id = (SELECT id FROM dossiers WHERE approved_at IS NOT NULL ORDER BY approved_at DESC LIMIT 1)`],
    ['a first submission moved later', `UPDATE dossiers SET first_submitted_at = now() WHERE id = (SELECT id FROM dossiers WHERE first_submitted_at IS NOT NULL AND approved_at IS NULL ORDER BY first_submitted_at LIMIT 1)`],
    ['a custody period moved', `UPDATE system_custody SET valid_from = current_date + 1 WHERE id = (SELECT id FROM system_custody WHERE valid_to IS NULL ORDER BY valid_from DESC LIMIT 1)`],
    ['a recorded decision', `UPDATE systems SET approved_level = 3, approval_decision_number = '12/QĐ-UBND', approval_decision_date = current_date - 2 WHERE id = (SELECT id FROM systems WHERE approved_level IS NULL AND retired_at IS NULL AND id IN (SELECT system_id FROM system_custody WHERE valid_to IS NULL AND valid_from <= current_date) ORDER BY code LIMIT 1)`],
  ])('computes it again after %s', async (_name, change) => {
    const before = await report();
    const { computed } = cache.stats;
    await t.db.query(change);
    const after = await report();
    expect(cache.stats.computed).toBe(computed + 1);
    expect(after).toEqual(await uncached());
    expect(after).not.toEqual(before);
  });

  it('computes it again after a submission through the API', async () => {
    await report();
    const { computed } = cache.stats;
    const [{ id: ownerAgencyId }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-SO-XD'`);
    const officerHeaders = { authorization: `Bearer ${officer}` };
    const system = await t.http().post('/api/v1/systems').set(officerHeaders)
      .send({ code: 'KIEM-TRA-BAO-CAO', name: 'Hệ thống kiểm tra báo cáo', ownerAgencyId, systemType: 'INTERNAL', infoTypes: ['PRIVATE'], lifecycle: 'IN_OPERATION' })
      .expect(201);
    const after = await report();
    expect(cache.stats.computed).toBe(computed + 1);
    expect(after.systems.total).toBe((await uncached()).systems.total);
    expect(after.agencyRows.find((r: { code: string }) => r.code === 'SL-SO-XD').systems).toBeGreaterThan(0);
    expect(system.body.id).toBeDefined();
  });

  it('is not fooled by a change that was still uncommitted when the report was computed', async () => {
    const other = new Client({ connectionString: t.databaseUrl });
    await other.connect();
    try {
      await uncached();
      await other.query('BEGIN');
      await other.query(`UPDATE dossiers SET approved_at = NULL WHERE id = (SELECT id FROM dossiers WHERE approved_at IS NOT NULL ORDER BY approved_at DESC LIMIT 1)`);
      // Computed while the change is in flight: it cannot see it, and must not be kept past its commit.
      const during = await uncached();
      await other.query('COMMIT');
      const after = await report();
      expect(after).toEqual(await uncached());
      expect(after).not.toEqual(during);
    } finally {
      await other.end();
    }
  });

  it('keeps the campaign progress exact too', async () => {
    const [{ id }] = await t.db.query(`SELECT id FROM campaigns ORDER BY issued_on LIMIT 1`);
    const progress = async () => (await t.http().get(`/api/v1/campaigns/${id}/progress`).set({ authorization: `Bearer ${leader}` }).expect(200)).body;
    const before = await progress();
    await t.db.query(`UPDATE dossiers SET first_submitted_at = NULL, approved_at = NULL WHERE system_id IN (SELECT id FROM systems WHERE owner_agency_id = (SELECT id FROM agencies WHERE code = 'SL-SO-XD'))`);
    const after = await progress();
    expect(after).not.toEqual(before);
    cache.clear();
    expect(await progress()).toEqual(after);
  });
});
