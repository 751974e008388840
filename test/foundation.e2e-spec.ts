import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

describe('foundation: health, OpenAPI, errors, correlation ids', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('reports health ok when the database answers', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.database.status).toBe('up');
  });

  it("takes Vietnam's day as the database's today, whatever the server's own zone", async () => {
    const vietnamToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const [{ today, zone }] = await t.db.query(`SELECT to_char(current_date, 'YYYY-MM-DD') AS today, current_setting('TimeZone') AS zone`);
    expect({ today, zone }).toEqual({ today: vietnamToday, zone: 'Asia/Ho_Chi_Minh' });
  });

  it('serves the OpenAPI document generated from the code, and Swagger UI', async () => {
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/agencies', '/api/v1/audit', '/api/health']),
    );
    const ui = await t.http().get('/api/docs/').expect(200);
    expect(ui.text).toContain('swagger');
  });

  it('answers unknown routes with a 404 problem', async () => {
    const body = expectProblem(await t.http().get('/api/v1/nothing-here'), 404, 'ROUTE_NOT_FOUND');
    expect(body.instance).toBe('/api/v1/nothing-here');
  });

  it('answers malformed JSON with 400, never 500', async () => {
    expectProblem(
      await t.http().post('/api/v1/auth/login').set('content-type', 'application/json').send('{"username": "x",'),
      400,
      'MALFORMED_JSON',
    );
  });

  it('answers an oversized body with 413', async () => {
    const huge = JSON.stringify({ username: 'a', password: 'x'.repeat(1_100_000) });
    expectProblem(await t.http().post('/api/v1/auth/login').set('content-type', 'application/json').send(huge), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('names unknown fields and wrong types field by field', async () => {
    const body = expectProblem(
      await t.http().post('/api/v1/auth/login').send({ username: 42, password: 'x', role: 'ADMIN' }),
      422,
      'VALIDATION_FAILED',
    );
    expect(body.errors).toEqual({ username: ['phải là chuỗi ký tự'], role: ['trường này không được phép'] });
  });

  it('returns a generated correlation id, and echoes a caller-supplied one in the header and the problem', async () => {
    const generated = await t.http().get('/api/health');
    expect(generated.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    const res = await t.http().get('/api/v1/unknown').set('X-Correlation-Id', 'req-12345678');
    expect(res.headers['x-correlation-id']).toBe('req-12345678');
    expect(JSON.parse(res.text).correlationId).toBe('req-12345678');
  });

  it('keeps the audit log append-only in PostgreSQL itself', async () => {
    await t.db.query(`INSERT INTO audit_log (action, entity_type, entity_id) VALUES ('TEST', 'test', '1')`);
    for (const sql of [`UPDATE audit_log SET action = 'X'`, `DELETE FROM audit_log`, `TRUNCATE audit_log`]) {
      // The application's role has no right to (database-roles.ts), and the trigger refuses even the superuser.
      await expect(t.db.query(sql)).rejects.toThrow(/permission denied/);
      await expect(t.adminQuery(sql)).rejects.toThrow(/append-only/);
    }
    expect(await countRows(t.db, 'audit_log')).toBeGreaterThanOrEqual(1);
  });
});
