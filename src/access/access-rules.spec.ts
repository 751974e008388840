import { mayWriteFor, provinceFilter } from './access.service';

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
  });
});
