import { Client } from 'pg';
import { seedDemoActivity } from '../seeds/demo-activity';
import { agencyProgress, AgencyProgressRow } from '../src/reports/agency-progress.query';
import { byName } from '../src/reports/body-timeline';
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
  let admin: string;
  let cache: ReportProgressCache;
  /**
   * The leader's report. A province not kept is answered by the report's query while its timelines are read beside
   * it: the helpers wait for that read, so that what the next request finds kept does not depend on timing.
   */
  const report = async (query: object = {}) => {
    const res = await t
      .http()
      .get('/api/v1/reports/approval-rate')
      .query(query)
      .set({ authorization: `Bearer ${leader}` })
      .expect(200);
    await cache.settled();
    return res.body;
  };
  /** The same report with nothing kept: what the kept one must equal. */
  const uncached = async (query: object = {}) => {
    cache.clear();
    return report(query);
  };

  const national = async () => {
    const res = await t
      .http()
      .get('/api/v1/reports/approval-rate')
      .query({ scope: 'national' })
      .set({ authorization: `Bearer ${admin}` })
      .expect(200);
    await cache.settled();
    return res.body;
  };
  const uncachedNational = async () => {
    cache.clear();
    return national();
  };
  /** A body of another province (not in the demo data), with one system it holds from the beginning. */
  const bodyWithSystem = async (code: string, provinceCode: string, extra: { validTo?: string; successorCode?: string } = {}) => {
    const [{ id: body }] = await t.db.query(
      `INSERT INTO agencies (code, name, kind, province_code, valid_from, valid_to, status, successor_id, search_text)
       VALUES ($1, $2, 'department', $3, '2020-01-01', $4::date, $5, (SELECT id FROM agencies WHERE code = $6), $7) RETURNING id`,
      [
        code,
        `Sở Thông tin và Truyền thông (${code})`,
        provinceCode,
        extra.validTo ?? null,
        extra.validTo ? 'MERGED' : 'ACTIVE',
        extra.successorCode ?? null,
        code.toLowerCase(),
      ],
    );
    const [{ id: system }] = await t.db.query(
      `INSERT INTO systems (code, name, owner_agency_id, operator_agency_id, province_code, system_type, info_types, lifecycle, approved_level, approval_decision_number, approval_decision_date, search_text)
       VALUES ($1, 'Cổng thông tin điện tử', $2, $2, $3, 'INTERNAL', '{PUBLIC}', 'IN_OPERATION', 2, '7/QĐ-UBND', '2026-01-02', 'cong thong tin') RETURNING id`,
      [`${code}-CTT`, body, provinceCode],
    );
    await t.db.query(
      `INSERT INTO system_custody (system_id, owner_agency_id, operator_agency_id, valid_from, valid_to) VALUES ($1, $2, $2, '-infinity', $3::date)`,
      [system, body, extra.validTo ?? null],
    );
    return { body, system };
  };

  /** A claim of a decision made before capdo, waiting for confirmation, made at `claimedAt`. */
  const claim = async (systemId: string, claimedAt: string) =>
    (
      await t.db.query(
        `INSERT INTO prior_approval_claims (system_id, level, decision_number, decision_date, issuer, status, origin, claimed_at)
         VALUES ($1, 2, '5/QĐ-UBND', '2019-05-05', 'Ủy ban nhân dân tỉnh Sơn La', 'CLAIMED', 'DECLARED', $2) RETURNING id`,
        [systemId, claimedAt],
      )
    )[0].id as string;
  /** The pending claims per owner on a day, in SQL: what the report shows as "đã kê khai, chưa xác nhận". */
  const claimsBySql = async (asOf: string, provinceCode: string | null) => {
    const rows: { id: string; n: number }[] = await t.db.query(
      `SELECT s.owner_agency_id AS id, count(*)::int AS n
         FROM prior_approval_claims c JOIN systems s ON s.id = c.system_id JOIN agencies a ON a.id = s.owner_agency_id
        WHERE c.status = 'CLAIMED' AND s.approved_level IS NULL AND (s.retired_at IS NULL OR s.retired_at > $1::date)
          AND c.claimed_at < (($1::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') AND ($2::varchar IS NULL OR a.province_code = $2)
        GROUP BY 1`,
      [asOf, provinceCode],
    );
    return Object.fromEntries(rows.map((row) => [row.id, row.n]));
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoActivity(t.app);
    [leader, officer, admin] = await Promise.all(['lanhdao', 'canbo.sl-so-xd', 'admin'].map((u) => t.login(u)));
    cache = t.app.get(ReportProgressCache);
  }, 120_000);
  afterAll(() => t.close());

  it('serves a repeated report without computing it again, with the same figures', async () => {
    const first = await uncached();
    const { hits, computed } = cache.stats;
    expect(await report()).toEqual(first);
    expect(cache.stats).toEqual({ hits: hits + 1, computed });
    // Another day is answered from the province's kept timelines: nothing is read again, and the figures are those
    // read afresh.
    const otherDay = await report({ asOf: '2025-10-01' });
    expect(cache.stats.computed).toBe(computed);
    expect(otherDay).toEqual(await uncached({ asOf: '2025-10-01' }));
  });

  it("answers every day, scope and subtree from the kept timelines with the rows of the report's query", async () => {
    const em = t.db.manager;
    // Pending claims made on different days, one of a system retired later (the demo's claims are all confirmed).
    const pending: { id: string }[] = await t.db.query(
      `SELECT s.id FROM systems s JOIN agencies a ON a.id = s.owner_agency_id
        WHERE a.province_code = 'SL' AND s.approved_level IS NULL AND s.retired_at IS NULL ORDER BY s.code LIMIT 3`,
    );
    expect(pending).toHaveLength(3);
    for (const [i, { id }] of pending.entries()) await claim(id, `2025-0${i + 3}-1${i} 23:30:00+07`);
    await t.db.query(`UPDATE systems SET retired_at = '2025-09-01', lifecycle = 'RETIRED' WHERE id = $1`, [pending[2].id]);
    await national();
    const { computed } = cache.stats;
    const [{ id: root }] = await t.db.query(
      `SELECT v.parent_id AS id FROM agency_versions v JOIN agencies a ON a.id = v.parent_id
        WHERE a.province_code = 'SL' AND v.parent_id IS NOT NULL GROUP BY v.parent_id ORDER BY count(*) DESC LIMIT 1`,
    );
    // Every day on which a body, a version or a timeline row begins or ends, the day before and after, and a day a month.
    const edges: { day: string }[] = await t.db.query(
      `SELECT DISTINCT to_char(d + k, 'YYYY-MM-DD') AS day
         FROM (SELECT valid_from AS d FROM agencies UNION SELECT valid_to FROM agencies UNION SELECT valid_from FROM agency_versions
               UNION SELECT valid_to FROM agency_versions UNION SELECT from_day FROM report_body_timeline
               UNION SELECT generate_series('2024-01-01'::date, '2027-01-01'::date, interval '1 month')::date) e,
              (VALUES (-1), (0), (1)) k(k)
        WHERE isfinite(d) AND d BETWEEN '2015-01-01' AND '2030-12-31'`,
    );
    const days = edges.map((e) => e.day);
    expect(days.length).toBeGreaterThan(50);
    const sorted = (rows: AgencyProgressRow[]) => [...rows].sort(byName);
    for (const asOf of days) {
      for (const scope of [{ provinceCode: null }, { provinceCode: 'SL' }, { provinceCode: 'SL', rootAgencyId: root as string }]) {
        const kept = await cache.forReport({ ...scope, asOf });
        expect({ asOf, scope, rows: kept.rows }).toEqual({ asOf, scope, rows: sorted(await agencyProgress(em, { ...scope, asOf })) });
        expect({ asOf, scope, claimed: Object.fromEntries(kept.claimed) }).toEqual({
          asOf,
          scope,
          claimed: await claimsBySql(asOf, scope.provinceCode),
        });
      }
    }
    expect(cache.stats.computed).toBe(computed);
  });

  it('keeps the report through writes it does not read', async () => {
    const before = await report();
    const { computed } = cache.stats;
    await t.db.query(
      `UPDATE systems SET description = coalesce(description, '') || ' (cập nhật)' WHERE code = (SELECT min(code) FROM systems)`,
    );
    await t.db.query(`UPDATE dossiers SET updated_at = now() WHERE id = (SELECT min(id::text)::uuid FROM dossiers)`);
    expect(await report()).toEqual(before);
    expect(cache.stats.computed).toBe(computed);
  });

  it.each([
    [
      'a system retired',
      `UPDATE systems SET retired_at = current_date - 1, lifecycle = 'RETIRED' WHERE id = (SELECT system_id FROM dossiers WHERE approved_at IS NOT NULL ORDER BY approved_at LIMIT 1)`,
    ],
    [
      'an approval undone',
      `UPDATE dossiers SET approved_at = NULL WHERE id = (SELECT id FROM dossiers WHERE approved_at IS NOT NULL ORDER BY approved_at DESC LIMIT 1)`,
    ],
    [
      'a first submission moved later',
      `UPDATE dossiers SET first_submitted_at = now() WHERE id = (SELECT id FROM dossiers WHERE first_submitted_at IS NOT NULL AND approved_at IS NULL ORDER BY first_submitted_at LIMIT 1)`,
    ],
    [
      'a custody period moved',
      `UPDATE system_custody SET valid_from = current_date + 1 WHERE id = (SELECT id FROM system_custody WHERE valid_to IS NULL ORDER BY valid_from DESC LIMIT 1)`,
    ],
    [
      "the province's People's Committee renamed (the report's title)",
      `UPDATE agencies SET name = name || ' (tên mới)' WHERE province_code = 'SL' AND kind = 'province_committee'`,
    ],
    [
      'a recorded decision',
      `UPDATE systems SET approved_level = 3, approval_decision_number = '12/QĐ-UBND', approval_decision_date = current_date - 2 WHERE id = (SELECT id FROM systems WHERE approved_level IS NULL AND retired_at IS NULL AND id IN (SELECT system_id FROM system_custody WHERE valid_to IS NULL AND valid_from <= current_date) ORDER BY code LIMIT 1)`,
    ],
  ])('computes it again after %s', async (_name, change) => {
    const before = await report();
    const { computed } = cache.stats;
    await t.db.query(change);
    const after = await report();
    expect(cache.stats.computed).toBe(computed + 1);
    // That request was answered by the report's query; the next from the timelines read again beside it.
    const { hits } = cache.stats;
    expect(await report()).toEqual(after);
    expect(cache.stats).toEqual({ hits: hits + 1, computed: computed + 1 });
    expect(after).toEqual(await uncached());
    expect(after).not.toEqual(before);
  });

  it('keeps the pending claims with the timelines: a claim made, moved in time, confirmed, handed over with its system and removed are each read again', async () => {
    const asOf = '2026-02-01';
    const [system]: { id: string; owner: string; ownerCode: string }[] = await t.db.query(
      `SELECT s.id, s.owner_agency_id AS owner, a.code AS "ownerCode" FROM systems s JOIN agencies a ON a.id = s.owner_agency_id
        WHERE a.province_code = 'SL' AND s.approved_level IS NULL AND s.retired_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM prior_approval_claims c WHERE c.system_id = s.id AND c.status = 'CLAIMED')
        ORDER BY s.code LIMIT 1`,
    );
    const [other]: { id: string; code: string }[] = await t.db.query(
      `SELECT a.id, a.code FROM agencies a WHERE a.province_code = 'SL' AND a.id <> $1 AND a.valid_to IS NULL
          AND NOT EXISTS (SELECT 1 FROM systems x WHERE x.owner_agency_id = a.id AND x.code = (SELECT code FROM systems WHERE id = $2))
        ORDER BY a.code LIMIT 1`,
      [system.owner, system.id],
    );
    const claimed = (body: { agencyRows: { code: string; claimedSystems: number }[] }, code: string) =>
      body.agencyRows.find((row) => row.code === code)?.claimedSystems;
    const base = await report({ asOf });
    /** The report right after a change (the report's query), then from the timelines read again: both as read afresh. */
    const after = async (change: string, params: unknown[]) => {
      const { computed } = cache.stats;
      await t.db.query(change, params);
      const answered = await report({ asOf });
      expect(cache.stats.computed).toBe(computed + 1);
      expect(await report({ asOf })).toEqual(answered);
      expect(answered).toEqual(await uncached({ asOf }));
      return answered;
    };
    const id = await claim(system.id, '2026-01-20 10:00:00+07');
    const made = await report({ asOf });
    // An update of nothing the report reads leaves the kept claims alone.
    const { computed } = cache.stats;
    await t.db.query(`UPDATE prior_approval_claims SET issuer = issuer || ' ' WHERE id = $1`, [id]);
    expect(await report({ asOf })).toEqual(made);
    expect(cache.stats.computed).toBe(computed);
    expect(claimed(made, system.ownerCode)).toBe(claimed(base, system.ownerCode)! + 1);
    expect(made.systems.claimedNotConfirmed).toBe(base.systems.claimedNotConfirmed + 1);
    let now = await after(`UPDATE prior_approval_claims SET claimed_at = '2026-02-02 00:30:00+07' WHERE id = $1`, [id]);
    expect(claimed(now, system.ownerCode)).toBe(claimed(base, system.ownerCode));
    now = await after(`UPDATE prior_approval_claims SET claimed_at = '2026-02-01 23:30:00+07' WHERE id = $1`, [id]);
    expect(claimed(now, system.ownerCode)).toBe(claimed(base, system.ownerCode)! + 1);
    now = await after(`UPDATE prior_approval_claims SET status = 'CONFIRMED' WHERE id = $1`, [id]);
    expect(claimed(now, system.ownerCode)).toBe(claimed(base, system.ownerCode));
    now = await after(`UPDATE prior_approval_claims SET status = 'CLAIMED' WHERE id = $1`, [id]);
    expect(claimed(now, system.ownerCode)).toBe(claimed(base, system.ownerCode)! + 1);
    now = await after(`UPDATE systems SET owner_agency_id = $2 WHERE id = $1`, [system.id, other.id]);
    expect(claimed(now, system.ownerCode)).toBe(claimed(base, system.ownerCode));
    expect(claimed(now, other.code)).toBe(claimed(base, other.code)! + 1);
    now = await after(`DELETE FROM prior_approval_claims WHERE id = $1`, [id]);
    expect(now).toEqual(base);
    await t.db.query(`UPDATE systems SET owner_agency_id = $2 WHERE id = $1`, [system.id, system.owner]);
  });

  it('computes it again after a submission through the API', async () => {
    await report();
    const { computed } = cache.stats;
    const [{ id: ownerAgencyId }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-SO-XD'`);
    const officerHeaders = { authorization: `Bearer ${officer}` };
    const system = await t
      .http()
      .post('/api/v1/systems')
      .set(officerHeaders)
      .send({
        code: 'KIEM-TRA-BAO-CAO',
        name: 'Hệ thống kiểm tra báo cáo',
        ownerAgencyId,
        systemType: 'INTERNAL',
        infoTypes: ['PRIVATE'],
        lifecycle: 'IN_OPERATION',
      })
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
      await other.query(
        `UPDATE dossiers SET approved_at = NULL WHERE id = (SELECT id FROM dossiers WHERE approved_at IS NOT NULL ORDER BY approved_at DESC LIMIT 1)`,
      );
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
    const progress = async () =>
      (
        await t
          .http()
          .get(`/api/v1/campaigns/${id}/progress`)
          .set({ authorization: `Bearer ${leader}` })
          .expect(200)
      ).body;
    const before = await progress();
    await t.db.query(
      `UPDATE dossiers SET first_submitted_at = NULL, approved_at = NULL WHERE system_id IN (SELECT id FROM systems WHERE owner_agency_id = (SELECT id FROM agencies WHERE code = 'SL-SO-XD'))`,
    );
    const after = await progress();
    expect(after).not.toEqual(before);
    cache.clear();
    expect(await progress()).toEqual(after);
  });

  it("keeps a province's report through a change in another province; the national report computes that province only", async () => {
    const { system } = await bodyWithSystem('HB-SO-TTTT', 'HB');
    const province = await report();
    const before = await uncachedNational();
    expect(before.agencyRows.map((r: { code: string }) => r.code)).toContain('HB-SO-TTTT');
    const { computed } = cache.stats;
    await t.db.query(`UPDATE systems SET lifecycle = 'PLANNED' WHERE id = $1`, [system]);
    expect(await report()).toEqual(province);
    expect(cache.stats.computed).toBe(computed);
    const after = await national();
    expect(cache.stats.computed).toBe(computed + 1);
    expect(after.systems.operating).toBe(before.systems.operating - 1);
    expect(after).toEqual(await uncachedNational());
  });

  it("recomputes a province's report after a change to a system once held by a body of another province merged into one of its own", async () => {
    // YY-SO-CU merged into SL-SO-XD on 2025-07-01 after handing its system to YY-SO-MOI (of its own province).
    const { system, body: old } = await bodyWithSystem('YY-SO-CU', 'YY', { validTo: '2025-06-30', successorCode: 'SL-SO-XD' });
    const [{ id: next }] = await t.db.query(
      `INSERT INTO agencies (code, name, kind, province_code, valid_from, search_text) VALUES ('YY-SO-MOI', 'Sở mới', 'department', 'YY', '2020-01-01', 'so moi') RETURNING id`,
    );
    await t.db.query(
      `INSERT INTO system_custody (system_id, owner_agency_id, operator_agency_id, valid_from) VALUES ($1, $2, $2, '2025-07-01')`,
      [system, next],
    );
    // A dossier of that system, first submitted in 2024 while YY-SO-CU held it: it counts for SL-SO-XD.
    // (An UPDATE … RETURNING gives the rows and the count.)
    const [[{ id: dossier }]] = await t.db.query(
      `UPDATE dossiers SET system_id = $1, first_submitted_at = '2024-03-01T09:00:00+07', approved_at = NULL
        WHERE id = (SELECT id FROM dossiers WHERE first_submitted_at IS NOT NULL ORDER BY first_submitted_at LIMIT 1) RETURNING id`,
      [system],
    );
    expect(old).toBeDefined();
    const before = await uncached();
    const firstApproved = () => before.agencyRows.find((r: { code: string }) => r.code === 'SL-SO-XD').firstApprovedAt;
    expect(before.agencyRows.find((r: { code: string }) => r.code === 'SL-SO-XD').firstSubmittedAt).toBe('2024-03-01');
    const { computed } = cache.stats;
    await t.db.query(`UPDATE dossiers SET approved_at = '2024-03-20T09:00:00+07' WHERE id = $1`, [dossier]);
    const after = await report();
    expect(cache.stats.computed).toBe(computed + 1);
    expect(after.agencyRows.find((r: { code: string }) => r.code === 'SL-SO-XD').firstApprovedAt).toBe('2024-03-20');
    expect(firstApproved()).not.toBe('2024-03-20');
    expect(after).toEqual(await uncached());
  });
});
