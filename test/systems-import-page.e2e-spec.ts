import request from 'supertest';
import { PROVINCE_DEFAULTS, provinceWorkbook } from '../src/systems/import-export/province-sheet.fixtures';
import { countRows, createTestApp, TestApp } from './support/test-app';
import { webSession, WebSession } from './support/web-session';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The import page (issue 21, point 4): upload → preview → import over HTTP, as the browser test does it in Chromium,
 * plus what a browser test cannot easily send: no file, a file over the limit, a token that is not the user's, a
 * mapping with made-up fields, a role without system:write, an officer's rows for other agencies. Never a 500,
 * nothing written until the import.
 */
describe('/he-thong/nhap-excel', () => {
  let t: TestApp;
  const sessions = new Map<string, WebSession>();
  const browser = async (username: string) => {
    const session = sessions.get(username) ?? (await webSession(t, username));
    sessions.set(username, session);
    return session;
  };
  const upload = async (username: string, file?: { content: Buffer; name: string }): Promise<request.Response> => {
    const s = await browser(username);
    const req = t.http().post('/he-thong/nhap-excel/xem-truoc').set('cookie', s.cookie).set('x-csrf-token', s.csrf);
    return file ? req.attach('file', file.content, { filename: file.name, contentType: XLSX }) : req.field('x', '1');
  };
  const post = async (username: string, path: string, form: Record<string, string | string[]>) => {
    const s = await browser(username);
    return t
      .http()
      .post(path)
      .set('cookie', s.cookie)
      .type('form')
      .send({ ...form, _csrf: s.csrf });
  };
  const tokenOf = (res: request.Response) => /name="token" value="([^"]+)"/.exec(res.text)?.[1] ?? '';
  const defaults = Object.fromEntries(Object.entries(PROVINCE_DEFAULTS).map(([field, value]) => [`chung-${field}`, value]));

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  it('shows the upload form with the limit; a leader (no system:write) is refused', async () => {
    const s = await browser('admin');
    const res = await t.http().get('/he-thong/nhap-excel').set('cookie', s.cookie).expect(200);
    expect(res.text).toContain('tối đa 10 MB');
    expect(res.text).not.toContain('POST /api/v1/systems/import');
    const leader = await browser('lanhdao');
    expect((await t.http().get('/he-thong/nhap-excel').set('cookie', leader.cookie)).status).toBe(403);
    expect((await upload('lanhdao', { content: await provinceWorkbook(), name: 'x.xlsx' })).status).toBe(403);
  });

  it('previews, asks for the missing values, imports on confirmation, and forgets the file afterwards', async () => {
    const before = await countRows(t.db, 'systems');
    const first = await upload('admin', { content: await provinceWorkbook(), name: 'danh-muc.xlsx' });
    expect(first.status).toBe(422);
    expect(first.text).toContain('Không tìm thấy cột &quot;Loại hệ thống&quot;');
    const token = tokenOf(first);
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    const checked = await post('admin', '/he-thong/nhap-excel/xem-truoc', { token, ...defaults, 'cot-H': 'description' });
    expect(checked.status).toBe(200);
    expect(checked.text).toContain('Tất cả 3 dòng hợp lệ');
    expect(await countRows(t.db, 'systems')).toBe(before);
    const done = await post('admin', '/he-thong/nhap-excel/nhap', { token, ...defaults, 'cot-H': 'description' });
    expect(done.status).toBe(200);
    expect(done.text).toContain('3 hệ thống mới');
    expect(done.text).toMatch(/href="\/he-thong\/[0-9a-f-]{36}"/);
    expect(await countRows(t.db, 'systems')).toBe(before + 3);
    const again = await post('admin', '/he-thong/nhap-excel/nhap', { token, ...defaults });
    expect(again.status).toBe(422);
    expect(again.text).toContain('Hãy chọn lại tệp');
    expect(await countRows(t.db, 'systems')).toBe(before + 3);
  });

  it('refuses bad input on the page, never with a 500, writing nothing', async () => {
    const before = await countRows(t.db, 'systems');
    const none = await upload('admin');
    expect(none.status).toBe(422);
    expect(none.text).toContain('Chưa chọn tệp để nhập.');
    const junk = await upload('admin', { content: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), name: 'a.xlsx' });
    expect(junk.status).toBe(422);
    expect(junk.text).toContain('không phải bảng tính');
    const big = await upload('admin', { content: Buffer.alloc(10 * 1024 * 1024 + 1, 0x41), name: 'big.csv' });
    expect(big.status).toBe(413);
    expect(big.text).toContain('10 MB');
    for (const token of ['', '../../etc/passwd', 'x'.repeat(5000), '00000000-0000-4000-8000-000000000000']) {
      const res = await post('admin', '/he-thong/nhap-excel/nhap', { token });
      expect(res.status).toBe(422);
    }
    // Made-up fields and columns in the mapping are left out, not taken.
    const token = tokenOf(await upload('admin', { content: await provinceWorkbook(), name: 'x.xlsx' }));
    const odd = await post('admin', '/he-thong/nhap-excel/xem-truoc', {
      token,
      ...defaults,
      'cot-B': 'password',
      'cot-../x': 'name',
      'chung-id': 'x',
      'chung-infoTypes': ['Thông tin công cộng', 'Thông tin riêng'],
    });
    expect(odd.status).toBe(200);
    expect(await countRows(t.db, 'systems')).toBe(before);
  });

  it("keeps one user's file from another, and refuses an officer the other agencies' rows", async () => {
    const token = tokenOf(await upload('admin', { content: await provinceWorkbook(), name: 'x.xlsx' }));
    const stolen = await post('canbo.sl-so-xd', '/he-thong/nhap-excel/nhap', { token, ...defaults });
    expect(stolen.status).toBe(422);
    expect(stolen.text).toContain('Hãy chọn lại tệp');
    const own = tokenOf(await upload('canbo.sl-so-xd', { content: await provinceWorkbook(), name: 'x.xlsx' }));
    const res = await post('canbo.sl-so-xd', '/he-thong/nhap-excel/xem-truoc', { token: own, ...defaults });
    expect(res.status).toBe(422);
    expect(res.text).toContain('1 hợp lệ, 2 có lỗi');
  });
});
