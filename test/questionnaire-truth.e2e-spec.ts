import request from 'supertest';
import { createSystem } from './support/dossier-fixtures';
import { countRows, createTestApp, TestApp } from './support/test-app';
import { WebSession, webSession } from './support/web-session';

/**
 * Issue 21 point 8 through the wizard page's routes (GET/POST /he-thong/:id/xac-dinh-cap-do): no level before the first
 * answer, the risk assessment (mandatory, ND331 Art. 10.2.a) refused when skipped with nothing written, a skipped
 * optional question shown as "Bỏ qua", the risk-framework question not asked; and another agency's officer refused.
 */
describe('the questionnaire tells the truth (web wizard)', () => {
  let t: TestApp;
  let wizard: string;
  const sessions: Record<string, Promise<WebSession>> = {};
  /** The signed-in browser of `username` (one per user for the whole spec). */
  const session = async (username: string): Promise<{ cookies: string; csrf: string }> => {
    const { cookie, csrf } = await (sessions[username] ??= webSession(t, username));
    return { cookies: cookie, csrf };
  };
  const post = async (pairs: [string, string][], status: number): Promise<request.Response> => {
    const { cookies, csrf } = await session('canbo.sl-so-xd');
    return t
      .http()
      .post(wizard)
      .set('cookie', cookies)
      .type('form')
      .send(new URLSearchParams([['_csrf', csrf], ...pairs]).toString())
      .expect(status);
  };
  const answers: [string, string][] = [
    ['a.systemType', 'INTERNAL'],
    ['a.infoTypes', 'PUBLIC'],
    ['a.infoTypes', 'PRIVATE'],
    ['a.defenceSecuritySystem', 'false'],
    ['a.nationalEgov24x7', 'false'],
    ['a.criticalNationalDataStorage', 'false'],
  ];

  beforeAll(async () => {
    t = await createTestApp();
    const token = await t.login('canbo.sl-so-xd');
    wizard = `/he-thong/${await createSystem(t, token, 'SL-SO-XD', 'WIZ-E2E', 'Hệ thống quản lý văn bản của Sở')}/xac-dinh-cap-do`;
  });
  afterAll(() => t.close());

  it('shows no level before the first answer, and a provisional one after it', async () => {
    const { cookies } = await session('canbo.sl-so-xd');
    const first = await t.http().get(wizard).set('cookie', cookies).expect(200);
    expect(first.text).not.toContain('class="result-level"');
    expect(first.text).toContain('id="chua-co-cap-do"');
    const answered = await post(
      [
        ['buoc', '0'],
        ['a.systemType', 'INTERNAL'],
        ['a.infoTypes', 'PRIVATE'],
      ],
      200,
    );
    expect(answered.text).toMatch(/<p class="result-level">Cấp độ 2<\/p>/);
    expect(answered.text).toMatch(/Tạm tính: còn \d+ câu hỏi bắt buộc chưa trả lời/);
  });

  it('ND331 Art. 10.2.a: refuses to skip the risk assessment, marks the question, and writes nothing', async () => {
    const dossiers = await countRows(t.db, 'dossiers');
    const refused = await post([...answers, ['proposedLevel', '2'], ['di', 'lap-ho-so']], 422);
    expect(refused.text).toMatch(/<legend class="question-text" id="cau-hoi">Kết quả đánh giá rủi ro an ninh mạng tương ứng cấp độ nào\?/);
    expect(refused.text).toContain(
      '<p class="error" id="loi-cau-hoi" role="alert" tabindex="-1" autofocus>hãy trả lời câu hỏi này trước khi lập hồ sơ</p>',
    );
    expect(refused.text).not.toContain('name="a.riskAssessedLevel" value=""');
    expect(await countRows(t.db, 'dossiers')).toBe(dossiers);
    const skipped = await post([...answers, ['a.riskAssessedLevel', ''], ['buoc', '6'], ['di', 'tiep']], 422);
    expect(skipped.text).toContain('hãy trả lời câu hỏi này trước khi tiếp tục');
  });

  it('shows a skipped optional question as "Bỏ qua", never "Chưa trả lời"; does not ask the unissued risk framework', async () => {
    const summary = await post([...answers, ['a.riskAssessedLevel', '2'], ['di', 'buoc-99']], 200);
    expect(summary.text).toMatch(/<td>Thủ tướng Chính phủ đã quyết định cấp độ[^<]*<\/td><td>Bỏ qua<\/td>/);
    expect(summary.text).not.toContain('<td>Chưa trả lời</td>');
    expect(summary.text).not.toContain('Khung quản lý rủi ro an ninh mạng (nếu đã được đánh giá');
    expect(summary.text).toContain('Đề xuất cấp độ 2 theo Khoản 1 Điều 12 Nghị định 331/2026/NĐ-CP');
  });

  it('refuses the wizard of a system of another agency', async () => {
    const { cookies } = await session('canbo.sl-p-chiengcoi');
    const other = await t.http().get(wizard).set('cookie', cookies);
    expect(other.status).toBeGreaterThanOrEqual(403);
    expect(other.status).toBeLessThan(500);
  });
});
