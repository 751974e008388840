import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

describe('agencies', () => {
  let t: TestApp;
  let admin: string;
  let leader: string;
  let officer: string;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const idOf = async (code: string): Promise<string> => (await t.db.query(`SELECT id FROM agencies WHERE code = $1`, [code]))[0].id;

  beforeAll(async () => {
    t = await createTestApp();
    [admin, leader, officer] = await Promise.all([t.login('admin'), t.login('lanhdao'), t.login('canbo.sl-so-xd')]);
  });
  afterAll(() => t.close());

  describe('list and search', () => {
    it('shows a leader the whole province, sorted in Vietnamese order', async () => {
      const res = await t.http().get('/api/v1/agencies?pageSize=200').set(auth(leader)).expect(200);
      expect(res.body.total).toBe(95);
      const names: string[] = res.body.items.map((a: { name: string }) => a.name);
      expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    });

    it('finds agencies with or without diacritics, and "d" matches "đ"', async () => {
      for (const q of ['chieng coi', 'Chiềng Cơi', 'CHIENG COI']) {
        const res = await t.http().get('/api/v1/agencies').query({ q }).set(auth(leader)).expect(200);
        expect(res.body.items.map((a: { name: string }) => a.name)).toEqual(['UBND phường Chiềng Cơi']);
      }
      const dan = await t.http().get('/api/v1/agencies').query({ q: 'dan toc' }).set(auth(leader)).expect(200);
      expect(dan.body.items.map((a: { code: string }) => a.code)).toEqual(['SL-SO-DTTG']);
    });

    it('filters by kind, parent and status, and paginates', async () => {
      const wards = await t.http().get('/api/v1/agencies?kind=ward&pageSize=5&page=2').set(auth(leader)).expect(200);
      expect(wards.body).toMatchObject({ total: 8, page: 2, pageSize: 5 });
      expect(wards.body.items).toHaveLength(3);
      const underHealth = await t
        .http()
        .get('/api/v1/agencies')
        .query({ parentId: await idOf('SL-SO-YT') })
        .set(auth(leader))
        .expect(200);
      expect(underHealth.body.items.map((a: { code: string }) => a.code)).toEqual(['SL-BV-DKT']);
      const merged = await t.http().get('/api/v1/agencies?status=MERGED').set(auth(leader)).expect(200);
      expect(merged.body.total).toBe(0);
    });

    it('shows an officer only its own agency', async () => {
      const res = await t.http().get('/api/v1/agencies').set(auth(officer)).expect(200);
      expect(res.body.items.map((a: { code: string }) => a.code)).toEqual(['SL-SO-XD']);
      expectProblem(
        await t
          .http()
          .get(`/api/v1/agencies/${await idOf('SL-SO-YT')}`)
          .set(auth(officer)),
        404,
        'NOT_FOUND',
      );
      await t
        .http()
        .get(`/api/v1/agencies/${await idOf('SL-SO-XD')}`)
        .set(auth(officer))
        .expect(200);
    });

    it('returns the tree: the province committee with its departments and communes', async () => {
      const res = await t.http().get('/api/v1/agencies/tree').set(auth(leader)).expect(200);
      const root = res.body.find((n: { code: string }) => n.code === 'SL-UBND');
      expect(root.children.length).toBeGreaterThan(80);
      const health = root.children.find((n: { code: string }) => n.code === 'SL-SO-YT');
      expect(health.children.map((n: { code: string }) => n.code)).toEqual(['SL-BV-DKT']);
    });

    it('rejects bad filters with 422 and unknown ids with 404', async () => {
      expectProblem(await t.http().get('/api/v1/agencies?kind=castle').set(auth(leader)), 422, 'VALIDATION_FAILED');
      expectProblem(await t.http().get('/api/v1/agencies?pageSize=10000').set(auth(leader)), 422, 'VALIDATION_FAILED');
      expectProblem(await t.http().get('/api/v1/agencies?page=abc').set(auth(leader)), 422, 'VALIDATION_FAILED');
      expectProblem(await t.http().get('/api/v1/agencies/not-a-uuid').set(auth(leader)), 404, 'NOT_FOUND');
      expectProblem(await t.http().get('/api/v1/agencies/00000000-0000-4000-8000-000000000000').set(auth(leader)), 404, 'NOT_FOUND');
    });
  });

  describe('create and update (administrators)', () => {
    it('creates an agency under a parent, NFC-normalised, with an audit row in the same request', async () => {
      const parentId = await idOf('SL-UBND');
      const res = await t
        .http()
        .post('/api/v1/agencies')
        .set(auth(admin))
        .set('X-Correlation-Id', 'create-agency-0001')
        .send({ code: 'sl-tt-dl', name: 'Trung tâm Dữ liệu tỉnh'.normalize('NFD'), kind: 'public_unit', parentId })
        .expect(201);
      expect(res.body).toMatchObject({
        code: 'SL-TT-DL',
        name: 'Trung tâm Dữ liệu tỉnh',
        provinceCode: 'SL',
        status: 'ACTIVE',
        version: 1,
        parentId,
      });
      const audit = await t.http().get('/api/v1/audit').query({ entityType: 'agency', entityId: res.body.id }).set(auth(admin)).expect(200);
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0]).toMatchObject({
        action: 'CREATE',
        actorUsername: 'admin',
        correlationId: 'create-agency-0001',
        before: null,
        after: { code: 'SL-TT-DL' },
      });
    });

    it('refuses a duplicate code with 409 and writes nothing', async () => {
      const before = await countRows(t.db, 'agencies');
      const audits = await countRows(t.db, 'audit_log');
      expectProblem(
        await t
          .http()
          .post('/api/v1/agencies')
          .set(auth(admin))
          .send({ code: 'SL-SO-XD', name: 'Trùng', kind: 'department', provinceCode: 'SL' }),
        409,
        'DUPLICATE',
      );
      expect(await countRows(t.db, 'agencies')).toBe(before);
      expect(await countRows(t.db, 'audit_log')).toBe(audits);
    });

    it('refuses bad input with field errors and writes nothing', async () => {
      const before = await countRows(t.db, 'agencies');
      const res = await t.http().post('/api/v1/agencies').set(auth(admin)).send({ code: 'bad code!', name: '', kind: 'castle', extra: 1 });
      const body = expectProblem(res, 422, 'VALIDATION_FAILED');
      expect(Object.keys(body.errors as object).sort()).toEqual(['code', 'extra', 'kind', 'name']);
      expectProblem(
        await t.http().post('/api/v1/agencies').set(auth(admin)).send({ code: 'SL-X', name: 'Không có tỉnh', kind: 'other' }),
        422,
        'VALIDATION_FAILED',
      );
      expectProblem(
        await t
          .http()
          .post('/api/v1/agencies')
          .set(auth(admin))
          .send({ code: 'SL-Y', name: 'Cha lạ', kind: 'other', parentId: '00000000-0000-4000-8000-000000000000' }),
        422,
        'AGENCY_PARENT_INVALID',
      );
      expect(await countRows(t.db, 'agencies')).toBe(before);
    });

    it('updates with the version read; a stale version gets 409 and loses nothing', async () => {
      const id = await idOf('SL-SO-NGV');
      const first = await t
        .http()
        .patch(`/api/v1/agencies/${id}`)
        .set(auth(admin))
        .send({ version: 1, name: 'Sở Ngoại vụ tỉnh Sơn La' })
        .expect(200);
      expect(first.body).toMatchObject({ name: 'Sở Ngoại vụ tỉnh Sơn La', version: 2 });
      expectProblem(
        await t.http().patch(`/api/v1/agencies/${id}`).set(auth(admin)).send({ version: 1, name: 'Ghi đè' }),
        409,
        'VERSION_CONFLICT',
      );
      const now = await t.http().get(`/api/v1/agencies/${id}`).set(auth(admin)).expect(200);
      expect(now.body.name).toBe('Sở Ngoại vụ tỉnh Sơn La');
      const search = await t.http().get('/api/v1/agencies').query({ q: 'ngoai vu tinh son la' }).set(auth(admin)).expect(200);
      expect(search.body.total).toBe(1);
      const audit = await t.http().get('/api/v1/audit').query({ entityId: id, action: 'UPDATE' }).set(auth(admin)).expect(200);
      expect(audit.body.items[0]).toMatchObject({
        before: { name: 'Sở Ngoại vụ', version: 1 },
        after: { name: 'Sở Ngoại vụ tỉnh Sơn La', version: 2 },
      });
    });

    it('records a merger: status, end date and successor', async () => {
      const id = await idOf('SL-TT-XTDT');
      const successorId = await idOf('SL-SO-TC');
      const res = await t
        .http()
        .patch(`/api/v1/agencies/${id}`)
        .set(auth(admin))
        .send({ version: 1, status: 'MERGED', validTo: '2026-06-30', successorId })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'MERGED', validTo: '2026-06-30', successorId });
    });

    it('refuses a parent that would make a cycle', async () => {
      const ubnd = await idOf('SL-UBND');
      const child = await idOf('SL-SO-YT');
      const version = (await t.http().get(`/api/v1/agencies/${ubnd}`).set(auth(admin))).body.version;
      expectProblem(
        await t.http().patch(`/api/v1/agencies/${ubnd}`).set(auth(admin)).send({ version, parentId: child }),
        422,
        'AGENCY_PARENT_INVALID',
      );
    });

    it('forbids writes by leaders and officers', async () => {
      const id = await idOf('SL-SO-XD');
      expectProblem(
        await t.http().post('/api/v1/agencies').set(auth(leader)).send({ code: 'SL-Z', name: 'Z', kind: 'other', provinceCode: 'SL' }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await t.http().patch(`/api/v1/agencies/${id}`).set(auth(officer)).send({ version: 1, name: 'Đổi tên' }),
        403,
        'FORBIDDEN',
      );
    });
  });

  describe('audit log', () => {
    it('is for administrators only and filterable', async () => {
      expectProblem(await t.http().get('/api/v1/audit').set(auth(leader)), 403, 'FORBIDDEN');
      expectProblem(await t.http().get('/api/v1/audit?from=yesterday').set(auth(admin)), 422, 'VALIDATION_FAILED');
      const res = await t
        .http()
        .get('/api/v1/audit')
        .query({ entityType: 'agency', action: 'CREATE', from: '2000-01-01' })
        .set(auth(admin))
        .expect(200);
      expect(res.body.items.every((e: { action: string }) => e.action === 'CREATE')).toBe(true);
    });
  });
});
