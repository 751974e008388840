import { AuthUser } from '../auth/auth-user';
import { READ_SCOPE, readsOwnAgencyOnly } from './access-rules';
import { AccessService, mayWriteFor, provinceFilter } from './access.service';

const officer = { role: 'AGENCY_OFFICER' as const, agencyId: 'sl-so-xd', provinceCode: 'SL' };

describe('who may write a system or a dossier (writes stay in the officer’s scope)', () => {
  it('lets an officer write what its agency owns', () => {
    expect(mayWriteFor(officer, { ownerAgencyId: 'sl-so-xd', operatorAgencyId: 'sl-so-xd', provinceCode: 'SL' })).toBe(true);
  });

  it('lets an officer write what its agency operates for an owner of its own province', () => {
    expect(mayWriteFor(officer, { ownerAgencyId: 'sl-so-yt', operatorAgencyId: 'sl-so-xd', provinceCode: 'SL' })).toBe(true);
  });

  it('refuses an officer operating for an owner of another province: nothing goes under that body or its report', () => {
    expect(mayWriteFor(officer, { ownerAgencyId: 'hn-so-xd', operatorAgencyId: 'sl-so-xd', provinceCode: 'HN' })).toBe(false);
  });

  it('refuses an officer whose agency neither owns nor operates it', () => {
    expect(mayWriteFor(officer, { ownerAgencyId: 'sl-so-yt', operatorAgencyId: 'sl-so-yt', provinceCode: 'SL' })).toBe(false);
  });

  it('refuses leaders and appraisers, and an officer without an agency; lets administrators write anything', () => {
    const target = { ownerAgencyId: 'sl-so-xd', operatorAgencyId: 'sl-so-xd', provinceCode: 'SL' };
    expect(mayWriteFor({ role: 'LEADER', agencyId: 'sl-so-xd', provinceCode: 'SL' }, target)).toBe(false);
    expect(mayWriteFor({ role: 'APPRAISER', agencyId: 'sl-so-xd', provinceCode: 'SL' }, target)).toBe(false);
    expect(mayWriteFor({ ...officer, agencyId: null }, target)).toBe(false);
    expect(mayWriteFor({ role: 'ADMIN', agencyId: null, provinceCode: null }, { ...target, provinceCode: 'HN' })).toBe(true);
  });
});

describe('the province a list is limited to', () => {
  it('is every province for administrators, the user’s own otherwise, and none without one', () => {
    expect(provinceFilter({ role: 'ADMIN', provinceCode: null })).toBeNull();
    expect(provinceFilter({ role: 'LEADER', provinceCode: 'SL' })).toBe('SL');
    expect(provinceFilter({ role: 'AGENCY_OFFICER', provinceCode: 'SL' })).toBe('SL');
    expect(provinceFilter({ role: 'APPRAISER', provinceCode: null })).toBe('');
    expect(provinceFilter({ role: 'AGENCY_HEAD', provinceCode: 'SL' })).toBe('SL');
  });
});

describe("the owner's leadership (AGENCY_HEAD) reads what its agency's officers read, and writes nothing", () => {
  const head = { role: 'AGENCY_HEAD' as const, agencyId: 'sl-so-xd', provinceCode: 'SL' };
  const user = (u: Pick<AuthUser, 'role' | 'agencyId' | 'provinceCode'>): AuthUser => ({ id: 'u', username: 'u', fullName: 'U', ...u });
  const access = new AccessService();

  it('has the read scope of an officer: its own agency, as owner or operator', () => {
    expect(READ_SCOPE.AGENCY_HEAD).toBe(READ_SCOPE.AGENCY_OFFICER);
    expect(readsOwnAgencyOnly(head)).toBe(true);
    expect(readsOwnAgencyOnly(officer)).toBe(true);
    for (const role of ['ADMIN', 'LEADER', 'APPRAISER'] as const) expect(readsOwnAgencyOnly({ role })).toBe(false);
    expect(access.systemScope(user(head), 's')).toEqual(access.systemScope(user(officer), 's'));
    expect(access.agencyScope(user(head), 'a')).toEqual(access.agencyScope(user(officer), 'a'));
    expect(access.systemScope(user(head), 's')).toEqual({
      sql: '(s.owner_agency_id = :scopeAgency OR s.operator_agency_id = :scopeAgency)',
      params: { scopeAgency: 'sl-so-xd' },
    });
  });

  it('reads, besides its own dossiers, those routed to its agency for approval (it could not decide them otherwise)', () => {
    expect(access.dossierScope(user(head), 'd')).toEqual({
      sql: '((d.owner_agency_id = :scopeAgency OR d.operator_agency_id = :scopeAgency) OR d.approver_agency_id = :scopeAgency)',
      params: { scopeAgency: 'sl-so-xd' },
    });
    // An officer never approves, so reads only what its agency owns or operates.
    expect(access.dossierScope(user(officer), 'd')).toEqual(access.systemScope(user(officer), 'd'));
  });

  it('never writes a system or a draft, even of its own agency (ND331 Art. 20.1: the operator prepares the dossier)', () => {
    expect(mayWriteFor(head, { ownerAgencyId: 'sl-so-xd', operatorAgencyId: 'sl-so-xd', provinceCode: 'SL' })).toBe(false);
    expect(mayWriteFor(head, { ownerAgencyId: 'sl-so-yt', operatorAgencyId: 'sl-so-xd', provinceCode: 'SL' })).toBe(false);
  });
});
