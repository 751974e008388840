import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { dossierActorRoles } from '../../src/access/dossier-actors';
import { roleHas } from '../../src/auth/permissions';
import { availableActions, DOSSIER_ACTIONS } from '../../src/dossiers/dossier-actions';
import { routingOf } from '../../src/dossiers/dossier-procedure';
import { Role } from '../../src/users/role';
import { createCompleteDossier, createSystem, LEVEL2_FACTS, PDF } from '../support/dossier-fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import { registeredRoutes, RegisteredRoute } from './support/registered-routes';
import { recordFigures } from './support/reliability-env';

/**
 * Access, as a generated matrix: every API route × every role × a resource of the user's own agency, of another agency
 * of the same province, and of another province. What should pass is derived from permissions.ts (the role has the
 * route's permission, else 403) and the scope rules of AccessService (officers and their agency's heads: their own
 * agency; leaders and appraisers: their province; administrators: everything; anything out of scope answers 404).
 * A cell "passes" when the request gets past both; versioned writes carry a stale version, so a passing write answers
 * 409 and changes nothing, while a refused one must answer 403/404 and write nothing either.
 */
jest.setTimeout(120_000);

const ROLES: Record<Role, string> = {
  ADMIN: 'admin',
  LEADER: 'lanhdao',
  APPRAISER: 'thamdinh',
  AGENCY_OFFICER: 'canbo.sl-so-xd',
  // The owner's leadership of the officer's agency (made in beforeAll: the demo has none).
  AGENCY_HEAD: 'lanhdao.sl-so-xd',
};
const ROLE_LABELS: Record<Role, string> = { ADMIN: 'AD', LEADER: 'LE', APPRAISER: 'AP', AGENCY_OFFICER: 'OF', AGENCY_HEAD: 'HD' };
const SCOPES = ['ownAgency', 'sameProvince', 'otherProvince'] as const;
type Scope = (typeof SCOPES)[number];
type Outcome = 'pass' | 'forbidden' | 'hidden' | 'unauthenticated' | 'error';

/** The resource a route's path (or body) names, which decides whose scope applies. */
type ResourceKind = 'agency' | 'system' | 'dossier' | 'campaign' | 'notification' | 'account' | 'none';

interface ScopeFixtures {
  agencyId: string;
  systemId: string;
  draftId: string;
  submittedId: string;
  attachmentId: string;
  campaignId: string;
  /** Another user's notification (own scope: the caller's own). */
  notificationOf: (role: Role) => string;
}

interface Recipe {
  kind: ResourceKind;
  params?: (fx: ScopeFixtures, role: Role) => Record<string, string>;
  query?: (fx: ScopeFixtures, role: Role) => string;
  body?: (fx: ScopeFixtures, role: Role) => object;
  upload?: { fields: Record<string, string>; file: Buffer; name: string };
  /** How an out-of-scope reference is refused when it is not a path id (404 NOT_FOUND otherwise). */
  hidden?: { status: number; code: string };
  /** Makes the resource again before each cell (a passing DELETE removes it). */
  fresh?: (fx: ScopeFixtures) => Promise<Record<string, string>>;
  /** Statuses a passing read may have besides 200. */
  alsoOk?: number[];
  /** A session of its own for the cell, instead of the role's shared one (signing out ends the session it is sent with). */
  ownSession?: boolean;
}

/** Who may see what, as AccessService and the services that use it say. */
function visible(kind: ResourceKind, role: Role, scope: Scope): boolean {
  if (kind === 'none') return true;
  if (kind === 'notification') return scope === 'ownAgency';
  if (role === 'ADMIN') return true;
  if (kind === 'campaign') return scope !== 'otherProvince';
  if (role === 'AGENCY_OFFICER' || role === 'AGENCY_HEAD') return scope === 'ownAgency';
  return scope !== 'otherProvince';
}

function expected(route: RegisteredRoute, recipe: Recipe, role: Role, scope: Scope): Outcome {
  if (!route.permission || !roleHas(role, route.permission)) return 'forbidden';
  return visible(recipe.kind, role, scope) ? 'pass' : 'hidden';
}

describe('access matrix: every API route × role × own / same-province / other-province resource', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  const fixtures = {} as Record<Scope, ScopeFixtures>;
  let routingRuleId: string;
  let renameAgencyId: string;
  const unique = () => `AM-${randomUUID().slice(0, 8).toUpperCase()}`;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  /** A new API session of the role's user (t.login keeps one per user). */
  const freshToken = async (role: Role): Promise<string> =>
    (await t.http().post('/api/v1/auth/login').send({ username: ROLES[role], password: 'demo1234' }).expect(200)).body.accessToken;

  beforeAll(async () => {
    t = await createTestApp();
    await t.db.query(
      `INSERT INTO users (username, password_hash, full_name, role, agency_id)
       SELECT 'lanhdao.sl-so-xd', password_hash, 'Giám đốc Sở Xây dựng Sơn La', 'AGENCY_HEAD', (SELECT id FROM agencies WHERE code = 'SL-SO-XD') FROM users WHERE username = 'admin'`,
    );
    for (const [role, username] of Object.entries(ROLES)) tokens[role as Role] = await t.login(username);
    const admin = tokens.ADMIN;
    // Another province: Lào Cai, with its own body, police and routing, an officer, and a campaign.
    const create = async (body: object) =>
      (await t.http().post('/api/v1/agencies').set(auth(admin)).send(body).expect(201)).body.id as string;
    const lcRoot = await create({ code: 'LC-UBND', name: 'UBND tỉnh Lào Cai', kind: 'province_committee', provinceCode: 'LC' });
    await create({ code: 'LC-SO-XD', name: 'Sở Xây dựng tỉnh Lào Cai', kind: 'department', parentId: lcRoot });
    const lcPolice = await create({ code: 'LC-CA', name: 'Công an tỉnh Lào Cai', kind: 'police', provinceCode: 'LC' });
    renameAgencyId = await create({ code: 'LC-TAM', name: 'Cơ quan tạm để đổi tên', kind: 'other', parentId: lcRoot });
    routingRuleId = (
      await t
        .http()
        .post('/api/v1/routing-rules')
        .set(auth(admin))
        .send({
          name: 'Lào Cai: Công an tỉnh (cấp độ 1, 2)',
          ownerAgencyId: lcRoot,
          minLevel: 1,
          maxLevel: 2,
          appraiserAgencyId: lcPolice,
          approverKind: 'AGENCY',
          approverAgencyId: lcPolice,
        })
        .expect(201)
    ).body.id;
    await t.db.query(
      `INSERT INTO users (username, password_hash, full_name, role, agency_id)
       SELECT 'canbo.lc-so-xd', password_hash, 'Cán bộ Sở Xây dựng Lào Cai', 'AGENCY_OFFICER', (SELECT id FROM agencies WHERE code = 'LC-SO-XD') FROM users WHERE username = 'admin'`,
    );
    const lcCampaign = (
      await t
        .http()
        .post('/api/v1/campaigns')
        .set(auth(admin))
        .send({
          number: '12/UBND-LC',
          issuedOn: '2026-01-10',
          issuer: 'UBND tỉnh Lào Cai',
          title: 'Chiến dịch Lào Cai',
          deadline: '2026-03-01',
          target: 'SUBMITTED',
          province: 'LC',
        })
        .expect(201)
    ).body.id as string;
    const [{ id: slCampaign }] = await t.db.query(`SELECT id FROM campaigns WHERE province_code = 'SL' LIMIT 1`);

    // A notification for every user involved, so that "someone else's notification" exists.
    const notify = async (username: string) =>
      (
        await t.db.query(
          `INSERT INTO notifications (user_id, kind, title, body) SELECT id, 'DOSSIER_ROUTED', 'Thử', 'Thử' FROM users WHERE username = $1 RETURNING id`,
          [username],
        )
      )[0].id as string;
    const own = new Map<Role, string>();
    for (const [role, username] of Object.entries(ROLES)) own.set(role as Role, await notify(username));
    const otherSl = await notify('canbo.sl-so-yt');
    const otherLc = await notify('canbo.lc-so-xd');

    const build = async (
      agencyCode: string,
      username: string,
      campaignId: string,
      notificationOf: ScopeFixtures['notificationOf'],
    ): Promise<ScopeFixtures> => {
      const token = await t.login(username);
      const systemId = await createSystem(t, token, agencyCode, unique(), `Hệ thống ma trận ${agencyCode}`);
      // A pending prior-approval claim with its PDF, for the claim's routes.
      await t
        .http()
        .post(`/api/v1/systems/${systemId}/prior-approval`)
        .set(auth(token))
        .field(PRIOR_DECISION)
        .attach('file', PDF, 'quyet-dinh.pdf')
        .expect(201);
      const draft = await createCompleteDossier(t, token, systemId, LEVEL2_FACTS);
      const toSubmit = await createCompleteDossier(
        t,
        token,
        await createSystem(t, token, agencyCode, unique(), `Hệ thống gửi ${agencyCode}`),
        LEVEL2_FACTS,
      );
      await t
        .http()
        .post(`/api/v1/dossiers/${toSubmit.id}/actions/submit`)
        .set(auth(token))
        .send({ version: toSubmit.version })
        .expect(200);
      const [{ id: agencyId }] = await t.db.query(`SELECT id FROM agencies WHERE code = $1`, [agencyCode]);
      const [{ id: attachmentId }] = await t.db.query(`SELECT id FROM dossier_attachments WHERE dossier_id = $1 LIMIT 1`, [draft.id]);
      return { agencyId, systemId, draftId: draft.id, submittedId: toSubmit.id, attachmentId, campaignId, notificationOf };
    };
    fixtures.ownAgency = await build('SL-SO-XD', 'canbo.sl-so-xd', slCampaign, (role) => own.get(role)!);
    fixtures.sameProvince = await build('SL-SO-YT', 'canbo.sl-so-yt', slCampaign, () => otherSl);
    fixtures.otherProvince = await build('LC-SO-XD', 'canbo.lc-so-xd', lcCampaign, () => otherLc);
  });
  afterAll(() => t.close());

  const STALE = 9999;
  const PRIOR_DECISION = { level: '2', decisionNumber: '9/QĐ-STTTT', decisionDate: '2024-01-02', issuer: 'Sở Thông tin và Truyền thông' };
  const dossierId = (fx: ScopeFixtures) => ({ id: fx.draftId });
  const submittedId = (fx: ScopeFixtures) => ({ id: fx.submittedId });
  const reportQuery = (_: ScopeFixtures, role: Role) => (role === 'ADMIN' ? 'province=SL' : '');
  // A single sign-on role mapping (src/auth/oidc) for the cell to change or remove.
  const freshRoleMapping = async () => {
    const [row] = await t.db.query(`INSERT INTO oidc_role_mappings (claim_value, role) VALUES ($1, 'AGENCY_OFFICER') RETURNING id`, [
      unique(),
    ]);
    return { id: row.id as string };
  };
  // An inspection with a report file and an open finding on the scope's system (src/inspections).
  const freshInspection = async (fx: ScopeFixtures) => {
    const [{ id }] = await t.db.query(
      `INSERT INTO inspections (system_id, kind, performed_on, performer, method, report_file_name, report_media_type, report_size_bytes, report_sha256, report_content)
       VALUES ($1, 'PERIODIC', '2026-11-02', 'Đơn vị ma trận', 'GRAY_BOX', 'bao-cao.pdf', 'application/pdf', $2, repeat('0', 64), $3) RETURNING id`,
      [fx.systemId, PDF.length, PDF],
    );
    const [{ id: findingId }] = await t.db.query(
      `INSERT INTO inspection_findings (inspection_id, system_id, description, due_on) VALUES ($1, $2, 'Tồn tại ma trận', '2027-01-01') RETURNING id`,
      [id, fx.systemId],
    );
    return { id: fx.systemId, inspectionId: id, findingId };
  };
  const freshIncident = async (fx: ScopeFixtures) => {
    const [{ id }] = await t.db.query(
      `INSERT INTO incidents (system_id, detected_at, severity, title) VALUES ($1, '2026-11-20T01:00:00Z', 'SERIOUS', 'Sự cố ma trận') RETURNING id`,
      [fx.systemId],
    );
    return { id: fx.systemId, incidentId: id as string };
  };

  // An officer of the scope's agency, made for the cell (src/users, issue 22 A): a passing deactivation, reset or
  // "sign out everywhere" must not end the sessions the matrix itself signs in with. Heads manage officers of their
  // own agency (other agencies' accounts are hidden, like the rest); administrators every account.
  const freshAccount = async (fx: ScopeFixtures) => {
    const [{ id }] = await t.db.query(
      `INSERT INTO users (username, password_hash, full_name, role, agency_id) VALUES ($1, 'x', 'Cán bộ ma trận', 'AGENCY_OFFICER', $2) RETURNING id`,
      [unique().toLowerCase(), fx.agencyId],
    );
    return { id: id as string };
  };
  const csvOfAccounts = Buffer.from('Tên đăng nhập,Họ và tên,Mã cơ quan,Vai trò\ncanbo.ma-tran,Cán bộ ma trận,SL-SO-XD,AGENCY_OFFICER\n');

  /** A plan item of the scope's system (src/plan-items), on its draft dossier: approval is not what these cells test. */
  const freshPlanItem = async (fx: ScopeFixtures) => {
    const [{ id }] = await t.db.query(
      `INSERT INTO plan_items (system_id, dossier_id, requirement_id, section, title, status, planned_date)
       VALUES ($1, $2, $3, 'b', 'Hạng mục ma trận', 'NOT_STARTED', '2027-01-31') RETURNING id`,
      [fx.systemId, fx.draftId, unique()],
    );
    return { id: fx.systemId, itemId: id as string };
  };
  const freshEvidence = async (fx: ScopeFixtures) => {
    const item = await freshPlanItem(fx);
    const [{ id }] = await t.db.query(
      `INSERT INTO plan_item_evidence (plan_item_id, file_name, media_type, size_bytes, sha256, content) VALUES ($1, 'x.pdf', 'application/pdf', $2, repeat('0', 64), $3) RETURNING id`,
      [item.itemId, PDF.length, PDF],
    );
    return { ...item, fileId: id as string };
  };
  /** One recipe per API route: which resource it names and a request that gets past validation. */
  const RECIPES: Record<string, Recipe> = {
    'GET /api/v1/auth/me': { kind: 'none' },
    // Issue 22 D: every role signs out (on a session of its own) and may change its own password; a new password equal
    // to the current one gets past the guard and is refused (422) without writing, so the role's password stays.
    'POST /api/v1/auth/logout': { kind: 'none', ownSession: true },
    'POST /api/v1/auth/password': { kind: 'none', body: () => ({ currentPassword: 'demo1234', newPassword: 'demo1234' }) },
    'GET /api/v1/notifications': { kind: 'none' },
    'POST /api/v1/notifications/read-all': { kind: 'none' },
    'POST /api/v1/notifications/:id/read': { kind: 'notification', params: (fx, role) => ({ id: fx.notificationOf(role) }) },
    'GET /api/v1/audit': { kind: 'none' },
    'GET /api/v1/agencies': { kind: 'none' },
    'GET /api/v1/agencies/tree': { kind: 'none' },
    'POST /api/v1/agencies': {
      kind: 'agency',
      body: (fx) => ({ code: unique(), name: 'Cơ quan ma trận', kind: 'other', parentId: fx.agencyId }),
    },
    'GET /api/v1/agencies/:id': { kind: 'agency', params: (fx) => ({ id: fx.agencyId }) },
    'PATCH /api/v1/agencies/:id': {
      kind: 'agency',
      params: (fx) => ({ id: fx.agencyId }),
      body: () => ({ version: STALE, name: 'Tên mới' }),
    },
    'GET /api/v1/agency-reorganisations': { kind: 'none' },
    'POST /api/v1/agency-reorganisations/merge': {
      kind: 'none',
      body: (fx) => ({
        sourceAgencyIds: [randomUUID()],
        successorAgencyId: fx.agencyId,
        effectiveDate: '2026-07-01',
        decisionNumber: '1/NQ',
      }),
    },
    'POST /api/v1/agency-reorganisations/rename': {
      kind: 'none',
      body: () => ({
        agencyId: renameAgencyId,
        newName: `Cơ quan đổi tên ${unique()}`,
        effectiveDate: '2026-07-01',
        decisionNumber: '2/NQ',
      }),
    },
    'POST /api/v1/classification/evaluate': { kind: 'none', body: () => ({ facts: LEVEL2_FACTS }) },
    'GET /api/v1/classification/questionnaire': { kind: 'none' },
    'GET /api/v1/classification/rulebooks/:regime': { kind: 'none', params: () => ({ regime: 'ND331' }) },
    'GET /api/v1/requirements': { kind: 'none', query: () => 'level=2' },
    'GET /api/v1/requirements/catalogues': { kind: 'none' },
    'GET /api/v1/systems/import/template': { kind: 'none' },
    'POST /api/v1/systems/import': {
      kind: 'none',
      query: () => 'dryRun=true',
      upload: { fields: {}, file: Buffer.from('code,name\n'), name: 'he-thong.csv' },
    },
    'GET /api/v1/systems/export': { kind: 'none' },
    'GET /api/v1/systems': { kind: 'none' },
    'POST /api/v1/systems': {
      kind: 'agency',
      body: (fx) => ({
        code: unique(),
        name: 'Hệ thống ma trận',
        ownerAgencyId: fx.agencyId,
        systemType: 'INTERNAL',
        infoTypes: ['PRIVATE'],
        lifecycle: 'IN_OPERATION',
      }),
      hidden: { status: 422, code: 'SYSTEM_AGENCY_INVALID' },
    },
    'GET /api/v1/systems/:id': { kind: 'system', params: (fx) => ({ id: fx.systemId }) },
    'PATCH /api/v1/systems/:id': {
      kind: 'system',
      params: (fx) => ({ id: fx.systemId }),
      body: () => ({ version: STALE, description: 'Mô tả mới' }),
    },
    'POST /api/v1/systems/:id/prior-approval': {
      kind: 'system',
      params: (fx) => ({ id: fx.systemId }),
      upload: { fields: PRIOR_DECISION, file: PDF, name: 'quyet-dinh.pdf' },
    },
    'GET /api/v1/systems/:id/prior-approval': { kind: 'system', params: (fx) => ({ id: fx.systemId }) },
    // Re-determination flags (src/redetermination): the matrix's systems have no approved level, so a passing record answers 422.
    'GET /api/v1/systems/:id/redetermination-flags': { kind: 'system', params: (fx) => ({ id: fx.systemId }) },
    'POST /api/v1/systems/:id/redetermination-flags': {
      kind: 'system',
      params: (fx) => ({ id: fx.systemId }),
      body: () => ({ source: 'SPLIT_MERGE', note: 'Căn cứ ma trận' }),
    },
    'POST /api/v1/systems/:id/redetermination-flags/:flagId/dismiss': {
      kind: 'system',
      // An open recorded flag each time (only automatic flags are one per system).
      fresh: async (fx) => {
        const [{ id }] = await t.db.query(
          `INSERT INTO redetermination_flags (system_id, source, approved_level, regime) VALUES ($1, 'SPLIT_MERGE', 2, 'ND331') RETURNING id`,
          [fx.systemId],
        );
        return { id: fx.systemId, flagId: id as string };
      },
      body: () => ({ version: STALE, reason: 'Không cần xác định lại' }),
    },
    'GET /api/v1/redetermination-flags': { kind: 'none' },
    'GET /api/v1/systems/:id/inspections': { kind: 'system', params: (fx) => ({ id: fx.systemId }) },
    'GET /api/v1/systems/:id/inspection-schedule': { kind: 'system', params: (fx) => ({ id: fx.systemId }) },
    'POST /api/v1/systems/:id/inspections': {
      kind: 'system',
      params: (fx) => ({ id: fx.systemId }),
      body: () => ({
        kind: 'AD_HOC',
        performedOn: '2026-11-02',
        performer: 'Đơn vị ma trận',
        independent: true,
        qualified: false,
        method: 'SELF_ASSESSMENT',
      }),
    },
    'GET /api/v1/systems/:id/inspections/:inspectionId/report': { kind: 'system', fresh: freshInspection },
    'PATCH /api/v1/systems/:id/inspections/:inspectionId/findings/:findingId': {
      kind: 'system',
      fresh: freshInspection,
      body: () => ({ version: STALE, status: 'DONE', resolvedOn: '2026-11-20' }),
    },
    'GET /api/v1/inspections/due': { kind: 'none' },
    'GET /api/v1/inspection-policies': { kind: 'none' },
    'POST /api/v1/inspection-policies': {
      kind: 'none',
      body: () => ({
        rules: [1, 2, 3, 4, 5].map((level) => ({ level, intervalMonths: level >= 3 ? 12 : 24, requiresIndependent: level >= 3 })),
        note: 'Phiên bản ma trận',
      }),
    },
    'GET /api/v1/systems/:id/prior-approval/evidence': { kind: 'system', params: (fx) => ({ id: fx.systemId }) },
    'POST /api/v1/systems/:id/prior-approval/confirm': {
      kind: 'system',
      params: (fx) => ({ id: fx.systemId }),
      body: () => ({ version: STALE }),
    },
    'POST /api/v1/systems/:id/prior-approval/reject': {
      kind: 'system',
      params: (fx) => ({ id: fx.systemId }),
      body: () => ({ version: STALE, reason: 'Thử' }),
    },
    'GET /api/v1/prior-approval-claims': { kind: 'none' },
    // Plan items (src/plan-items): a fresh item of the scope's system for each cell.
    'GET /api/v1/systems/:id/plan-items': { kind: 'system', params: (fx) => ({ id: fx.systemId }) },
    'PATCH /api/v1/systems/:id/plan-items/:itemId': {
      kind: 'system',
      fresh: (fx) => freshPlanItem(fx),
      body: () => ({ version: STALE, status: 'IN_PROGRESS' }),
    },
    'GET /api/v1/systems/:id/plan-items/:itemId/history': { kind: 'system', fresh: (fx) => freshPlanItem(fx) },
    'POST /api/v1/systems/:id/plan-items/:itemId/evidence': {
      kind: 'system',
      fresh: (fx) => freshPlanItem(fx),
      upload: { fields: {}, file: PDF, name: 'minh-chung.pdf' },
    },
    'GET /api/v1/systems/:id/plan-items/:itemId/evidence/:fileId': { kind: 'system', fresh: (fx) => freshEvidence(fx) },
    'GET /api/v1/plan-items': { kind: 'none' },
    // Incidents (src/incidents): a fresh one of the scope's system for each cell.
    'GET /api/v1/systems/:id/incidents': { kind: 'system', params: (fx) => ({ id: fx.systemId }) },
    'POST /api/v1/systems/:id/incidents': {
      kind: 'system',
      params: (fx) => ({ id: fx.systemId }),
      body: () => ({ detectedAt: '2026-11-20T08:00:00+07:00', severity: 'NORMAL', title: 'Sự cố ma trận' }),
    },
    'GET /api/v1/systems/:id/incidents/:incidentId': { kind: 'system', fresh: (fx) => freshIncident(fx) },
    'PATCH /api/v1/systems/:id/incidents/:incidentId': {
      kind: 'system',
      fresh: (fx) => freshIncident(fx),
      body: () => ({ version: STALE, actions: 'Cô lập máy chủ' }),
    },
    'GET /api/v1/systems/:id/incidents/:incidentId/notice.:format': {
      kind: 'system',
      fresh: async (fx) => ({ ...(await freshIncident(fx)), format: 'pdf' }),
    },
    'GET /api/v1/incidents': { kind: 'none' },
    'POST /api/v1/systems/:id/retire': {
      kind: 'system',
      params: (fx) => ({ id: fx.systemId }),
      body: () => ({ version: STALE, retiredAt: '2026-06-30', reason: 'Thử' }),
    },
    'GET /api/v1/dossiers': { kind: 'none' },
    'POST /api/v1/dossiers': { kind: 'system', body: (fx) => ({ systemId: fx.systemId, facts: LEVEL2_FACTS }) },
    'GET /api/v1/dossiers/:id': { kind: 'dossier', params: dossierId },
    'PATCH /api/v1/dossiers/:id': {
      kind: 'dossier',
      params: dossierId,
      body: () => ({ version: STALE, levelJustification: 'Thuyết minh mới' }),
    },
    'GET /api/v1/dossiers/:id/completeness': { kind: 'dossier', params: dossierId },
    'POST /api/v1/dossiers/:id/attachments': {
      kind: 'dossier',
      params: dossierId,
      upload: { fields: { kind: 'OTHER' }, file: PDF, name: 'khac.pdf' },
    },
    'GET /api/v1/dossiers/:id/attachments/:attachmentId': {
      kind: 'dossier',
      params: (fx) => ({ id: fx.draftId, attachmentId: fx.attachmentId }),
    },
    'DELETE /api/v1/dossiers/:id/attachments/:attachmentId': {
      kind: 'dossier',
      fresh: async (fx) => {
        const [{ id }] = await t.db.query(
          `INSERT INTO dossier_attachments (dossier_id, kind, file_name, media_type, size_bytes, sha256, content) VALUES ($1, 'OTHER', 'x.pdf', 'application/pdf', $2, repeat('0', 64), $3) RETURNING id`,
          [fx.draftId, PDF.length, PDF],
        );
        return { id: fx.draftId, attachmentId: id };
      },
    },
    'GET /api/v1/dossiers/:id/documents/:file': {
      kind: 'dossier',
      params: (fx) => ({ id: fx.draftId, file: 'thuyet-minh.pdf' }),
      alsoOk: [409],
    },
    'GET /api/v1/dossiers/:id/history': { kind: 'dossier', params: submittedId },
    'GET /api/v1/dossiers/:id/revisions': { kind: 'dossier', params: submittedId },
    'GET /api/v1/dossiers/:id/revisions/:number': { kind: 'dossier', params: (fx) => ({ id: fx.submittedId, number: '1' }) },
    'POST /api/v1/dossiers/:id/actions/submit': { kind: 'dossier', params: submittedId, body: () => ({ version: STALE }) },
    'POST /api/v1/dossiers/:id/actions/return': {
      kind: 'dossier',
      params: submittedId,
      body: () => ({ version: STALE, items: ['Bổ sung'] }),
    },
    'POST /api/v1/dossiers/:id/actions/start-appraisal': { kind: 'dossier', params: submittedId, body: () => ({ version: STALE }) },
    'POST /api/v1/dossiers/:id/actions/appraise': {
      kind: 'dossier',
      params: submittedId,
      body: () => ({ version: STALE, conclusion: 'SUITABLE' }),
    },
    'POST /api/v1/dossiers/:id/actions/approve': {
      kind: 'dossier',
      params: submittedId,
      body: () => ({ version: STALE, decisionNumber: '1/QĐ', decisionDate: '2026-11-20', signerName: 'A', signerTitle: 'B', level: 2 }),
    },
    'POST /api/v1/dossiers/:id/actions/withdraw': { kind: 'dossier', params: submittedId, body: () => ({ version: STALE }) },
    'POST /api/v1/dossiers/:id/actions/request-opinion': { kind: 'dossier', params: dossierId, body: () => ({ version: STALE }) },
    'POST /api/v1/dossiers/:id/actions/give-opinion': {
      kind: 'dossier',
      params: submittedId,
      body: () => ({ version: STALE, conclusion: 'SUITABLE', opinions: 'Phù hợp.' }),
    },
    'POST /api/v1/dossiers/:id/actions/owner-submit': { kind: 'dossier', params: submittedId, body: () => ({ version: STALE }) },
    'POST /api/v1/dossiers/:id/actions/request-approval': { kind: 'dossier', params: submittedId, body: () => ({ version: STALE }) },
    'POST /api/v1/dossiers/:id/actions/approve-plan': {
      kind: 'dossier',
      params: submittedId,
      body: () => ({ version: STALE, decisionNumber: '1/QĐ', decisionDate: '2026-11-20', signerName: 'A', signerTitle: 'B' }),
    },
    'POST /api/v1/dossiers/:id/actions/record-listing': {
      kind: 'dossier',
      params: submittedId,
      body: () => ({ version: STALE, decisionNumber: '1/QĐ-TTg', decisionDate: '2026-11-20', signerName: 'A', signerTitle: 'B' }),
    },
    'POST /api/v1/dossiers/:id/actions/request-listing': {
      kind: 'dossier',
      params: submittedId,
      body: () => ({ version: STALE, requestNumber: '1/UBND', requestDate: '2026-11-20' }),
    },
    'PUT /api/v1/dossiers/:id/independent-appraiser': {
      kind: 'dossier',
      params: dossierId,
      body: () => ({
        version: STALE,
        kind: 'COUNCIL',
        name: 'Hội đồng thẩm định độc lập',
        decisionNumber: '1/QĐ',
        decisionDate: '2026-11-20',
        members: [{ name: 'Nguyễn Văn A', title: 'Chủ tịch Hội đồng' }],
      }),
    },
    'GET /api/v1/appraisal-queue': { kind: 'none' },
    'GET /api/v1/decision-queue': { kind: 'none' },
    'GET /api/v1/routing-rules': { kind: 'none' },
    'POST /api/v1/routing-rules': {
      kind: 'agency',
      body: (fx) => ({
        name: 'Quy tắc ma trận',
        ownerAgencyId: fx.agencyId,
        minLevel: 5,
        maxLevel: 5,
        appraiserExternalName: 'Bộ Công an',
        approverKind: 'OWNER',
        priority: 9000,
      }),
    },
    'PATCH /api/v1/routing-rules/:id': {
      kind: 'none',
      params: () => ({ id: routingRuleId }),
      body: () => ({ version: STALE, priority: 50 }),
    },
    'GET /api/v1/calendar': { kind: 'none' },
    'GET /api/v1/calendar/working-days': { kind: 'none', query: () => 'from=2026-11-02&days=5' },
    'PUT /api/v1/calendar/days/:day': {
      kind: 'none',
      params: () => ({ day: '2027-12-24' }),
      body: () => ({ kind: 'HOLIDAY', name: 'Ngày nghỉ thử' }),
    },
    'PUT /api/v1/calendar/days/:day/confirmation': {
      kind: 'none',
      params: () => ({ day: '2027-09-03' }),
      body: () => ({ source: 'Thông báo thử về ngày nghỉ Quốc khánh 2027' }),
    },
    'DELETE /api/v1/calendar/days/:day': {
      kind: 'none',
      fresh: async () => {
        await t.db.query(
          `INSERT INTO calendar_overrides (day, kind, name) VALUES ('2027-12-25', 'HOLIDAY', 'Thử') ON CONFLICT (day) DO NOTHING`,
        );
        return { day: '2027-12-25' };
      },
    },
    // Accounts (src/users, issue 22 A): a new account is made in the caller's own agency (the head's officers); the
    // import only checks (dryRun); a stale version makes a passing edit 409.
    'GET /api/v1/users': { kind: 'none' },
    'POST /api/v1/users': {
      kind: 'none',
      body: (fx) => ({ username: unique().toLowerCase(), fullName: 'Cán bộ ma trận', role: 'AGENCY_OFFICER', agencyId: fx.agencyId }),
    },
    'POST /api/v1/users/import': {
      kind: 'none',
      query: () => 'dryRun=true',
      upload: { fields: {}, file: csvOfAccounts, name: 'tai-khoan.csv' },
    },
    'GET /api/v1/users/:id': { kind: 'account', fresh: freshAccount },
    'PATCH /api/v1/users/:id': { kind: 'account', fresh: freshAccount, body: () => ({ version: STALE, title: 'Chuyên viên' }) },
    'POST /api/v1/users/:id/deactivate': { kind: 'account', fresh: freshAccount },
    'POST /api/v1/users/:id/reactivate': { kind: 'account', fresh: freshAccount },
    'POST /api/v1/users/:id/reset-password': { kind: 'account', fresh: freshAccount },
    'POST /api/v1/users/:id/sign-out-everywhere': { kind: 'account', fresh: freshAccount },
    // Single sign-on role mappings (src/auth/oidc, issue 22 E): administrators only; a fresh mapping per cell.
    'GET /api/v1/sign-in/role-mappings': { kind: 'none' },
    'POST /api/v1/sign-in/role-mappings': { kind: 'none', body: () => ({ claimValue: unique(), role: 'AGENCY_OFFICER' }) },
    'PATCH /api/v1/sign-in/role-mappings/:id': { kind: 'none', fresh: () => freshRoleMapping(), body: () => ({ role: 'LEADER' }) },
    'DELETE /api/v1/sign-in/role-mappings/:id': { kind: 'none', fresh: () => freshRoleMapping() },
    'GET /api/v1/reports/approval-rate': { kind: 'none', query: reportQuery },
    'GET /api/v1/reports/annual': { kind: 'none', query: (fx, role) => `year=2026${role === 'ADMIN' ? '&province=SL' : ''}` },
    'GET /api/v1/reports/pipeline': { kind: 'none', query: reportQuery },
    'GET /api/v1/campaigns': { kind: 'none' },
    'POST /api/v1/campaigns': {
      kind: 'none',
      body: () => ({
        number: unique(),
        issuedOn: '2026-01-13',
        issuer: 'UBND tỉnh',
        title: 'Chiến dịch ma trận',
        deadline: '2026-02-15',
        target: 'SUBMITTED',
        province: 'SL',
      }),
    },
    'GET /api/v1/campaigns/:id/progress': { kind: 'campaign', params: (fx) => ({ id: fx.campaignId }) },
    'GET /api/v1/reports/after-approval': { kind: 'none', query: reportQuery },
    'GET /api/v1/reports/plan-items.xlsx': { kind: 'none', query: reportQuery },
    'GET /api/v1/reports/inspections.xlsx': { kind: 'none', query: reportQuery },
    'GET /api/v1/annual-reports/:year/progress': { kind: 'none', params: () => ({ year: '2026' }), query: reportQuery },
    // Officers and heads record their own agency's report (another agency named in the body is hidden); 422 when it owes no such stage.
    'POST /api/v1/annual-reports/:year/submissions': {
      kind: 'agency',
      params: () => ({ year: '2026' }),
      body: (fx) => ({ stage: 'OWNER_TO_MINISTRY', sentOn: '2026-12-01', documentNumber: unique(), agencyId: fx.agencyId }),
    },
  };

  const apiRoutes = () => registeredRoutes(t.app).filter((r) => !r.isPage && !r.isPublic);

  it('has a recipe for every API route (a new route must join the matrix)', () => {
    const missing = apiRoutes()
      .map((r) => `${r.method} ${r.path}`)
      .filter((key) => !RECIPES[key]);
    expect(missing).toEqual([]);
  });

  it('lets exactly the allowed role × scope combinations through, and the refused ones write nothing', async () => {
    const auditCount = async () => (await t.db.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n as number;
    const mismatches: string[] = [];
    const counts: Record<Outcome, number> = { pass: 0, forbidden: 0, hidden: 0, unauthenticated: 0, error: 0 };
    const matrix: string[] = [];
    // Reads first, so that no write of an earlier cell can change what a read sees.
    const routes = apiRoutes()
      .filter((r) => RECIPES[`${r.method} ${r.path}`])
      .sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));
    for (const route of routes) {
      const recipe = RECIPES[`${route.method} ${route.path}`];
      const scopes: readonly Scope[] = recipe.kind === 'none' ? ['ownAgency'] : SCOPES;
      const row: string[] = [];
      for (const role of Object.keys(ROLES) as Role[]) {
        for (const scope of scopes) {
          const fx = fixtures[scope];
          const want = expected(route, recipe, role, scope);
          const params =
            recipe.fresh && want === 'pass'
              ? await recipe.fresh(fx)
              : (recipe.params?.(fx, role) ?? (recipe.fresh ? await recipe.fresh(fx) : {}));
          const path = route.path.replace(/:(\w+)/g, (_, p: string) => encodeURIComponent(params[p] ?? randomUUID()));
          const query = recipe.query?.(fx, role);
          const before = want === 'pass' ? 0 : await auditCount();
          const req = (t.http() as unknown as Record<string, (url: string) => request.Test>)
            [route.method.toLowerCase()](`${path}${query ? `?${query}` : ''}`)
            .set(auth(recipe.ownSession ? await freshToken(role) : tokens[role]));
          let res: request.Response;
          if (recipe.upload) {
            for (const [name, value] of Object.entries(recipe.upload.fields)) req.field(name, value);
            res = await req.attach('file', recipe.upload.file, recipe.upload.name);
          } else res = await req.send(recipe.body?.(fx, role) ?? {});
          const code = res.body?.code as string | undefined;
          const hidden = recipe.hidden ?? { status: 404, code: 'NOT_FOUND' };
          const got: Outcome =
            res.status === 401
              ? 'unauthenticated'
              : res.status >= 500
                ? 'error'
                : res.status === 403 && code === 'FORBIDDEN'
                  ? 'forbidden'
                  : res.status === hidden.status && code === hidden.code
                    ? 'hidden'
                    : 'pass';
          counts[got]++;
          const cell = `${route.method} ${route.path} as ${role} on ${scope}`;
          if (got !== want) mismatches.push(`${cell}: expected ${want}, got ${got} (${res.status} ${code ?? ''})`);
          if (got === 'pass' && route.method === 'GET' && res.status !== 200 && !recipe.alsoOk?.includes(res.status))
            mismatches.push(`${cell}: read answered ${res.status} ${code ?? ''}`);
          if (got !== 'pass' && (await auditCount()) !== before) mismatches.push(`${cell}: refused (${res.status}) but wrote an audit row`);
          row.push(
            `${ROLE_LABELS[role]}${scope === 'ownAgency' ? '' : scope === 'sameProvince' ? '·p' : '·x'}=${got === 'pass' ? res.status : got[0].toUpperCase()}`,
          );
        }
      }
      matrix.push(`${route.method.padEnd(6)} ${route.path.padEnd(52)} ${row.join(' ')}`);
    }
    recordFigures('access-matrix', {
      routes: routes.length,
      cells: Object.values(counts).reduce((a, b) => a + b, 0),
      ...counts,
      mismatches: mismatches.length,
    });
    if (process.env.CAPDO_ACCESS_MATRIX === '1') process.stdout.write(`${matrix.join('\n')}\n`);
    expect(mismatches).toEqual([]);
  });

  it('filters every list by the same scopes', async () => {
    const ids = async (role: Role, path: string): Promise<Set<string>> => {
      const res = await t.http().get(path).set(auth(tokens[role])).expect(200);
      const items: { id: string }[] = Array.isArray(res.body) ? res.body : res.body.items;
      return new Set(items.map((i) => i.id));
    };
    const problems: string[] = [];
    for (const role of Object.keys(ROLES) as Role[]) {
      const lists: [string, string, ResourceKind, (fx: ScopeFixtures) => string[]][] = [
        ['systems', '/api/v1/systems?pageSize=200', 'system', (fx) => [fx.systemId]],
        ['dossiers', '/api/v1/dossiers?pageSize=200', 'dossier', (fx) => [fx.draftId, fx.submittedId]],
        ['agencies', '/api/v1/agencies?pageSize=200', 'agency', (fx) => [fx.agencyId]],
        ['campaigns', '/api/v1/campaigns', 'campaign', (fx) => [fx.campaignId]],
        ['notifications', '/api/v1/notifications?pageSize=200', 'notification', (fx) => [fx.notificationOf(role)]],
      ];
      for (const [name, path, kind, of] of lists) {
        const seen = await ids(role, path);
        for (const scope of SCOPES) {
          for (const id of of(fixtures[scope])) {
            if (seen.has(id) !== visible(kind, role, scope))
              problems.push(`${name} as ${role}: ${scope} item ${seen.has(id) ? 'listed' : 'missing'}`);
          }
        }
      }
    }
    // The appraisal queue of Công an tỉnh Sơn La: the province's submitted dossiers, not Lào Cai's.
    const queue = await ids('APPRAISER', '/api/v1/appraisal-queue?pageSize=200');
    expect([fixtures.ownAgency, fixtures.sameProvince, fixtures.otherProvince].map((fx) => queue.has(fx.submittedId))).toEqual([
      true,
      true,
      false,
    ]);
    expect(problems).toEqual([]);
  });

  it('the action routes: each role × scope is offered what dossierActorRoles and the transition table say, and refused the rest with the current version, writing nothing', async () => {
    const problems: string[] = [];
    let offered = 0;
    let refused = 0;
    for (const role of Object.keys(ROLES) as Role[]) {
      const [user] = await t.db.query(
        `SELECT u.role, u.agency_id AS "agencyId", a.province_code AS "provinceCode" FROM users u LEFT JOIN agencies a ON a.id = u.agency_id WHERE u.username = $1`,
        [ROLES[role]],
      );
      for (const scope of SCOPES) {
        if (!visible('dossier', role, scope)) continue; // out of scope: hidden (404), as the matrix above proves
        for (const id of [fixtures[scope].draftId, fixtures[scope].submittedId]) {
          const cell = `${role} on ${scope} dossier ${id}`;
          const row = await dossierRow(id);
          const want = availableActions(routingOf(row), dossierActorRoles(user, row));
          const dto = (await t.http().get(`/api/v1/dossiers/${id}`).set(auth(tokens[role])).expect(200)).body;
          if (JSON.stringify(dto.availableActions) !== JSON.stringify(want))
            problems.push(`${cell}: offered ${JSON.stringify(dto.availableActions)}, expected ${JSON.stringify(want)}`);
          offered += want.length;
          for (const action of DOSSIER_ACTIONS.filter((a) => a !== 'supersede' && !want.includes(a))) {
            const before = await t.db.query(
              `SELECT (SELECT count(*)::int FROM audit_log) AS audits, (SELECT version FROM dossiers WHERE id = $1) AS version`,
              [id],
            );
            const body = { ...RECIPES[`POST /api/v1/dossiers/:id/actions/${action}`].body!(fixtures[scope], role), version: row.version };
            const res = await t.http().post(`/api/v1/dossiers/${id}/actions/${action}`).set(auth(tokens[role])).send(body);
            const refusal =
              (res.status === 403 && ['FORBIDDEN', 'DOSSIER_ACTION_FORBIDDEN'].includes(res.body.code)) ||
              (res.status === 409 && ['DOSSIER_INVALID_TRANSITION', 'DOSSIER_WRONG_PROCEDURE'].includes(res.body.code));
            if (!refusal) problems.push(`${cell}: ${action} not offered but answered ${res.status} ${res.body.code ?? ''}`);
            const after = await t.db.query(
              `SELECT (SELECT count(*)::int FROM audit_log) AS audits, (SELECT version FROM dossiers WHERE id = $1) AS version`,
              [id],
            );
            if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`${cell}: refused ${action} but wrote`);
            refused++;
          }
        }
      }
    }
    expect(problems).toEqual([]);
    // Both sides were exercised: some actions offered (officers, the routed appraiser) and many refused.
    expect(offered).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(offered);
  });

  /** The facts the actor decision and the table read, straight from the row. */
  async function dossierRow(id: string) {
    const [row] = await t.db.query(
      `SELECT status, proposed_level AS "proposedLevel", version, owner_agency_id AS "ownerAgencyId", operator_agency_id AS "operatorAgencyId", province_code AS "provinceCode",
              appraiser_agency_id AS "appraiserAgencyId", appraiser_name AS "appraiserName", approver_kind AS "approverKind", approver_agency_id AS "approverAgencyId",
              specialised_unit_agency_id AS "specialisedUnitAgencyId", regime, classification, national_listing AS "nationalListing"
         FROM dossiers WHERE id = $1`,
      [id],
    );
    return row;
  }
});
