import { createHmac, randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { createCompleteDossier, createSystem, LEVEL2_FACTS, PDF } from '../support/dossier-fixtures';
import { createTestApp, TestApp } from '../support/test-app';
import {
  deeplyNested,
  encodeComponent,
  hugeString,
  INJECTIONS,
  nastyString,
  PROTO_KEYS,
  UNICODE,
  withOwnKeys,
  wrongTypeValue,
} from './support/nasty-input';
import { OpenApiDocument, Operation, operations, resolve, sampleValue, SchemaObject } from './support/openapi';
import { pick, recordFigures } from './support/reliability-env';

/**
 * Bad input, generated with fast-check from the OpenAPI document, to every endpoint: wrong types, huge strings,
 * unicode edge cases, injection strings, prototype-pollution keys, missing and extra fields, bad path ids, bad
 * tokens. A request built to be wrong must get a 4xx problem+json with a `code` and write nothing; no request, wrong
 * or merely strange, may get a 5xx.
 */
const RUNS_PER_OPERATION = pick(8, 150);
const SEED = Number(process.env.CAPDO_FUZZ_SEED ?? 9457);

jest.setTimeout(pick(120_000, 1_800_000));

interface Case {
  kind: string;
  /** Built to be refused: must be a 4xx that writes nothing. Otherwise only "never a 5xx" holds. */
  mustFail: boolean;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | FormData;
}

describe('bad input: generated requests to every endpoint of the OpenAPI document', () => {
  let t: TestApp;
  let base: string;
  let doc: OpenApiDocument;
  let admin: string;
  let fingerprintSql: string;
  const pathValues: Record<string, string> = {};
  const figures = {
    operations: 0,
    requests: 0,
    mustFail: 0,
    refused4xx: 0,
    accepted2xx: 0,
    serverErrors: 0,
    byKind: {} as Record<string, number>,
  };

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    doc = (await t.http().get('/api/docs-json').expect(200)).body;
    admin = await t.login('admin');
    const officer = await t.login('canbo.sl-so-xd');
    const systemId = await createSystem(t, officer, 'SL-SO-XD', 'FUZZ-1', 'Hệ thống thử dữ liệu xấu');
    const draft = await createCompleteDossier(t, officer, systemId, LEVEL2_FACTS);
    const submittedSystem = await createSystem(t, officer, 'SL-SO-XD', 'FUZZ-2', 'Hệ thống thử dữ liệu xấu 2');
    const submitted = await createCompleteDossier(t, officer, submittedSystem, LEVEL2_FACTS);
    await t
      .http()
      .post(`/api/v1/dossiers/${submitted.id}/actions/submit`)
      .set({ authorization: `Bearer ${officer}` })
      .send({ version: submitted.version })
      .expect(200);
    const one = async (sql: string) => (await t.db.query(sql))[0]?.id as string;
    Object.assign(pathValues, {
      system: systemId,
      dossier: draft.id,
      submittedDossier: submitted.id,
      attachmentId: await one(`SELECT id FROM dossier_attachments WHERE dossier_id = '${draft.id}' LIMIT 1`),
      agency: await one(`SELECT id FROM agencies WHERE code = 'SL-SO-XD'`),
      routingRule: await one(`SELECT id FROM routing_rules LIMIT 1`),
      campaign: await one(`SELECT id FROM campaigns LIMIT 1`),
      notification: (await one(`SELECT id FROM notifications LIMIT 1`)) ?? randomUUID(),
      parentAgency: await one(`SELECT id FROM agencies WHERE code = 'SL-UBND'`),
      planItem: await one(
        `INSERT INTO plan_items (system_id, dossier_id, requirement_id, section, title, status) VALUES ('${systemId}', '${draft.id}', 'TT12.L2.QL.1.1.1', 'b', 'Hạng mục thử', 'NOT_STARTED') RETURNING id`,
      ),
      incident: await one(
        `INSERT INTO incidents (system_id, detected_at, severity, title) VALUES ('${systemId}', '2026-11-20T01:00:00Z', 'SERIOUS', 'Sự cố thử') RETURNING id`,
      ),
      // An officer for /api/v1/users/:id… (src/users, issue 22 A): never the administrator the cases are sent as.
      account: await one(
        `INSERT INTO users (username, password_hash, full_name, role, agency_id) SELECT 'canbo.fuzz', 'x', 'Cán bộ thử', 'AGENCY_OFFICER', id FROM agencies WHERE code = 'SL-SO-XD' RETURNING id`,
      ),
      // A single sign-on role mapping (src/auth/oidc) for PATCH/DELETE /api/v1/sign-in/role-mappings/:id.
      roleMapping: await one(`INSERT INTO oidc_role_mappings (claim_value, role) VALUES ('nhom-thu', 'AGENCY_OFFICER') RETURNING id`),
    });
    pathValues.planEvidence = await one(
      `INSERT INTO plan_item_evidence (plan_item_id, file_name, media_type, size_bytes, sha256, content) VALUES ('${pathValues.planItem}', 'x.pdf', 'application/pdf', 3, repeat('0', 64), '\\x414243') RETURNING id`,
    );
    // An inspection with a finding on the fuzzed system (src/inspections).
    pathValues.inspection = await one(
      `INSERT INTO inspections (system_id, kind, performed_on, performer, method) VALUES ('${systemId}', 'PERIODIC', '2026-11-02', 'Đơn vị thử', 'GRAY_BOX') RETURNING id`,
    );
    pathValues.finding = await one(
      `INSERT INTO inspection_findings (inspection_id, system_id, description, due_on) VALUES ('${pathValues.inspection}', '${systemId}', 'Tồn tại thử', '2027-01-01') RETURNING id`,
    );
    // An open re-determination flag on the fuzzed system (src/redetermination).
    pathValues.flag = await one(
      `INSERT INTO redetermination_flags (system_id, source, approved_level, computed_level, regime) VALUES ('${systemId}', 'AUTO_EDIT', 2, 3, 'ND331') RETURNING id`,
    );
    // Row counts of every table, and the sum of the versions where there is one: a refused request changes neither.
    const tables: { table_name: string; versioned: boolean }[] = await t.db.query(
      `SELECT c.table_name, bool_or(c.column_name = 'version') AS versioned FROM information_schema.columns c
        JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
       WHERE c.table_schema = 'public' GROUP BY c.table_name ORDER BY c.table_name`,
    );
    fingerprintSql = tables
      .map(
        (tb) =>
          `SELECT '${tb.table_name}' AS t, count(*)::text || '/' || ${tb.versioned ? 'coalesce(sum(version), 0)::text' : `''`} AS v FROM "${tb.table_name}"`,
      )
      .join(' UNION ALL ');
  });

  afterAll(async () => {
    recordFigures('bad-input', { runsPerOperation: RUNS_PER_OPERATION, seed: SEED, ...figures });
    await t.close();
  });

  async function fingerprint(): Promise<Record<string, string>> {
    return Object.fromEntries((await t.db.query(fingerprintSql)).map((r: { t: string; v: string }) => [r.t, r.v]));
  }

  /** A real id for each path parameter, by the resource the path names. */
  function validPathValue(op: Operation, param: string): string {
    if (param === 'attachmentId') return pathValues.attachmentId;
    if (param === 'flagId') return pathValues.flag;
    if (param === 'inspectionId') return pathValues.inspection;
    if (param === 'findingId') return pathValues.finding;
    if (param === 'itemId') return pathValues.planItem;
    if (param === 'fileId') return pathValues.planEvidence;
    if (param === 'number') return '1';
    if (param === 'day') return '2026-12-24';
    if (param === 'regime') return 'ND331';
    if (param === 'file') return 'mau-01.pdf';
    if (param === 'incidentId') return pathValues.incident;
    if (param === 'format') return 'pdf';
    if (param === 'year') return '2026';
    const resource = op.path.split('/')[3];
    const byResource: Record<string, string> = {
      systems: pathValues.system,
      dossiers: op.path.includes('revisions') || op.path.includes('history') ? pathValues.submittedDossier : pathValues.dossier,
      agencies: pathValues.agency,
      'routing-rules': pathValues.routingRule,
      campaigns: pathValues.campaign,
      notifications: pathValues.notification,
      'sign-in': pathValues.roleMapping,
      users: pathValues.account,
    };
    return byResource[resource] ?? randomUUID();
  }

  /** A body the endpoint would accept, as far as the fixtures allow: the base the generated defects are put into. */
  function validBody(op: Operation): Record<string, unknown> {
    const unique = `FZ-${Math.floor(Math.random() * 1e9)}`;
    const known: Record<string, Record<string, unknown>> = {
      LoginDto: { username: `khong.co.${unique.toLowerCase()}`, password: 'sai-mat-khau' },
      // A wrong current password: no generated case may change the administrator's password (issue 22 D).
      PasswordChangeDto: { currentPassword: 'sai-mat-khau-fuzz', newPassword: 'nui-rung-tay-bac-hoa-ban' },
      CreateSystemDto: {
        code: unique,
        name: 'Hệ thống thử',
        ownerAgencyId: pathValues.agency,
        systemType: 'INTERNAL',
        infoTypes: ['PRIVATE'],
        lifecycle: 'IN_OPERATION',
      },
      UpdateSystemDto: { version: 1, name: 'Hệ thống thử' },
      RetireSystemDto: { version: 1, retiredAt: '2026-06-30', reason: 'Thay thế' },
      CreateDossierDto: { systemId: pathValues.system, facts: LEVEL2_FACTS },
      UpdateDossierDto: { version: 1, levelJustification: 'Thuyết minh' },
      RecordTriggerDto: { source: 'SPLIT_MERGE', note: 'Căn cứ thử' },
      DismissFlagDto: { version: 1, reason: 'Không cần xác định lại' },
      UpdateFindingDto: { version: 1, status: 'DONE', resolvedOn: '2026-11-20', note: 'Đã khắc phục' },
      NewPolicyVersionDto: {
        rules: [1, 2, 3, 4, 5].map((level) => ({ level, intervalMonths: level >= 3 ? 12 : 24, requiresIndependent: level >= 3 })),
        note: 'Phiên bản thử',
      },
      UpdatePlanItemDto: { version: 1, status: 'IN_PROGRESS' },
      CreateAgencyDto: { code: unique, name: 'Cơ quan thử', kind: 'other', parentId: pathValues.parentAgency },
      UpdateAgencyDto: { version: 1, name: 'Sở Xây dựng' },
      EvaluateRequestDto: { facts: LEVEL2_FACTS },
      PutCalendarDayDto: { kind: 'HOLIDAY', name: 'Ngày nghỉ thử' },
      CreateAccountDto: { username: unique.toLowerCase(), fullName: 'Tài khoản thử', role: 'AGENCY_OFFICER', agencyId: pathValues.agency },
      UpdateAccountDto: { version: 1, title: 'Chuyên viên' },
      CreateRoleMappingDto: { claimValue: unique, role: 'AGENCY_OFFICER' },
      UpdateRoleMappingDto: { role: 'LEADER' },
      CreateCampaignDto: {
        number: unique,
        issuedOn: '2026-01-13',
        issuer: 'UBND tỉnh',
        title: 'Chiến dịch thử',
        deadline: '2026-02-15',
        target: 'SUBMITTED',
      },
      ReturnDto: { version: 1, items: ['Bổ sung'] },
      AppraiseDto: { version: 1, conclusion: 'SUITABLE' },
      ApproveDto: { version: 1, decisionNumber: '1/QĐ', decisionDate: '2026-11-20', signerName: 'A', signerTitle: 'B', level: 2 },
      // The procedure by level (issue 18): request-opinion and owner-submit take an ActionDto.
      ActionDto: { version: 1, note: 'Kính gửi' },
      GiveOpinionDto: {
        version: 1,
        conclusion: 'SUITABLE',
        opinions: 'Nhất trí đề xuất',
        opinionNumber: '45/CAT-PA05',
        opinionDate: '2026-11-12',
      },
      RequestApprovalDto: { version: 1, submissionNumber: '12/TTr-SXD' },
      RequestListingDto: { version: 1, requestNumber: '88/UBND-NC', requestDate: '2026-11-20' },
      RecordAnnualSubmissionDto: { stage: 'OWNER_TO_MINISTRY', sentOn: '2026-12-01', documentNumber: unique },
      CreateIncidentDto: { detectedAt: '2026-11-20T08:00:00+07:00', severity: 'SERIOUS', title: 'Mã độc trên máy chủ' },
      UpdateIncidentDto: { version: 1, actions: 'Cô lập máy chủ' },
      IndependentAppraiserDto: {
        version: 1,
        kind: 'COUNCIL',
        name: 'Hội đồng thẩm định độc lập',
        decisionNumber: '15/QĐ-CAT',
        decisionDate: '2026-11-02',
        members: [{ name: 'Nguyễn Văn A', title: 'Chủ tịch Hội đồng' }],
      },
    };
    return { ...((op.body?.name && known[op.body.name]) ?? (sampleValue(doc, op.body?.schema) as Record<string, unknown>)) };
  }

  function url(op: Operation, values: Record<string, string>, query: string): string {
    return `${base}${op.path.replace(/\{(\w+)\}/g, (_, p) => values[p])}${query ? `?${query}` : ''}`;
  }

  function jsonCase(op: Operation, kind: string, mustFail: boolean, body: string, extra: Partial<Case> = {}): Case {
    const values = Object.fromEntries(op.pathParams.map((p) => [p, encodeComponent(validPathValue(op, p))]));
    return printable({
      kind,
      mustFail,
      method: op.method,
      url: url(op, values, ''),
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body,
      ...extra,
    });
  }

  /** fast-check prints counterexamples with this: a 2 MB body is shown by its start and length. */
  function printable(c: Case): Case {
    Object.defineProperty(c, fc.toStringMethod, { value: () => describeCase(c), enumerable: false });
    return c;
  }

  const typedProperties = (schema: SchemaObject) =>
    Object.entries(schema.properties ?? {})
      .map(([name, raw]) => [name, resolve(doc, raw)] as const)
      .filter(([, s]) => s.enum || ['string', 'number', 'integer', 'boolean', 'array'].includes(s.type ?? ''));

  /** Every way this endpoint's request can be made wrong (must fail), or strange but well-formed (may pass). */
  function casesFor(op: Operation): fc.Arbitrary<Case> {
    const arbitraries: fc.Arbitrary<Case>[] = [];
    const schema = op.body?.schema;
    const required = schema?.required ?? [];
    if (schema) {
      const typed = typedProperties(schema);
      if (typed.length) {
        arbitraries.push(
          fc.constantFrom(...typed).chain(([name, s]) =>
            (s.enum
              ? fc.oneof(
                  fc.string({ minLength: 1, maxLength: 8 }).map((v) => `NOT_${v}`),
                  wrongTypeValue(s.type === 'array' ? 'array' : 'string', required.includes(name)),
                )
              : wrongTypeValue(s.type, required.includes(name))
            ).map((value) => jsonCase(op, 'body: wrong type', true, JSON.stringify({ ...validBody(op), [name]: value }))),
          ),
        );
        arbitraries.push(
          fc
            .tuple(
              fc.constantFrom(...typed),
              hugeString.filter((s) => s.length * 3 > 1_100_000),
            )
            .map(([[name], huge]) => jsonCase(op, 'body: huge string', true, JSON.stringify({ ...validBody(op), [name]: huge }))),
        );
      }
      arbitraries.push(
        fc
          .oneof(
            fc.constantFrom(...PROTO_KEYS),
            fc.constantFrom('isAdmin', 'role', 'id', 'createdAt', 'provinceCode', 'status'),
            fc.string({ minLength: 1, maxLength: 10 }),
          )
          .filter((key) => !(key in (schema.properties ?? {})))
          .chain((key) =>
            fc
              .oneof(fc.constant<unknown>({ isAdmin: true }), nastyString, fc.integer())
              .map((value) => jsonCase(op, `body: extra field`, true, JSON.stringify(withOwnKeys(validBody(op), [key], value)))),
          ),
      );
      if (required.length) {
        arbitraries.push(
          fc.constantFrom(...required).map((name) => {
            const body = validBody(op);
            delete body[name];
            return jsonCase(op, 'body: missing field', true, JSON.stringify(body));
          }),
          fc
            .constantFrom(
              '[]',
              '[{}]',
              '"x"',
              '1',
              'null',
              'true',
              '{"a":',
              '{"a":1}}',
              '{}garbage',
              '\uFEFF{}',
              '',
              deeplyNested(3000),
              `{"x":${'['.repeat(3000)}${']'.repeat(3000)}}`,
            )
            .map((raw) => jsonCase(op, 'body: not an object', true, raw)),
          fc
            .constantFrom('application/json; charset=latin1', 'text/plain', 'application/xml', 'application/x-www-form-urlencoded')
            .map((type) => {
              const c = jsonCase(op, 'body: wrong content type', true, JSON.stringify(validBody(op)));
              c.headers['content-type'] = type;
              return c;
            }),
        );
      }
      // Strange but well-formed: one text field, or the free-form facts, carries injection or unicode payloads.
      const texts = Object.entries(schema.properties ?? {}).filter(
        ([, raw]) => ['string', 'object'].includes(resolve(doc, raw).type ?? '') && !resolve(doc, raw).enum,
      );
      if (texts.length) {
        arbitraries.push(
          fc
            .tuple(
              fc.constantFrom(...texts.map(([n]) => n)),
              fc.oneof(
                nastyString,
                fc.constantFrom<unknown>(
                  withOwnKeys({ systemType: 'INTERNAL', infoTypes: ['PRIVATE'] }, ['__proto__', 'constructor'], { polluted: true }),
                  { a: '\u0000', 'b\u0000': 1 },
                  { infoTypes: ['\uD800'] },
                ),
              ),
            )
            .map(([name, value]) => jsonCase(op, 'body: nasty value', false, JSON.stringify({ ...validBody(op), [name]: value }))),
        );
      }
    }
    if (op.multipart) {
      arbitraries.push(
        fc
          .record({
            kind: fc.oneof(
              fc.constantFrom('DESIGN_DOCUMENT', 'OTHER'),
              nastyString.filter((s) => s.length < 1000),
            ),
            name: nastyString.filter((s) => s.length < 5000),
            pdf: fc.boolean(),
          })
          .map(({ kind, name, pdf }) => {
            const form = new FormData();
            form.append('kind', kind);
            form.append('file', new Blob([pdf ? PDF : Buffer.from('MZ\x90\x00 not a document')]), name.replace(/[\r\n"]/g, '') || 'x');
            const c = jsonCase(op, 'multipart: nasty upload', false, '');
            c.body = form;
            delete c.headers['content-type'];
            return c;
          }),
        fc
          .tuple(
            fc.constantFrom('__proto__[polluted]', 'constructor[prototype][polluted]', '__proto__', 'prototype', 'extra', 'kind[]'),
            fc.oneof(
              nastyString.filter((s) => s.length < 1000),
              fc.constant('yes'),
            ),
          )
          .map(([field, value]) => {
            const form = new FormData();
            form.append('kind', 'OTHER');
            form.append(field, value);
            form.append('file', new Blob([PDF]), 'x.pdf');
            const c = jsonCase(op, 'multipart: extra field', true, '');
            c.body = form;
            delete c.headers['content-type'];
            return c;
          }),
        fc.constant(0).map(() => {
          const c = jsonCase(op, 'multipart: no file', true, '');
          const form = new FormData();
          form.append('kind', 'DESIGN_DOCUMENT');
          c.body = form;
          delete c.headers['content-type'];
          return c;
        }),
      );
    }
    if (op.multipart?.properties?.decisionNumber) arbitraries.push(decisionCases(op, op.multipart));
    if (op.pathParams.length) {
      const badIds = fc.oneof(
        fc.uuid().map((u) => encodeComponent(u)),
        nastyString.filter((s) => s.length < 4000 && s.length > 0).map(encodeComponent),
        fc.constantFrom(
          '%E0%A4%A',
          '%',
          '%00',
          '%C0%AF',
          '..%2F..%2Fetc%2Fpasswd',
          '00000000-0000-0000-0000-000000000000',
          'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
          '-1',
          '0',
          '99999999999999999999',
          '1.5',
          '2026-02-30',
          'ND86',
          'x'.repeat(6000),
        ),
      );
      arbitraries.push(
        fc.tuple(fc.constantFrom(...op.pathParams), badIds).map(([param, bad]) => {
          const values = Object.fromEntries(op.pathParams.map((p) => [p, p === param ? bad : encodeComponent(validPathValue(op, p))]));
          const c: Case = printable({
            kind: 'path: bad id',
            mustFail: true,
            method: op.method,
            url: url(op, values, ''),
            headers: { authorization: `Bearer ${admin}` },
          });
          if (schema) {
            c.headers['content-type'] = 'application/json';
            c.body = JSON.stringify(validBody(op));
          }
          return c;
        }),
      );
    }
    const typedQuery = op.query.filter(
      (q) =>
        q.schema.enum ||
        ['number', 'integer', 'boolean'].includes(q.schema.type ?? '') ||
        q.schema.minimum !== undefined ||
        /^\d{4}-\d{2}-\d{2}$/.test(String(q.schema.example ?? '')) ||
        ['asOf', 'from', 'to'].includes(q.name),
    );
    if (typedQuery.length) {
      arbitraries.push(
        fc
          .tuple(
            fc.constantFrom(...typedQuery),
            fc.oneof(
              fc.constantFrom('abc', '1.5', '--1', '1e999', 'NaN', '2026-02-30', '31/12/2026', 'NOT_A_VALUE', '%00'),
              nastyString.filter((s) => s.length < 4000 && !/^\d/.test(s) && s.trim() !== '' && s !== '-1'),
            ),
          )
          .map(([q, bad]) => {
            const values = Object.fromEntries(op.pathParams.map((p) => [p, encodeComponent(validPathValue(op, p))]));
            const required = op.query
              .filter((x) => x.required && x.name !== q.name)
              .map((x) => `${x.name}=${encodeComponent(String(sampleValue(doc, x.schema)))}`);
            const c: Case = printable({
              kind: 'query: bad value',
              mustFail: true,
              method: op.method,
              url: url(op, values, [...required, `${q.name}=${bad === '%00' ? bad : encodeComponent(bad)}`].join('&')),
              headers: { authorization: `Bearer ${admin}` },
            });
            if (schema) {
              c.headers['content-type'] = 'application/json';
              c.body = JSON.stringify(validBody(op));
            }
            return c;
          }),
      );
    }
    if (op.query.length) {
      arbitraries.push(
        fc
          .tuple(
            fc.constantFrom(...op.query),
            nastyString.filter((s) => s.length < 6000),
          )
          .map(([q, value]) => {
            const values = Object.fromEntries(op.pathParams.map((p) => [p, encodeComponent(validPathValue(op, p))]));
            const required = op.query
              .filter((x) => x.required && x.name !== q.name)
              .map((x) => `${x.name}=${encodeComponent(String(sampleValue(doc, x.schema)))}`);
            return printable({
              kind: 'query: nasty value',
              mustFail: false,
              method: op.method,
              url: url(op, values, [...required, `${q.name}=${encodeComponent(value)}`].join('&')),
              headers: { authorization: `Bearer ${admin}` },
            });
          }),
      );
    }
    if (op.path !== '/api/v1/auth/login' && op.path !== '/api/health') {
      arbitraries.push(
        fc.constantFrom(...badAuthorizations()).map((authorization) => {
          const c = jsonCase(op, 'auth: bad token', true, JSON.stringify(validBody(op)));
          if (!schema) {
            delete c.body;
            delete c.headers['content-type'];
          }
          if (authorization.startsWith('cookie:')) {
            delete c.headers.authorization;
            c.headers.cookie = authorization.slice('cookie:'.length);
          } else c.headers.authorization = authorization;
          return c;
        }),
      );
    }
    // Every endpoint, health included: odd correlation ids and Accept headers, which reach the middleware and the logs.
    arbitraries.push(
      fc
        .tuple(
          fc.oneof(fc.constantFrom(...INJECTIONS), fc.string({ maxLength: 200 })),
          fc.constantFrom('*/*', 'text/html', 'application/xml', 'application/problem+json;q=0.1, image/*'),
        )
        .map(([correlation, accept]) => {
          const c = jsonCase(op, 'headers: odd values', false, JSON.stringify(validBody(op)));
          if (!schema) {
            delete c.body;
            delete c.headers['content-type'];
          }
          c.headers['x-correlation-id'] = correlation.replace(/[^\x20-\x7e]/g, '');
          c.headers.accept = accept;
          return c;
        }),
    );
    return fc.oneof(...arbitraries);
  }

  /**
   * The decision actions (approve, approve-plan, record-listing): multipart with number, date, signer, title and the
   * signed PDF. One required field made wrong, the file missing or not a PDF: refused; a nasty note: never a 5xx.
   */
  function decisionCases(op: Operation, schema: SchemaObject): fc.Arbitrary<Case> {
    const fields = Object.keys(schema.properties ?? {});
    const valid: Record<string, string> = {
      version: '1',
      decisionNumber: '1/QĐ',
      decisionDate: '2026-11-20',
      signerName: 'Nguyễn Văn A',
      signerTitle: 'Giám đốc',
      ...(fields.includes('level') ? { level: '2' } : {}),
    };
    const wrong: Record<string, string[]> = {
      version: ['0', '-1', 'abc', '1.5', ''],
      decisionNumber: ['', '   ', 'x'.repeat(61)],
      // 2099: after today, refused unless confirmed (workflow/decision-date.ts).
      decisionDate: ['2026-02-30', '31/12/2026', 'hôm nay', '', '2099-12-31'],
      signerName: ['', 'x'.repeat(256)],
      signerTitle: ['', 'x'.repeat(256)],
      level: ['0', '9', 'ba'],
    };
    const form = (values: Record<string, string>, file: Buffer | null, name = 'quyet-dinh.pdf') => {
      const data = new FormData();
      for (const [key, value] of Object.entries(values)) data.append(key, value);
      if (file) data.append('file', new Blob([file]), name);
      return data;
    };
    const multipartCase = (kind: string, mustFail: boolean, body: FormData) => {
      const c = jsonCase(op, kind, mustFail, '');
      c.body = body;
      delete c.headers['content-type'];
      return c;
    };
    return fc.oneof(
      fc
        .constantFrom(...Object.keys(valid))
        .chain((field) => fc.constantFrom(...wrong[field]).map((value) => [field, value] as const))
        .map(([field, value]) => multipartCase('decision: wrong field', true, form({ ...valid, [field]: value }, PDF))),
      fc.constantFrom(...Object.keys(valid)).map((field) => {
        const { [field]: _missing, ...rest } = valid;
        return multipartCase('decision: missing field', true, form(rest, PDF));
      }),
      fc.constant(0).map(() => multipartCase('decision: no file', true, form(valid, null))),
      fc
        .constantFrom('có', '1', 'yes', '')
        .map((value) =>
          multipartCase('decision: confirmFutureDate not true/false', true, form({ ...valid, confirmFutureDate: value }, PDF)),
        ),
      fc
        .constantFrom(Buffer.from('GIF89a not a decision'), Buffer.from('MZ\x90\x00'), Buffer.alloc(0))
        .map((file) => multipartCase('decision: not a PDF', true, form(valid, file))),
      nastyString.filter((s) => s.length < 3000).map((note) => multipartCase('decision: nasty note', false, form({ ...valid, note }, PDF))),
    );
  }

  /** Tokens that must never authenticate: garbage, forged, unsigned, expired, for nobody, a session cookie on an API write. */
  function badAuthorizations(): string[] {
    const secret = process.env.JWT_SECRET!;
    const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const sign = (header: object, payload: object, key: string) => {
      const head = `${b64(header)}.${b64(payload)}`;
      return `${head}.${createHmac('sha256', key).update(head).digest('base64url')}`;
    };
    const [, payload] = admin.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const now = Math.floor(Date.now() / 1000);
    return [
      '',
      'Bearer',
      'Bearer ',
      'Bearer garbage',
      'Bearer a.b.c',
      `bearer ${admin}`,
      `Bearer ${admin}x`,
      `Bearer  ${admin}`,
      `Basic ${Buffer.from('admin:demo1234').toString('base64')}`,
      `Bearer ${sign({ alg: 'HS256', typ: 'JWT' }, claims, 'not-the-secret-not-the-secret-not-the-secret')}`,
      `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`,
      `Bearer ${sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, iat: now - 7200, exp: now - 3600 }, secret)}`,
      `Bearer ${sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, sub: randomUUID() }, secret)}`,
      `Bearer ${sign({ alg: 'HS256', typ: 'JWT' }, { ...claims, sub: "' OR 1=1 --" }, secret)}`,
      `Bearer ${sign({ alg: 'HS512', typ: 'JWT' }, claims, secret)}`,
      `Bearer ${'A'.repeat(7000)}`,
      `cookie:capdo_session=garbage`,
    ];
  }

  async function send(c: Case): Promise<{ status: number; type: string; text: string }> {
    const res = await fetch(c.url, {
      method: c.method,
      headers: c.headers,
      body: c.method === 'GET' || c.method === 'HEAD' ? undefined : c.body,
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  }

  function describeCase(c: Case): string {
    const body =
      typeof c.body === 'string'
        ? c.body.length > 200
          ? `${c.body.slice(0, 200)}… (${c.body.length} chars)`
          : c.body
        : c.body
          ? `[multipart: ${[...(c.body as FormData).keys()].join(', ')}]`
          : '';
    const auth =
      c.headers.authorization === `Bearer ${admin}`
        ? ''
        : ` [authorization: ${(c.headers.authorization ?? c.headers.cookie ?? '').slice(0, 60)}]`;
    return `${c.kind}: ${c.method} ${c.url.replace(base, '').slice(0, 200)}${c.url.length > 200 ? '…' : ''} ${body}${auth}`;
  }

  it('answers every generated request without a 5xx; wrong ones with a 4xx problem+json that writes nothing', async () => {
    const ops = operations(doc).filter((op) => op.path.startsWith('/api/'));
    expect(ops.length).toBeGreaterThan(40);
    let seed = SEED;
    const everyone = admin;
    for (const op of ops) {
      figures.operations++;
      // Signing out ends the session it is sent with: that operation runs on a session of its own (issue 22 D).
      admin =
        op.path === '/api/v1/auth/logout'
          ? (await t.http().post('/api/v1/auth/login').send({ username: 'admin', password: 'demo1234' }).expect(200)).body.accessToken
          : everyone;
      await fc.assert(
        fc.asyncProperty(casesFor(op), async (c) => {
          const before = await fingerprint();
          const res = await send(c);
          figures.requests++;
          figures.byKind[c.kind] = (figures.byKind[c.kind] ?? 0) + 1;
          if (c.mustFail) figures.mustFail++;
          if (res.status >= 500) figures.serverErrors++;
          const label = `${describeCase(c)} → ${res.status} ${res.text.slice(0, 300)}`;
          expect(Object.keys(Object.prototype)).toEqual([]);
          expect(({} as Record<string, unknown>).polluted ?? ({} as Record<string, unknown>).isAdmin).toBeUndefined();
          if (res.status >= 500) throw new Error(`5xx: ${label}`);
          if (c.mustFail && (res.status < 400 || res.status >= 500)) throw new Error(`accepted a request built to fail: ${label}`);
          if (res.status >= 400) {
            figures.refused4xx++;
            if (!res.type.includes('application/problem+json')) throw new Error(`not problem+json: ${label}`);
            const problem = JSON.parse(res.text);
            if (typeof problem.code !== 'string' || problem.status !== res.status) throw new Error(`problem without code/status: ${label}`);
            const after = await fingerprint();
            // A failed sign-in is counted (that is how throttling works) and audited; nothing else may change. A wrong
            // current password in a password change is a guess too, counted by the same throttle.
            if (op.path === '/api/v1/auth/login' || op.path === '/api/v1/auth/password') {
              for (const table of ['login_throttle', 'audit_log']) {
                delete before[table];
                delete after[table];
              }
            }
            if (JSON.stringify(after) !== JSON.stringify(before))
              throw new Error(`a refused request wrote: ${label}\n${JSON.stringify(diff(before, after))}`);
          } else figures.accepted2xx++;
        }),
        { numRuns: RUNS_PER_OPERATION, seed: seed++, endOnFailure: process.env.CAPDO_FUZZ_SHRINK !== '1' },
      );
    }
    admin = everyone;
    expect(figures.serverErrors).toBe(0);
  });

  it('keeps the unicode and injection payloads it accepts as NFC text, never as SQL', async () => {
    const officer = await t.login('canbo.sl-so-xd');
    for (const [i, value] of [...INJECTIONS, ...UNICODE.filter((u) => !u.includes('\u0000') && u.trim())].entries()) {
      const res = await fetch(`${base}/api/v1/systems`, {
        method: 'POST',
        headers: { authorization: `Bearer ${officer}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          code: `NASTY-${i}`,
          name: value.slice(0, 300) || 'x',
          ownerAgencyId: pathValues.agency,
          systemType: 'INTERNAL',
          infoTypes: ['PRIVATE'],
          lifecycle: 'IN_OPERATION',
        }),
      });
      figures.requests++;
      expect([201, 422]).toContain(res.status);
      if (res.status === 201) {
        const body = (await res.json()) as { id: string; name: string };
        const [{ name }] = await t.db.query(`SELECT name FROM systems WHERE id = $1`, [body.id]);
        expect(name).toBe(name.normalize('NFC'));
        expect(name).toBe(body.name);
      }
    }
    // The tables the injection strings named are all still there.
    expect((await t.db.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n).toBeGreaterThan(0);
  });
});

function diff(before: Record<string, string>, after: Record<string, string>): Record<string, [string, string]> {
  return Object.fromEntries(
    Object.keys({ ...before, ...after })
      .filter((k) => before[k] !== after[k])
      .map((k) => [k, [before[k], after[k]]]),
  );
}
