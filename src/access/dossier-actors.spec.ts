import { DossierActorFacts, dossierActorRoles } from './dossier-actors';

/** A Sơn La dossier owned by Sở Xây dựng and operated by its centre, routed to Công an tỉnh (appraiser and approver). */
const dossier: DossierActorFacts = {
  ownerAgencyId: 'sl-so-xd',
  operatorAgencyId: 'sl-tt-xd',
  provinceCode: 'SL',
  appraiserAgencyId: 'sl-ca',
  appraiserName: 'Công an tỉnh Sơn La',
  approverKind: 'AGENCY',
  approverAgencyId: 'sl-ca',
  specialisedUnitAgencyId: null,
};
const head = (agencyId: string) => ({ role: 'AGENCY_HEAD' as const, agencyId, provinceCode: 'SL' });
const officer = (agencyId: string, provinceCode = 'SL') => ({ role: 'AGENCY_OFFICER' as const, agencyId, provinceCode });
const appraiser = (agencyId: string) => ({ role: 'APPRAISER' as const, agencyId, provinceCode: 'SL' });
const admin = { role: 'ADMIN' as const, agencyId: null, provinceCode: null };
const leader = { role: 'LEADER' as const, agencyId: 'sl-ubnd', provinceCode: 'SL' };

describe('who may act on a dossier (dossierActorRoles)', () => {
  it('ND331 Art. 20.1.a: the operating unit prepares and sends the dossier; so may the owner’s officers, and an administrator', () => {
    expect(dossierActorRoles(officer('sl-tt-xd'), dossier)).toEqual(['PREPARER']);
    expect(dossierActorRoles(officer('sl-so-xd'), dossier)).toEqual(['PREPARER']);
    expect(dossierActorRoles(admin, { ...dossier, approverKind: null, appraiserName: null, appraiserAgencyId: null })).toEqual([
      'PREPARER',
      'OWNER',
      'REGISTRAR',
    ]);
  });

  it('ND331 Art. 20.1.a: an operator of another province, another agency’s officer or a leader prepares nothing', () => {
    expect(dossierActorRoles(officer('sl-tt-xd'), { ...dossier, provinceCode: 'LC', ownerAgencyId: 'lc-so-xd' })).toEqual([]);
    expect(dossierActorRoles(officer('sl-so-yt'), dossier)).toEqual([]);
    expect(dossierActorRoles(leader, dossier)).toEqual([]);
  });

  it('ND331 Art. 18.1, 18.2.a: the routed appraising body’s appraisers appraise; another body’s appraisers do not', () => {
    expect(dossierActorRoles(appraiser('sl-ca'), dossier)).toEqual(['APPRAISER', 'APPROVER']);
    expect(dossierActorRoles(appraiser('sl-so-yt'), dossier)).toEqual([]);
  });

  it('ND331 Art. 18.3.a: Bộ Công an appraises levels 4–5 outside capdo; an administrator records its appraisal', () => {
    const external = {
      ...dossier,
      appraiserAgencyId: null,
      appraiserName: 'Bộ Công an',
      approverKind: 'OWNER' as const,
      approverAgencyId: null,
    };
    expect(dossierActorRoles(admin, external)).toEqual(['PREPARER', 'APPRAISER', 'APPROVER', 'OWNER', 'REGISTRAR']);
    expect(dossierActorRoles(appraiser('sl-ca'), external)).toEqual([]);
  });

  it('ND331 Art. 18.2.b, 18.3.d, 31.1: the owner approves levels 3–4: its leadership, or an administrator recording its paper decision', () => {
    const ownerApproves = { ...dossier, approverKind: 'OWNER' as const, approverAgencyId: null };
    expect(dossierActorRoles(head('sl-so-xd'), ownerApproves)).toEqual(['APPROVER', 'OWNER']);
    // The owner's IT staff and the appraising police do not decide for the owner.
    expect(dossierActorRoles(appraiser('sl-so-xd'), ownerApproves)).toEqual([]);
    expect(dossierActorRoles(appraiser('sl-ca'), ownerApproves)).toEqual(['APPRAISER']);
    expect(dossierActorRoles(head('sl-so-yt'), ownerApproves)).toEqual([]);
    expect(dossierActorRoles(admin, ownerApproves)).toEqual(['PREPARER', 'APPROVER', 'OWNER', 'REGISTRAR']);
  });

  it('ND331 Art. 18.1: levels 1–2 are approved by the specialised unit itself: its appraisers or its head', () => {
    expect(dossierActorRoles(head('sl-ca'), dossier)).toEqual(['APPROVER']);
    expect(dossierActorRoles(head('sl-so-xd'), dossier)).toEqual(['OWNER']);
  });

  it('ND331 Art. 20.1.d: the owner’s specialised unit named by the routing gives the professional opinion', () => {
    const four = { ...dossier, specialisedUnitAgencyId: 'sl-ca', appraiserAgencyId: null, appraiserName: 'Bộ Công an' };
    expect(dossierActorRoles(appraiser('sl-ca'), four)).toEqual(['SPECIALIST', 'APPROVER']);
    expect(dossierActorRoles(appraiser('sl-so-yt'), four)).toEqual([]);
  });

  it('ND331 Art. 18.3.đ: a decision made outside capdo (the Prime Minister’s list) is recorded by an administrator only', () => {
    const external = { ...dossier, approverKind: 'EXTERNAL' as const, approverAgencyId: null };
    expect(dossierActorRoles(admin, external)).toEqual(['PREPARER', 'APPROVER', 'OWNER', 'REGISTRAR']);
    expect(dossierActorRoles(appraiser('sl-ca'), external)).toEqual(['APPRAISER']);
  });

  it('the preparing agency’s officers never appraise or approve their own dossier', () => {
    const ownerApproves = { ...dossier, approverKind: 'OWNER' as const, appraiserAgencyId: 'sl-so-xd' };
    expect(dossierActorRoles(officer('sl-so-xd'), ownerApproves)).toEqual(['PREPARER']);
  });
});
