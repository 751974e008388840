import { AuthUser } from '../auth/auth-user';
import { Role } from '../users/role';
import { navFor } from './web-nav';

const user = (role: Role): AuthUser => ({ id: 'u', username: 'u', fullName: 'U', role, agencyId: 'a', provinceCode: 'SL' });
const labels = (role: Role) => navFor(user(role), '/').map((item) => item.label);

describe('the main menu by role', () => {
  it("shows an agency's head its desk, the dossiers waiting on its decision, the systems and dossiers it reads, the reports and its officers' accounts; nothing to appraise, no administration", () => {
    expect(labels('AGENCY_HEAD')).toEqual([
      'Trang chủ',
      'Hồ sơ chờ quyết định',
      'Hệ thống thông tin',
      'Hồ sơ cấp độ',
      'Sau phê duyệt',
      'Báo cáo',
      'Tài khoản cán bộ',
    ]);
    expect(navFor(user('AGENCY_HEAD'), '/quan-tri/nguoi-dung/nhap').find((item) => item.active)).toMatchObject({
      href: '/quan-tri/nguoi-dung',
    });
  });

  it('gives the officers’ accounts item to agency heads only: administrators reach accounts under Quản trị', () => {
    for (const role of ['ADMIN', 'LEADER', 'APPRAISER', 'AGENCY_OFFICER'] as const) expect(labels(role)).not.toContain('Tài khoản cán bộ');
  });

  it('keeps the officer’s menu, and the desk for agencies only', () => {
    expect(labels('AGENCY_OFFICER')).toEqual(['Trang chủ', 'Hệ thống thông tin', 'Hồ sơ cấp độ', 'Sau phê duyệt']);
    expect(labels('APPRAISER')).toEqual(['Hồ sơ cần thẩm định', 'Hệ thống thông tin', 'Hồ sơ cấp độ', 'Sau phê duyệt', 'Báo cáo']);
    expect(labels('ADMIN')).toContain('Quản trị');
    expect(labels('LEADER')).not.toContain('Trang chủ');
  });

  it('shows nothing to a visitor who is not signed in', () => {
    expect(navFor(undefined, '/')).toEqual([]);
  });
});
