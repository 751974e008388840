import ExcelJS from 'exceljs';
import { countRows, createTestApp, expectProblem, TestApp } from './support/test-app';

/**
 * Accounts in bulk from a sheet (issue 22): a dry run reports each row (ok or its errors in Vietnamese) and writes
 * nothing; a real run creates every account or none and returns each temporary password once.
 */
describe('bulk accounts (POST /api/v1/users/import)', () => {
  let t: TestApp;
  let admin: string;
  let head: string;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const HEADER = 'Tên đăng nhập,Họ và tên,Chức vụ,Thư điện tử,Mã cơ quan,Vai trò';
  const csv = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\n'), 'utf8');
  const upload = (token: string, file: Buffer | undefined, dryRun: boolean, name = 'tai-khoan.csv') => {
    const req = t.http().post('/api/v1/users/import').query({ dryRun }).set(as(token));
    return file ? req.attach('file', file, name) : req.field('khac', '1');
  };
  const writes = async () => ({ users: await countRows(t.db, 'users'), audit: await countRows(t.db, 'audit_log') });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    const [{ id }] = await t.db.query(`SELECT id FROM agencies WHERE code = 'SL-SO-XD'`);
    await t.db.query(
      `INSERT INTO users (username, password_hash, full_name, role, agency_id)
       SELECT 'giamdoc.sl-so-xd', password_hash, 'Giám đốc Sở Xây dựng', 'AGENCY_HEAD', $1 FROM users WHERE username = 'admin'`,
      [id],
    );
    head = await t.login('giamdoc.sl-so-xd');
  });
  afterAll(() => t.close());

  it('a dry run reports each row, ok or with its errors in Vietnamese, and writes nothing', async () => {
    const before = await writes();
    const res = await upload(
      admin,
      Buffer.from(
        csv(
          'hoang.thi.d,Hoàng Thị D,Chuyên viên,d@sonla.gov.vn,SL-SO-XD,Cán bộ cơ quan, đơn vị',
          'Lo.Van.E,Lò Văn E,,,sl-so-yt,AGENCY_HEAD',
          'canbo.sl-so-xd,Đã có,,,SL-SO-XD,AGENCY_OFFICER',
          'khong-co-quan,Không có cơ quan,,,SL-KHONG-CO,Cán bộ thẩm định',
          'vai-tro-la,Vai trò lạ,,,SL-SO-XD,Giám đốc',
          'hoang.thi.d,Trùng dòng,,,SL-SO-XD,AGENCY_OFFICER',
        )
          .toString('utf8')
          .replace(/Cán bộ cơ quan, đơn vị/, '"Cán bộ cơ quan, đơn vị"'),
      ),
      true,
    ).expect(200);
    expect(res.body).toMatchObject({ dryRun: true, totalRows: 6, validRows: 2, created: [] });
    expect(res.body.rows[0]).toMatchObject({
      row: 2,
      username: 'hoang.thi.d',
      role: 'AGENCY_OFFICER',
      agencyCode: 'SL-SO-XD',
      ok: true,
      errors: {},
    });
    expect(res.body.rows[1]).toMatchObject({ row: 3, username: 'lo.van.e', role: 'AGENCY_HEAD', agencyCode: 'SL-SO-YT', ok: true });
    expect(res.body.rows[2].errors).toEqual({ username: ['đã có tài khoản với tên đăng nhập này'] });
    expect(res.body.rows[3].errors).toEqual({ agencyCode: ['không có cơ quan, đơn vị mã SL-KHONG-CO'] });
    expect(res.body.rows[4].errors.role).toEqual([expect.stringContaining('không có vai trò "Giám đốc"')]);
    expect(res.body.rows[5].errors).toEqual({ username: ['trùng với dòng 2'] });
    expect(await writes()).toEqual(before);
  });

  it('a real run with an error in any row creates nothing (422 IMPORT_ROWS_INVALID with the report)', async () => {
    const before = await writes();
    const problem = expectProblem(
      await upload(admin, csv('moi.mot,Mới Một,,,SL-SO-XD,AGENCY_OFFICER', 'moi.hai,Mới Hai,,,SL-KHONG-CO,AGENCY_OFFICER'), false),
      422,
      'IMPORT_ROWS_INVALID',
    ) as { errors: Record<string, string[]>; report: { rows: { ok: boolean }[] } };
    expect(problem.errors).toEqual({ 'dòng 3: agencyCode': ['không có cơ quan, đơn vị mã SL-KHONG-CO'] });
    expect(problem.report.rows.map((r) => r.ok)).toEqual([true, false]);
    expect(await writes()).toEqual(before);
  });

  it('a real run from an .xlsx creates every account, each with its temporary password once, audited', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Tài khoản');
    sheet.addRow(HEADER.split(','));
    sheet.addRow(['pham.van.g', 'Phạm Văn G', 'Phó Giám đốc', 'g@sonla.gov.vn', 'SL-SO-XD', 'Lãnh đạo cơ quan, đơn vị']);
    sheet.addRow(['quantri.tinh', 'Quản trị tỉnh', null, null, null, 'Quản trị viên']);
    const before = await writes();
    const res = await upload(admin, Buffer.from(await workbook.xlsx.writeBuffer()), false, 'tai-khoan.xlsx').expect(200);
    expect(res.body).toMatchObject({ dryRun: false, totalRows: 2, validRows: 2 });
    expect(res.body.created).toEqual([
      {
        row: 2,
        id: expect.any(String),
        username: 'pham.van.g',
        fullName: 'Phạm Văn G',
        temporaryPassword: expect.stringMatching(/^[A-Za-z2-9-]{19}$/),
      },
      { row: 3, id: expect.any(String), username: 'quantri.tinh', fullName: 'Quản trị tỉnh', temporaryPassword: expect.any(String) },
    ]);
    expect(await writes()).toEqual({ users: before.users + 2, audit: before.audit + 2 });
    const [g] = await t.db.query(`SELECT role, title, email, must_change_password FROM users WHERE username = 'pham.van.g'`);
    expect(g).toEqual({ role: 'AGENCY_HEAD', title: 'Phó Giám đốc', email: 'g@sonla.gov.vn', must_change_password: true });
    const login = await t
      .http()
      .post('/api/v1/auth/login')
      .send({ username: 'pham.van.g', password: res.body.created[0].temporaryPassword })
      .expect(200);
    expectProblem(await t.http().get('/api/v1/systems').set(as(login.body.accessToken)), 403, 'PASSWORD_CHANGE_REQUIRED');
    const audit = await t.db.query(
      `SELECT after::text AS after FROM audit_log WHERE entity_type = 'user' AND action = 'CREATE' AND entity_id = ANY($1)`,
      [res.body.created.map((c: { id: string }) => c.id)],
    );
    expect(audit).toHaveLength(2);
    for (const row of audit) for (const c of res.body.created) expect(row.after).not.toContain(c.temporaryPassword);
    // The same file again creates nothing: the usernames are taken.
    const again = await upload(admin, Buffer.from(await workbook.xlsx.writeBuffer()), true, 'tai-khoan.xlsx').expect(200);
    expect(again.body.validRows).toBe(0);
  });

  it('refuses a missing, empty or unreadable file and a sheet without the header (422), writing nothing', async () => {
    const before = await writes();
    expectProblem(await upload(admin, undefined, false), 422, 'IMPORT_FILE_INVALID');
    expectProblem(await upload(admin, Buffer.from(''), false), 422, 'IMPORT_FILE_INVALID');
    expectProblem(
      await upload(admin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 0, 0, 9]), false, 'x.xlsx'),
      422,
      'IMPORT_FILE_INVALID',
    );
    const noHeader = expectProblem(await upload(admin, Buffer.from('a,b\nc,d\n'), true), 422, 'IMPORT_FILE_INVALID');
    expect(noHeader.detail).toContain('Không tìm thấy dòng tiêu đề');
    expectProblem(await upload(admin, Buffer.from(`${HEADER}\n`), true), 422, 'IMPORT_FILE_INVALID');
    expectProblem(
      await t.http().post('/api/v1/users/import').query({ dryRun: 'maybe' }).set(as(admin)).attach('file', csv(), 'a.csv'),
      422,
      'VALIDATION_FAILED',
    );
    expect(await writes()).toEqual(before);
  });

  it("an agency's head imports its own agency's officers only: other roles and agencies are row errors", async () => {
    const before = await writes();
    const res = await upload(
      head,
      csv(
        'canbo5.sl-so-xd,Cán bộ 5,,,SL-SO-XD,AGENCY_OFFICER',
        'pho5.sl-so-xd,Phó 5,,,SL-SO-XD,AGENCY_HEAD',
        'canbo5.sl-so-yt,Cán bộ Y tế,,,SL-SO-YT,AGENCY_OFFICER',
      ),
      true,
    ).expect(200);
    expect(res.body.rows.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, false]);
    expect(res.body.rows[1].errors).toEqual({ role: ['chỉ được tạo tài khoản cán bộ của cơ quan mình'] });
    expect(res.body.rows[2].errors).toEqual({ role: ['chỉ được tạo tài khoản cán bộ của cơ quan mình'] });
    expectProblem(
      await upload(
        head,
        csv('canbo5.sl-so-xd,Cán bộ 5,,,SL-SO-XD,AGENCY_OFFICER', 'canbo5.sl-so-yt,Cán bộ Y tế,,,SL-SO-YT,AGENCY_OFFICER'),
        false,
      ),
      422,
      'IMPORT_ROWS_INVALID',
    );
    expect(await writes()).toEqual(before);
    const ok = await upload(head, csv('canbo5.sl-so-xd,Cán bộ 5,,,SL-SO-XD,AGENCY_OFFICER'), false).expect(200);
    expect(ok.body.created).toHaveLength(1);
  });

  it.each(['canbo.sl-so-xd', 'lanhdao', 'thamdinh'])('%s may not import accounts (403), nothing written', async (username) => {
    const token = await t.login(username);
    const before = await writes();
    expectProblem(await upload(token, csv('x.y.z,X,,,SL-SO-XD,AGENCY_OFFICER'), false), 403, 'FORBIDDEN');
    expect(await writes()).toEqual(before);
  });
});
