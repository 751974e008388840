import { listAgencyOf, mayAssign, mayManage, maySee, selfOrLastAdminRefusal } from './user-scope';

const admin = { id: 'admin', role: 'ADMIN' as const, agencyId: null };
const head = { id: 'head', role: 'AGENCY_HEAD' as const, agencyId: 'A' };
const officer = (agencyId: string | null, id = 'officer') => ({ id, role: 'AGENCY_OFFICER' as const, agencyId });

describe('who may manage whom (issue 22)', () => {
  it('an administrator sees and manages every account, with or without an agency', () => {
    expect(maySee(admin, officer('B'))).toBe(true);
    expect(mayManage(admin, officer('B'))).toBe('ALLOWED');
    expect(mayManage(admin, { id: 'x', role: 'ADMIN', agencyId: null })).toBe('ALLOWED');
    expect(mayManage(admin, { id: 'y', role: 'AGENCY_HEAD', agencyId: 'A' })).toBe('ALLOWED');
  });

  it("an agency's head manages its own agency's officers", () => {
    expect(mayManage(head, officer('A'))).toBe('ALLOWED');
  });

  it("an agency's head does not see another agency's accounts: not found, like elsewhere", () => {
    expect(maySee(head, officer('B'))).toBe(false);
    expect(mayManage(head, officer('B'))).toBe('NOT_FOUND');
    expect(mayManage(head, { id: 'x', role: 'ADMIN', agencyId: null })).toBe('NOT_FOUND');
  });

  it("an agency's head sees but may not change its agency's other heads, itself, or anyone but officers", () => {
    expect(mayManage(head, { id: 'other-head', role: 'AGENCY_HEAD', agencyId: 'A' })).toBe('FORBIDDEN');
    expect(mayManage(head, head)).toBe('FORBIDDEN');
    expect(mayManage(head, { id: 'l', role: 'LEADER', agencyId: 'A' })).toBe('FORBIDDEN');
    expect(mayManage(head, { id: 'p', role: 'APPRAISER', agencyId: 'A' })).toBe('FORBIDDEN');
  });

  it('a head without an agency sees nobody', () => {
    const lost = { ...head, agencyId: null };
    expect(maySee(lost, officer(null))).toBe(false);
    expect(listAgencyOf(lost)).toBe('');
  });

  it('the other roles manage nobody', () => {
    for (const role of ['LEADER', 'APPRAISER', 'AGENCY_OFFICER'] as const) {
      const actor = { id: 'z', role, agencyId: 'A' };
      expect(mayManage(actor, officer('A'))).toBe('NOT_FOUND');
      expect(mayAssign(actor, { role: 'AGENCY_OFFICER', agencyId: 'A' })).toBe('FORBIDDEN');
    }
  });

  it("an agency's head gives only the officer's role, only in its own agency", () => {
    expect(mayAssign(head, { role: 'AGENCY_OFFICER', agencyId: 'A' })).toBe('ALLOWED');
    expect(mayAssign(head, { role: 'AGENCY_OFFICER', agencyId: 'B' })).toBe('FORBIDDEN');
    expect(mayAssign(head, { role: 'AGENCY_HEAD', agencyId: 'A' })).toBe('FORBIDDEN');
    expect(mayAssign(head, { role: 'ADMIN', agencyId: null })).toBe('FORBIDDEN');
    expect(mayAssign(admin, { role: 'ADMIN', agencyId: null })).toBe('ALLOWED');
  });

  it("the list is every account for an administrator, the own agency's for a head", () => {
    expect(listAgencyOf(admin)).toBeUndefined();
    expect(listAgencyOf(head)).toBe('A');
  });
});

describe('nobody locks out themselves or the last administrator (issue 22)', () => {
  const adminAccount = (id: string) => ({ id, role: 'ADMIN' as const, agencyId: null, active: true });

  it('an administrator does not deactivate or demote itself', () => {
    expect(selfOrLastAdminRefusal('admin', adminAccount('admin'), { deactivate: true }, 3)).toBe('SELF');
    expect(selfOrLastAdminRefusal('admin', adminAccount('admin'), { role: 'LEADER' }, 3)).toBe('SELF');
  });

  it('the last active administrator is neither deactivated nor demoted', () => {
    expect(selfOrLastAdminRefusal('other', adminAccount('admin'), { deactivate: true }, 1)).toBe('LAST_ADMIN');
    expect(selfOrLastAdminRefusal('other', adminAccount('admin'), { role: 'APPRAISER' }, 1)).toBe('LAST_ADMIN');
  });

  it('another administrator, while others remain, may be deactivated or demoted', () => {
    expect(selfOrLastAdminRefusal('other', adminAccount('admin'), { deactivate: true }, 2)).toBeUndefined();
    expect(selfOrLastAdminRefusal('other', adminAccount('admin'), { role: 'LEADER' }, 2)).toBeUndefined();
  });

  it('keeping the same role, or changing an officer, is no removal', () => {
    expect(selfOrLastAdminRefusal('admin', adminAccount('admin'), { role: 'ADMIN' }, 1)).toBeUndefined();
    expect(selfOrLastAdminRefusal('admin', { ...officer('A'), active: true }, { deactivate: true }, 1)).toBeUndefined();
  });
});
