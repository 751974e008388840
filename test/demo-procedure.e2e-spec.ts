import { DEMO_LEVEL4, DISPATCH_CUTOFF, seedDemoActivity } from '../seeds/demo-activity';
import { DEMO_ROUTING } from '../seeds/demo-seed';
import { contradictions } from '../src/routing/competence';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The Sơn La demo follows the procedure by level (ND331 Art. 18, 20): Công an tỉnh appraises and approves levels 1–2,
 * appraises level 3 for the owner to approve on a Tờ trình, gives the Mẫu 03 opinion of levels 4–5; its own dossier
 * is appraised by an independent council (Art. 18.4). Every decision carries its signed file.
 */
describe('the Sơn La demo follows the procedure by level', () => {
  let t: TestApp;
  const rows = (sql: string, params: unknown[] = []) => t.db.query(sql, params) as Promise<Record<string, unknown>[]>;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoActivity(t.app);
  }, 120_000);
  afterAll(() => t.close());

  it('routes by the law’s table: every seeded rule fits it (ND331 Art. 18, 20.3)', async () => {
    const rules = await rows(
      `SELECT min_level AS "minLevel", max_level AS "maxLevel", regime, appraiser_agency_id AS "appraiserAgencyId",
              appraiser_external_name AS "appraiserExternalName", approver_kind AS "approverKind", approver_agency_id AS "approverAgencyId",
              approver_designation AS "approverDesignation", specialised_unit_agency_id AS "specialisedUnitAgencyId"
         FROM routing_rules`,
    );
    expect(rules).toHaveLength(DEMO_ROUTING.length * 3);
    for (const rule of rules) expect(contradictions(rule as never)).toEqual({});
    expect(rules.filter((r) => r.minLevel === 3).map((r) => r.approverKind)).toEqual(['OWNER', 'OWNER', 'OWNER']);
  });

  it('proposes no level below the criteria, and justifies any higher one (docs/legal/proposal-floor.md)', async () => {
    expect((await rows(`SELECT count(*)::int AS n FROM dossiers`))[0].n).toBeGreaterThan(0);
    expect(await rows(`SELECT id FROM dossiers WHERE computed_level IS NOT NULL AND proposed_level < computed_level`)).toEqual([]);
    expect(
      await rows(
        `SELECT id FROM dossiers WHERE (level_undetermined OR proposed_level > computed_level) AND char_length(btrim(level_justification)) < 20`,
      ),
    ).toEqual([]);
  });

  it('gives every body a head account', async () => {
    const heads = await rows(
      `SELECT u.username, u.full_name, a.code, a.name FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.role = 'AGENCY_HEAD'`,
    );
    expect(heads).toHaveLength(95);
    for (const h of heads)
      expect(h).toMatchObject({ username: `thutruong.${String(h.code).toLowerCase()}`, full_name: `Lãnh đạo ${h.name}` });
  });

  it('has level 3 approved by the owner’s head on a Tờ trình, levels 1–2 by Công an tỉnh, each decision with its file', async () => {
    const approved = await rows(
      `SELECT d.proposed_level AS level, d.decision, d.approval_request AS request, a.code,
              (SELECT e.actor_username FROM dossier_events e WHERE e.dossier_id = d.id AND e.action = 'approve') AS approver,
              (SELECT count(*)::int FROM dossier_attachments f WHERE f.dossier_id = d.id AND f.kind = 'DECISION') AS files
         FROM dossiers d JOIN agencies a ON a.id = d.owner_agency_id WHERE d.status IN ('APPROVED', 'SUPERSEDED')`,
    );
    const levelThree = approved.filter((d) => d.level === 3);
    expect(levelThree.length).toBeGreaterThanOrEqual(3);
    for (const d of levelThree) {
      expect(d.approver).toBe(`thutruong.${String(d.code).toLowerCase()}`);
      expect((d.decision as { number: string }).number).not.toMatch(/CAT/);
      expect(d.request).toMatchObject({ submittedOn: expect.any(String) });
    }
    expect(levelThree.find((d) => d.code === 'SL-VP-UBND')?.decision).toMatchObject({ signerTitle: 'Chánh Văn phòng UBND tỉnh' });
    expect(levelThree.find((d) => d.code === 'SL-X-QUYNHNHAI')?.decision).toMatchObject({
      number: expect.stringMatching(/^\d+\/QĐ-UBND$/),
      signerTitle: 'Chủ tịch UBND xã Quỳnh Nhai',
    });
    for (const d of approved.filter((a) => (a.level as number) <= 2)) expect(d.approver).toBe('thamdinh');
    expect(approved.every((d) => d.files === 1)).toBe(true);
    // As of the dispatch's cut-off, the level-3 approvals are the owners' too.
    const [{ early }] = await rows(
      `SELECT count(*)::int AS early FROM dossiers WHERE proposed_level = 3 AND approved_at < ($1::date + 1) AND decision->>'number' LIKE '%CAT%'`,
      [DISPATCH_CUTOFF],
    );
    expect(early).toBe(0);
  });

  it('has Công an tỉnh’s own dossier appraised by an independent council, not by the police (ND331 Art. 18.4)', async () => {
    const [own] = await rows(
      `SELECT d.status, d.independent_appraiser AS council, d.appraiser_agency_id AS appraiser, d.appraiser_name AS name,
              (SELECT e.actor_username FROM dossier_events e WHERE e.dossier_id = d.id AND e.action = 'appraise') AS appraised_by
         FROM dossiers d JOIN agencies a ON a.id = d.owner_agency_id WHERE a.code = 'SL-CA'`,
    );
    expect(own).toMatchObject({ status: 'APPROVED', appraiser: null, appraised_by: 'admin', council: { kind: 'COUNCIL' } });
    expect((own.council as { members: unknown[] }).members.length).toBeGreaterThanOrEqual(3);
    expect(own.name).toBe((own.council as { name: string }).name);
  });

  it('shows the later steps: level-4 dossiers at Công an tỉnh under Decree 331, a level-3 one before its owner', async () => {
    const fours = await rows(
      `SELECT s.code AS system, d.status, d.regime, d.proposed_level AS level, d.opinion_request AS request, d.expert_opinion AS opinion,
              su.code AS unit
         FROM dossiers d JOIN systems s ON s.id = d.system_id LEFT JOIN agencies su ON su.id = d.specialised_unit_agency_id
        WHERE d.proposed_level >= 4 ORDER BY s.code`,
    );
    expect(fours.map((d) => d.system)).toEqual(DEMO_LEVEL4.map((p) => p.system).sort());
    expect(fours.find((d) => d.system === 'TTDL')).toMatchObject({ status: 'OPINION_GIVEN', opinion: { conclusion: 'SUITABLE' } });
    expect(fours.find((d) => d.system === 'LGSP')).toMatchObject({ status: 'AWAITING_OPINION', opinion: null });
    for (const d of fours) {
      expect(d).toMatchObject({ regime: 'ND331', level: 4, unit: 'SL-CA' });
      expect((d.request as { requestedOn: string }).requestedOn >= '2026-08-19').toBe(true);
    }
    // The one the README names.
    const waiting = await rows(
      `SELECT a.code FROM dossiers d JOIN agencies a ON a.id = d.owner_agency_id WHERE d.status = 'AWAITING_APPROVAL' AND d.proposed_level = 3`,
    );
    expect(waiting).toEqual([{ code: 'SL-X-BOSINH' }]);

    // What each desk shows: the commune's Chủ tịch, Sở Khoa học và Công nghệ's head, the police.
    const desk = async (username: string, path: string) => {
      const token = await t.login(username);
      const res = await t
        .http()
        .get(path)
        .set({ authorization: `Bearer ${token}` })
        .expect(200);
      return res.body.items.map((i: { status: string }) => i.status).sort();
    };
    expect(await desk('thutruong.sl-x-bosinh', '/api/v1/decision-queue')).toEqual(['AWAITING_APPROVAL']);
    expect(await desk('thutruong.sl-so-khcn', '/api/v1/decision-queue')).toEqual(['OPINION_GIVEN']);
    expect(await desk('thamdinh', '/api/v1/appraisal-queue?status=AWAITING_OPINION')).toEqual(['AWAITING_OPINION']);
  });
});
