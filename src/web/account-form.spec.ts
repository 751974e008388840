import { AuthUser } from '../auth/auth-user';
import { accountChangesFromForm, accountFilterFromQuery, browserLabel, filterParams, newAccountFromForm } from './account-form';

const AGENCY = '6f1c2b9e-1d2a-4c3b-9e8f-0a1b2c3d4e5f';
const OTHER = '11111111-2222-4333-8444-555555555555';
const admin: AuthUser = { id: 'a', username: 'admin', fullName: 'A', role: 'ADMIN', agencyId: null, provinceCode: null };
const head: AuthUser = { id: 'h', username: 'giamdoc', fullName: 'H', role: 'AGENCY_HEAD', agencyId: AGENCY, provinceCode: 'SL' };

describe('the accounts list filters', () => {
  it('reads the search, role, agency, state and page an administrator chose', () => {
    expect(
      accountFilterFromQuery(
        { q: '  Nguyễn ', vaiTro: 'agency_officer', coQuan: AGENCY.toUpperCase(), tinhTrang: 'da-khoa', trang: '3' },
        admin,
      ),
    ).toEqual({ q: 'Nguyễn', role: 'AGENCY_OFFICER', agencyId: AGENCY, active: false, page: 3, pageSize: 50 });
    expect(accountFilterFromQuery({ tinhTrang: 'dang-dung' }, admin).active).toBe(true);
  });

  it('leaves out what it cannot read instead of failing: an unknown role, a malformed agency id, a page that is not one', () => {
    expect(accountFilterFromQuery({ vaiTro: 'ROOT', coQuan: "x' OR 1=1", tinhTrang: 'tat-ca', trang: '-2' }, admin)).toEqual({
      q: undefined,
      role: undefined,
      agencyId: undefined,
      active: undefined,
      page: 1,
      pageSize: 50,
    });
    expect(accountFilterFromQuery({ trang: '1e9' }, admin).page).toBe(1);
    expect(accountFilterFromQuery({ q: 'x'.repeat(500) }, admin).q).toHaveLength(100);
    // The query parser may hand over arrays or objects for repeated or bracketed names.
    expect(accountFilterFromQuery({ q: ['a', 'b'] as unknown as string, vaiTro: { x: 1 } as unknown as string }, admin)).toMatchObject({
      q: undefined,
      role: undefined,
    });
  });

  it("gives an agency head no role or agency filter: its list is its own agency's, whatever the address says", () => {
    expect(accountFilterFromQuery({ vaiTro: 'ADMIN', coQuan: OTHER, q: 'lan' }, head)).toMatchObject({
      q: 'lan',
      role: undefined,
      agencyId: undefined,
    });
  });

  it('writes the filter back for the search form and the pager', () => {
    expect(filterParams(accountFilterFromQuery({ q: 'lan', vaiTro: 'LEADER', coQuan: AGENCY, tinhTrang: 'dang-dung' }, admin))).toEqual({
      q: 'lan',
      vaiTro: 'LEADER',
      coQuan: AGENCY,
      tinhTrang: 'dang-dung',
    });
  });
});

describe('the "Thêm tài khoản" form', () => {
  it("takes an administrator's role and agency as chosen, the username lower-cased, blanks left out", () => {
    const { plain } = newAccountFromForm(
      { username: ' Nguyen.VanA ', fullName: 'Nguyễn Văn A', title: '', email: 'a@sonla.gov.vn', role: 'APPRAISER', agencyId: AGENCY },
      admin,
    );
    expect(plain).toEqual({
      username: 'nguyen.vana',
      fullName: 'Nguyễn Văn A',
      title: undefined,
      email: 'a@sonla.gov.vn',
      role: 'APPRAISER',
      agencyId: AGENCY,
    });
    expect(newAccountFromForm({ username: 'x', fullName: 'X', role: 'ADMIN', agencyId: '' }, admin).plain.agencyId).toBeNull();
  });

  it("makes an agency head's new account an officer of its own agency, whatever role or agency the request carries", () => {
    const { plain } = newAccountFromForm({ username: 'canbo2', fullName: 'Lò Thị B', role: 'ADMIN', agencyId: OTHER }, head);
    expect(plain).toMatchObject({ role: 'AGENCY_OFFICER', agencyId: AGENCY });
  });
});

describe("the account's edit form", () => {
  it("clears a blank title or e-mail, carries the version, and an administrator's role and agency", () => {
    const { plain, reader } = accountChangesFromForm(
      { version: '4', fullName: ' Lò Văn C ', title: '', email: '', role: 'LEADER', agencyId: AGENCY },
      admin,
    );
    expect(plain).toEqual({ version: 4, fullName: 'Lò Văn C', title: null, email: null, role: 'LEADER', agencyId: AGENCY });
    expect(reader.errors).toEqual({});
    expect(accountChangesFromForm({ version: '1', fullName: 'A', role: 'ADMIN', agencyId: '' }, admin).plain.agencyId).toBeNull();
  });

  it('reports a version that is not a number as a field error', () => {
    expect(accountChangesFromForm({ version: 'abc', fullName: 'A' }, admin).reader.errors).toEqual({ version: ['phải là số nguyên'] });
  });

  it("never sends an agency head's role or agency: it may give neither", () => {
    const { plain } = accountChangesFromForm({ version: '2', fullName: 'B', role: 'ADMIN', agencyId: OTHER }, head);
    expect(plain).toEqual({ version: 2, fullName: 'B', title: null, email: null });
  });
});

describe('a session’s browser, in a few words', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      'Chrome trên Windows',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      'Edge trên Windows',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/117.0 Chrome/111.0 Safari/537.36',
      'Cốc Cốc trên Windows',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox trên Linux'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari trên iOS',
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
      'Chrome trên Android',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36', 'Chrome trên Linux'],
  ])('%s → %s', (userAgent, label) => {
    expect(browserLabel(userAgent)).toBe(label);
  });

  it('says so when there is none, and shows the start of one it does not know', () => {
    expect(browserLabel(null)).toBe('Không rõ');
    expect(browserLabel('curl/8.5.0')).toBe('curl/8.5.0');
  });
});
