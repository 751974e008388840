import type { ClassificationFacts } from '../classification/rules/classification.types';
import { classificationFactsChanged, levelChange, overlaidFacts, overlayFromSystem } from './level-change';

const ND331 = 'Nghị định 331/2026/NĐ-CP';
const ND85 = 'Nghị định 85/2016/NĐ-CP';

// An online service to citizens, approved at level 2 under Decree 331 (Art. 12.2.b: under the subject thresholds).
const citizenL2: Partial<ClassificationFacts> = {
  systemType: 'CITIZEN_BUSINESS',
  infoTypes: ['PERSONAL'],
  handlesAdminProcedures: false,
  conditionalBusiness: false,
  basicPersonalDataSubjects: 50_000,
  sensitivePersonalDataSubjects: 1_000,
};

describe('re-determination: an edit that makes the rulebook in force compute a level above the approved one (ND331 Art. 25, 10.2.b)', () => {
  it('no change of facts: the approved level stands, nothing is raised', () => {
    expect(levelChange({ approvedLevel: 2, approvedFacts: citizenL2, overlay: {}, regime: 'ND331' })).toBeNull();
  });

  it('basic personal-data subjects reaching 100,000 raise it to level 3 (ND331 Art. 13.2.c)', () => {
    const change = levelChange({
      approvedLevel: 2,
      approvedFacts: citizenL2,
      overlay: { basicPersonalDataSubjects: 100_000 },
      regime: 'ND331',
    });
    expect(change).toMatchObject({ computedLevel: 3, floor: false, regime: 'ND331', articles: [`Điểm c Khoản 2 Điều 13 ${ND331}`] });
    expect(change!.reasons[0]).toContain('cấp độ 3');
  });

  it('99,999 basic subjects stay level 2: the threshold is "từ 100.000 … trở lên" (ND331 Art. 12.2.b / 13.2.c)', () => {
    expect(
      levelChange({ approvedLevel: 2, approvedFacts: citizenL2, overlay: { basicPersonalDataSubjects: 99_999 }, regime: 'ND331' }),
    ).toBeNull();
  });

  it('sensitive personal-data subjects reaching 10,000 raise it to level 3 (ND331 Art. 13.2.c)', () => {
    const change = levelChange({
      approvedLevel: 2,
      approvedFacts: citizenL2,
      overlay: { sensitivePersonalDataSubjects: 10_000 },
      regime: 'ND331',
    });
    expect(change).toMatchObject({ computedLevel: 3, articles: [`Điểm c Khoản 2 Điều 13 ${ND331}`] });
  });

  it('users reaching 10,000 raise a Decree 85 citizen service to level 3 (ND85 Art. 9.2.c)', () => {
    const approved: Partial<ClassificationFacts> = {
      systemType: 'CITIZEN_BUSINESS',
      infoTypes: ['PERSONAL'],
      publicServiceLevel: 'NONE',
      conditionalBusiness: false,
      users: 9_000,
    };
    expect(levelChange({ approvedLevel: 2, approvedFacts: approved, overlay: { users: 9_999 }, regime: 'ND85' })).toBeNull();
    const change = levelChange({ approvedLevel: 2, approvedFacts: approved, overlay: { users: 10_000 }, regime: 'ND85' });
    expect(change).toMatchObject({ computedLevel: 3, articles: [`Điểm c Khoản 2 Điều 9 ${ND85}`] });
  });

  it('information types: an internal system that starts processing private information rises from level 1 to 2 (ND331 Art. 11.1 → 12.1)', () => {
    const approved: Partial<ClassificationFacts> = { systemType: 'INTERNAL', infoTypes: ['PUBLIC'] };
    const change = levelChange({
      approvedLevel: 1,
      approvedFacts: approved,
      overlay: { infoTypes: ['PUBLIC', 'PRIVATE'] },
      regime: 'ND331',
    });
    expect(change).toMatchObject({ computedLevel: 2, articles: [`Khoản 1 Điều 12 ${ND331}`] });
  });

  it('system type: an internal system that starts settling administrative procedures for citizens is level 3 (ND331 Art. 13.2.b)', () => {
    const approved: Partial<ClassificationFacts> = { systemType: 'INTERNAL', infoTypes: ['PRIVATE'], handlesAdminProcedures: true };
    // Under its approved type the procedures field is not a criterion (it sits under Art. 9.2.b systems only).
    expect(levelChange({ approvedLevel: 2, approvedFacts: approved, overlay: {}, regime: 'ND331' })).toBeNull();
    const change = levelChange({ approvedLevel: 2, approvedFacts: approved, overlay: { systemType: 'CITIZEN_BUSINESS' }, regime: 'ND331' });
    expect(change?.computedLevel).toBe(3);
    expect(change?.articles).toContain(`Điểm b Khoản 2 Điều 13 ${ND331}`);
  });

  it('components: a component at a higher level lifts the whole system to it (ND331 Art. 8.2, highest level applies)', () => {
    const approved: Partial<ClassificationFacts> = { systemType: 'INTERNAL', infoTypes: ['PRIVATE'] };
    const component: ClassificationFacts = { ...citizenL2, basicPersonalDataSubjects: 200_000 } as ClassificationFacts;
    const change = levelChange({ approvedLevel: 2, approvedFacts: approved, overlay: { components: [component] }, regime: 'ND331' });
    expect(change).toMatchObject({ computedLevel: 3, articles: [`Điểm c Khoản 2 Điều 13 ${ND331}`] });
    expect(change!.reasons[0]).toMatch(/^Hệ thống thành phần components\[0\]/);
  });

  it('components: the approved components are kept when the edit does not name them, so a root edit below them raises nothing', () => {
    const component: ClassificationFacts = { ...citizenL2, basicPersonalDataSubjects: 200_000 } as ClassificationFacts;
    const approved: Partial<ClassificationFacts> = { systemType: 'INTERNAL', infoTypes: ['PUBLIC'], components: [component] };
    expect(levelChange({ approvedLevel: 3, approvedFacts: approved, overlay: { infoTypes: ['PRIVATE'] }, regime: 'ND331' })).toBeNull();
  });

  it('scope: shared infrastructure serving a whole province rises from level 2 to 3 (ND331 Art. 12.3 → 13.3)', () => {
    const approved: Partial<ClassificationFacts> = {
      systemType: 'INFRASTRUCTURE',
      infoTypes: ['PRIVATE'],
      infrastructureScope: 'SINGLE_ORG',
    };
    const change = levelChange({
      approvedLevel: 2,
      approvedFacts: approved,
      overlay: { infrastructureScope: 'SHARED_REGIONAL' },
      regime: 'ND331',
    });
    expect(change).toMatchObject({ computedLevel: 3, articles: [`Khoản 3 Điều 13 ${ND331}`] });
  });

  it("a lower computed level never raises anything: re-determination downwards is the owner's own dossier, not a flag", () => {
    const approved: Partial<ClassificationFacts> = { ...citizenL2, basicPersonalDataSubjects: 200_000 };
    expect(
      levelChange({ approvedLevel: 3, approvedFacts: approved, overlay: { basicPersonalDataSubjects: 10 }, regime: 'ND331' }),
    ).toBeNull();
  });

  it('approved under Decree 85, judged by the Decree 331 rulebook in force: missing subject counts raise nothing, a count over the threshold does (ND331 Art. 13.2.c)', () => {
    // Approved under Decree 85 (users); Decree 331 asks for data subjects, which the dossier never gave.
    const approved: Partial<ClassificationFacts> = {
      systemType: 'CITIZEN_BUSINESS',
      infoTypes: ['PERSONAL'],
      users: 500,
      publicServiceLevel: 'NONE',
    };
    expect(levelChange({ approvedLevel: 2, approvedFacts: approved, overlay: {}, regime: 'ND331' })).toBeNull();
    const change = levelChange({
      approvedLevel: 2,
      approvedFacts: approved,
      overlay: { basicPersonalDataSubjects: 150_000 },
      regime: 'ND331',
    });
    expect(change).toMatchObject({ computedLevel: 3, floor: false, regime: 'ND331' });
  });

  it('facts the regime in force refuses compute nothing (no level claimed from invalid input)', () => {
    expect(
      levelChange({
        approvedLevel: 1,
        approvedFacts: { systemType: 'INTERNAL', infoTypes: ['PUBLIC'] },
        overlay: { basicPersonalDataSubjects: -5 },
        regime: 'ND331',
      }),
    ).toBeNull();
  });

  it('the overlay replaces only the values it carries; null and undefined keep the approved fact', () => {
    const facts = overlaidFacts(citizenL2, { basicPersonalDataSubjects: undefined, infoTypes: ['PRIVATE'] });
    expect(facts).toMatchObject({ basicPersonalDataSubjects: 50_000, infoTypes: ['PRIVATE'] });
  });

  it('tells which edits touch classification facts (a name or a description alone does not)', () => {
    expect(
      classificationFactsChanged({ systemType: 'INTERNAL', infoTypes: ['PUBLIC'] }, { systemType: 'INTERNAL', infoTypes: ['PUBLIC'] }),
    ).toBe(false);
    expect(classificationFactsChanged({ users: 10 }, { users: 11 })).toBe(true);
    expect(classificationFactsChanged({ infoTypes: ['PUBLIC'] }, { infoTypes: ['PUBLIC', 'PRIVATE'] })).toBe(true);
  });
});

describe('the facts a system record carries into the re-evaluation', () => {
  it('counts only count with private or personal information, as the drafting reads them', () => {
    const record = {
      systemType: 'CITIZEN_BUSINESS' as const,
      userCount: 20_000,
      basicPersonalDataSubjects: 150_000,
      sensitivePersonalDataSubjects: null,
    };
    expect(overlayFromSystem({ ...record, infoTypes: ['PUBLIC'] })).toEqual({ systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC'] });
    expect(overlayFromSystem({ ...record, infoTypes: ['PERSONAL'] })).toEqual({
      systemType: 'CITIZEN_BUSINESS',
      infoTypes: ['PERSONAL'],
      users: 20_000,
      basicPersonalDataSubjects: 150_000,
    });
  });
});
