import { randomBytes } from 'node:crypto';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from 'pg';
import request from 'supertest';
import { ATTACHMENT_PDF } from '../seeds/national/national-model';
import { loadNationalDataset, NATIONAL_PASSWORD } from '../seeds/national/load-national';
import { createApp } from '../src/app.factory';
import { grantDatabaseToApp, migrateDatabase } from '../src/database/database-roles';
import { contradictions } from '../src/routing/competence';
import { checkInvariants } from './reliability/support/invariants';
import { TEST_APP_ROLE } from './support/test-cluster';
import { expectProblem } from './support/test-app';
import { apiAfterApprovalFigures, plainAfterApprovalFigures } from './bench/plain-after-approval-sql';
import { DATASET_TODAY } from '../seeds/national/national-dossiers';

/**
 * The national benchmark dataset (seeds/national, `npm run bench`) follows the procedure by level as the law and the
 * product's competence table have it (issue 18; docs/legal/national-dataset-procedure.md): loaded small into an empty
 * database, its routing rules, decisions and histories are checked, and the product takes its dossiers on.
 */
describe('the national benchmark dataset follows the procedure by level (ND331 Art. 18, 20)', () => {
  let admin: Client;
  let app: NestExpressApplication;
  const tokens = new Map<string, string>();
  let databaseUrl: string;
  const q = async <T = Record<string, any>>(sql: string, params: unknown[] = []) => (await admin.query(sql, params)).rows as T[];
  const login = async (username: string) => {
    if (!tokens.has(username)) {
      const res = await request(app.getHttpServer()).post('/api/v1/auth/login').send({ username, password: NATIONAL_PASSWORD });
      expect(res.status).toBe(200);
      tokens.set(username, res.body.accessToken);
    }
    return { authorization: `Bearer ${tokens.get(username)}` };
  };

  beforeAll(async () => {
    const base = new URL(process.env.CAPDO_TEST_CLUSTER_URL!);
    const name = `national_${randomBytes(6).toString('hex')}`;
    const cluster = new Client({ connectionString: base.toString() });
    await cluster.connect();
    try {
      await cluster.query(`CREATE DATABASE ${name}`);
      await grantDatabaseToApp(cluster, name, TEST_APP_ROLE.user);
    } finally {
      await cluster.end();
    }
    base.pathname = `/${name}`;
    databaseUrl = base.toString();
    base.username = encodeURIComponent(TEST_APP_ROLE.user);
    base.password = encodeURIComponent(TEST_APP_ROLE.password);
    await migrateDatabase({ admin: databaseUrl, app: base.toString() });
    // Scale 0.01: 600 systems, 1,200 dossiers over the 4,000 bodies of 34 provinces (a few seconds).
    await loadNationalDataset(databaseUrl, { scale: 0.01, seed: 2026 });
    admin = new Client({ connectionString: databaseUrl });
    await admin.connect();
    process.env.DATABASE_URL = base.toString();
    app = await createApp({ logs: false });
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await admin?.end();
  });

  it('routes by the competence table: police for levels 1–2, the owner approves level 3, the ministry appraises 4–5 with the police opinion (ND331 Art. 18.1–3, 20.1.d)', async () => {
    const rules = await q(
      `SELECT r.*, o.province_code, ca.id AS police_id FROM routing_rules r JOIN agencies o ON o.id = r.owner_agency_id
         JOIN agencies ca ON ca.province_code = o.province_code AND ca.kind = 'police' ORDER BY o.province_code, r.min_level`,
    );
    expect(rules).toHaveLength(34 * 3 * 3);
    for (const r of rules) {
      expect(
        contradictions({
          minLevel: r.min_level,
          maxLevel: r.max_level,
          regime: r.regime,
          appraiserAgencyId: r.appraiser_agency_id,
          appraiserExternalName: r.appraiser_external_name,
          approverKind: r.approver_kind,
          approverAgencyId: r.approver_agency_id,
          approverDesignation: r.approver_designation,
          specialisedUnitAgencyId: r.specialised_unit_agency_id,
        }),
      ).toEqual({});
    }
    const shape = (r: Record<string, any>) => [
      r.min_level,
      r.max_level,
      r.appraiser_agency_id === r.police_id,
      r.approver_kind,
      r.specialised_unit_agency_id === r.police_id,
    ];
    expect(new Set(rules.map((r) => JSON.stringify(shape(r))))).toEqual(
      new Set([
        JSON.stringify([1, 2, true, 'AGENCY', false]),
        JSON.stringify([3, 3, true, 'OWNER', false]),
        JSON.stringify([4, 5, false, 'OWNER', true]),
      ]),
    );
  });

  it('never proposes below the criteria; a higher proposal is justified (ND331 Arts. 11–15, 8.2, 22.4; docs/legal/proposal-floor.md)', async () => {
    expect(await q(`SELECT id FROM dossiers WHERE computed_level IS NOT NULL AND proposed_level < computed_level`)).toEqual([]);
    expect(
      await q(
        `SELECT id FROM dossiers WHERE (level_undetermined OR proposed_level > computed_level) AND char_length(btrim(level_justification)) < 20`,
      ),
    ).toEqual([]);
  });

  it('has no level 3–5 dossier approved by the police; the owner approves on the Tờ trình, in its own name (ND331 Art. 18.2.b, 20.3.b, 24.2)', async () => {
    expect(
      await q(`SELECT id FROM dossiers WHERE proposed_level >= 3 AND (approver_kind <> 'OWNER' OR decision->>'number' LIKE '%CAT-PA05')`),
    ).toEqual([]);
    const approved = await q(
      `SELECT d.id, d.decision, d.approval_request, o.name AS owner,
              (SELECT array_agg(e.action ORDER BY e.id) FROM dossier_events e WHERE e.dossier_id = d.id) AS actions
         FROM dossiers d JOIN agencies o ON o.id = d.owner_agency_id
        WHERE d.proposed_level = 3 AND d.status IN ('APPROVED', 'SUPERSEDED')`,
    );
    expect(approved.length).toBeGreaterThan(10);
    for (const d of approved) {
      expect(d.decision).toMatchObject({ issuer: d.owner, level: 3 });
      expect(d.approval_request).toEqual({ submittedOn: expect.any(String), number: expect.stringMatching(/^\d+\/TTr-/) });
      const last = d.actions.filter((a: string) => a !== 'supersede').slice(-4);
      expect(last).toEqual(['start-appraisal', 'appraise', 'request-approval', 'approve']);
    }
    // The owner's approval clock runs from the Tờ trình (7 working days).
    const waiting = await q(`SELECT due_kind, due_on::text, approval_request FROM dossiers WHERE status = 'AWAITING_APPROVAL'`);
    expect(waiting.length).toBeGreaterThan(0);
    for (const d of waiting) {
      expect(d.due_kind).toBe('APPROVAL');
      expect(d.due_on > d.approval_request.submittedOn).toBe(true);
    }
  });

  it("sends level 4 through the specialised unit's opinion (Mẫu 03) and the owner's submission to the ministry (ND331 Art. 20.1.d, 21.5)", async () => {
    const sent = await q(
      `SELECT d.expert_opinion, d.opinion_request, d.specialised_unit_name, ca.name AS police,
              (SELECT array_agg(e.action ORDER BY e.id) FROM dossier_events e WHERE e.dossier_id = d.id) AS actions
         FROM dossiers d JOIN agencies ca ON ca.province_code = d.province_code AND ca.kind = 'police'
        WHERE d.proposed_level = 4 AND d.current_revision > 0`,
    );
    expect(sent.length).toBeGreaterThan(0);
    for (const d of sent) {
      expect(d.actions.slice(0, 3)).toEqual(['request-opinion', 'give-opinion', 'owner-submit']);
      expect(d.actions).not.toContain('submit');
      expect(d.specialised_unit_name).toBe(d.police);
      expect(d.opinion_request).toEqual({ requestedOn: expect.any(String), unitName: d.police });
      expect(d.expert_opinion).toMatchObject({ unit: d.police, conclusion: 'SUITABLE', number: expect.stringMatching(/CAT-PA05$/) });
    }
  });

  it('keeps the signed scan of every decision (kind DECISION) and has every history replay through the transition table', async () => {
    expect(
      await q(
        `SELECT d.id FROM dossiers d WHERE d.status IN ('APPROVED', 'SUPERSEDED')
            AND NOT EXISTS (SELECT 1 FROM dossier_attachments a WHERE a.dossier_id = d.id AND a.kind = 'DECISION')`,
      ),
    ).toEqual([]);
    const report = await checkInvariants(databaseUrl, [], new Map());
    expect(report.inconsistent).toEqual([]);
    expect(report.dossiersChecked).toBe(1200);
  });

  it("lets the product take the generated dossiers on: the police gives its opinion, only the owner's side approves level 3", async () => {
    const [waiting] = await q(
      `SELECT d.id, d.version, d.province_code AS p, o.name AS owner FROM dossiers d JOIN systems s ON s.id = d.system_id
         JOIN agencies o ON o.id = d.owner_agency_id
        WHERE d.proposed_level = 3 AND d.status = 'AWAITING_APPROVAL' AND s.internal_regulation_number IS NOT NULL ORDER BY d.id LIMIT 1`,
    );
    const police = await login(`thamdinh.${waiting.p.toLowerCase()}.1`);
    const approve = (headers: Record<string, string>) =>
      request(app.getHttpServer())
        .post(`/api/v1/dossiers/${waiting.id}/actions/approve`)
        .set(headers)
        .field('version', String(waiting.version))
        .field('decisionNumber', '501/QĐ-UBND')
        .field('decisionDate', '2026-11-20')
        .field('signerName', 'Nguyễn Văn An')
        .field('signerTitle', 'Chủ tịch')
        .field('level', '3')
        .attach('file', ATTACHMENT_PDF, 'qd.pdf');
    expectProblem(await approve(police), 403, 'DOSSIER_ACTION_FORBIDDEN');
    const approved = await approve(await login('admin'));
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', workflow: { decision: { issuer: waiting.owner, level: 3 } } });

    const [asking] = await q(
      `SELECT id, version, province_code AS p FROM dossiers WHERE proposed_level = 4 AND status = 'AWAITING_OPINION' ORDER BY id LIMIT 1`,
    );
    const opinion = await request(app.getHttpServer())
      .post(`/api/v1/dossiers/${asking.id}/actions/give-opinion`)
      .set(await login(`thamdinh.${asking.p.toLowerCase()}.2`))
      .send({ version: asking.version, conclusion: 'SUITABLE', opinions: 'Phù hợp.', opinionDate: '2026-11-20' });
    expect(opinion.status).toBe(200);
    expect(opinion.body.status).toBe('OPINION_GIVEN');
    expect((await checkInvariants(databaseUrl, [], new Map())).inconsistent).toEqual([]);
  });

  it('carries plan items and inspections, and the after-approval dashboard gives the figures of its plain SQL (issue 20)', async () => {
    const [{ items, inspections, derived }] = await q(
      `SELECT (SELECT count(*)::int FROM plan_items) AS items, (SELECT count(*)::int FROM inspections) AS inspections,
              (SELECT count(*)::int FROM systems s WHERE EXISTS (SELECT 1 FROM plan_items p WHERE p.system_id = s.id)
                  AND s.deployment_status NOT IN ('FULL', 'PARTIAL')) AS derived`,
    );
    expect(items).toBeGreaterThan(0);
    expect(inspections).toBeGreaterThan(0);
    expect(derived).toBe(0);
    const [{ province }] = await q(
      `SELECT province_code AS province FROM systems WHERE approved_level IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    const res = await request(app.getHttpServer())
      .get(`/api/v1/reports/after-approval?asOf=${DATASET_TODAY}&province=${province}`)
      .set(await login('admin'));
    expect(res.status).toBe(200);
    const figures = apiAfterApprovalFigures(res.body);
    expect(figures).toEqual(await plainAfterApprovalFigures(admin, province, DATASET_TODAY));
    expect(Object.values(figures).reduce((n, f) => n + f.inspectionOverdue, 0)).toBeGreaterThan(0);
  });
});
