import type { ClassificationFacts, SecurityLevel } from './classification.types';
import { evaluate } from './evaluator';
import { ND331_RULEBOOK } from './nd331.rulebook';

const ND331 = 'Nghị định 331/2026/NĐ-CP';

interface Row {
  id: string;
  article: string;
  facts: ClassificationFacts;
  level: SecurityLevel;
  /** Every rule id expected to match, so an over-broad row also fails. */
  matched: string[];
}

const secret = (nationalSecurityHarm: ClassificationFacts['nationalSecurityHarm']): ClassificationFacts => ({
  systemType: 'INTERNAL',
  infoTypes: ['STATE_SECRET'],
  nationalSecurityHarm,
});
const citizen = (extra: Partial<ClassificationFacts>): ClassificationFacts => ({
  systemType: 'CITIZEN_BUSINESS',
  infoTypes: ['PUBLIC'],
  ...extra,
});
const infra = (infrastructureScope: ClassificationFacts['infrastructureScope']): ClassificationFacts => ({
  systemType: 'INFRASTRUCTURE',
  infoTypes: ['PRIVATE'],
  infrastructureScope,
});
const ics = (worksGrade: ClassificationFacts['worksGrade']): ClassificationFacts => ({
  systemType: 'INDUSTRIAL_CONTROL',
  infoTypes: ['PRIVATE'],
  worksGrade,
});
const other = (extra: Partial<ClassificationFacts>): ClassificationFacts => ({ systemType: 'OTHER', infoTypes: ['PRIVATE'], ...extra });

// Articles are written out here, independently of the rulebook, so a wrong reference fails the test.
const rows: Row[] = [
  { id: 'R1', article: `Khoản 1 Điều 11 ${ND331}`, level: 1, matched: ['R1'], facts: { systemType: 'INTERNAL', infoTypes: ['PUBLIC'] } },
  { id: 'R2', article: `Khoản 1 Điều 12 ${ND331}`, level: 2, matched: ['R2'], facts: { systemType: 'INTERNAL', infoTypes: ['PRIVATE'] } },
  { id: 'R3', article: `Khoản 1 Điều 13 ${ND331}`, level: 3, matched: ['R3'], facts: secret('HARM') },
  { id: 'R4', article: `Khoản 1 Điều 14 ${ND331}`, level: 4, matched: ['R4'], facts: secret('SERIOUS') },
  { id: 'R5', article: `Khoản 1 Điều 15 ${ND331}`, level: 5, matched: ['R5'], facts: secret('ESPECIALLY_SERIOUS') },
  { id: 'R6', article: `Điểm a Khoản 2 Điều 12 ${ND331}`, level: 2, matched: ['R6'], facts: citizen({}) },
  {
    id: 'R9',
    article: `Điểm b Khoản 2 Điều 13 ${ND331}`,
    level: 3,
    matched: ['R6', 'R9'],
    facts: citizen({ handlesAdminProcedures: true }),
  },
  { id: 'R10', article: `Điểm a Khoản 2 Điều 13 ${ND331}`, level: 3, matched: ['R10'], facts: citizen({ conditionalBusiness: true }) },
  {
    id: 'R11',
    article: `Điểm b Khoản 2 Điều 12 ${ND331}`,
    level: 2,
    matched: ['R6', 'R11'],
    facts: citizen({ infoTypes: ['PERSONAL'], basicPersonalDataSubjects: 99_999, sensitivePersonalDataSubjects: 9_999 }),
  },
  {
    id: 'R12',
    article: `Điểm c Khoản 2 Điều 13 ${ND331}`,
    level: 3,
    matched: ['R6', 'R12'],
    facts: citizen({ infoTypes: ['PERSONAL'], basicPersonalDataSubjects: 100_000, sensitivePersonalDataSubjects: 0 }),
  },
  { id: 'R13', article: `Khoản 3 Điều 12 ${ND331}`, level: 2, matched: ['R13'], facts: infra('SINGLE_ORG') },
  { id: 'R14', article: `Khoản 3 Điều 13 ${ND331}`, level: 3, matched: ['R14'], facts: infra('SHARED_REGIONAL') },
  { id: 'R15a', article: `Khoản 2 Điều 14 ${ND331}`, level: 4, matched: ['R15a'], facts: infra('NATIONWIDE') },
  {
    id: 'R15b',
    article: `Khoản 2 Điều 14 ${ND331}`,
    level: 4,
    matched: ['R1', 'R15b'],
    facts: { systemType: 'INTERNAL', infoTypes: ['PUBLIC'], nationalEgov24x7: true },
  },
  { id: 'R16', article: `Khoản 3 Điều 15 ${ND331}`, level: 5, matched: ['R16'], facts: infra('INTERNATIONAL_LINK') },
  { id: 'R17', article: `Khoản 4 Điều 13 ${ND331}`, level: 3, matched: ['R17'], facts: ics('II') },
  { id: 'R18', article: `Khoản 3 Điều 14 ${ND331}`, level: 4, matched: ['R18'], facts: ics('I') },
  { id: 'R19', article: `Khoản 4 Điều 15 ${ND331}`, level: 5, matched: ['R19'], facts: ics('NATIONAL_SECURITY_WORKS') },
  {
    id: 'R20',
    article: `Khoản 2 Điều 15 ${ND331}`,
    level: 5,
    matched: ['R1', 'R20'],
    facts: { systemType: 'INTERNAL', infoTypes: ['PUBLIC'], criticalNationalDataStorage: true },
  },
  { id: 'R21-L2', article: `Khoản 4 Điều 12 ${ND331}`, level: 2, matched: ['R21-L2'], facts: other({ pmDesignatedLevel: 2 }) },
  { id: 'R21-L3', article: `Khoản 5 Điều 13 ${ND331}`, level: 3, matched: ['R21-L3'], facts: other({ pmDesignatedLevel: 3 }) },
  { id: 'R21-L4', article: `Khoản 4 Điều 14 ${ND331}`, level: 4, matched: ['R21-L4'], facts: other({ pmDesignatedLevel: 4 }) },
  { id: 'R21-L5', article: `Khoản 5 Điều 15 ${ND331}`, level: 5, matched: ['R21-L5'], facts: other({ pmDesignatedLevel: 5 }) },
  { id: 'R22-L1', article: `Khoản 2 Điều 11 ${ND331}`, level: 1, matched: ['R22-L1'], facts: other({ riskFrameworkLevel: 1 }) },
  { id: 'R22-L2', article: `Khoản 4 Điều 12 ${ND331}`, level: 2, matched: ['R22-L2'], facts: other({ riskFrameworkLevel: 2 }) },
  { id: 'R22-L3', article: `Khoản 5 Điều 13 ${ND331}`, level: 3, matched: ['R22-L3'], facts: other({ riskFrameworkLevel: 3 }) },
  { id: 'R22-L4', article: `Khoản 4 Điều 14 ${ND331}`, level: 4, matched: ['R22-L4'], facts: other({ riskFrameworkLevel: 4 }) },
  { id: 'R22-L5', article: `Khoản 5 Điều 15 ${ND331}`, level: 5, matched: ['R22-L5'], facts: other({ riskFrameworkLevel: 5 }) },
  ...([1, 2, 3, 4, 5] as const).map((level) => ({
    id: `RA-L${level}`,
    article: `Khoản 5 Điều 10 ${ND331}`,
    level,
    matched: ['R5', `RA-L${level}`],
    // Level 5 from R5 so that the escalation row is seen matching without deciding the level.
    facts: { ...secret('ESPECIALLY_SERIOUS'), riskAssessedLevel: level },
  })),
];

describe('ND331 rulebook: decision table rows', () => {
  it.each(rows.filter((r) => !r.id.startsWith('RA-')))(
    '$id gives level $level under $article',
    ({ id, article, facts, level, matched }) => {
      const result = evaluate(facts, 'ND331');

      expect(result.matchedRules).toContainEqual({ id, article, level, reason: expect.any(String) });
      expect(result.matchedRules.map((r) => r.id)).toEqual(matched);
      expect(result.level).toBe(level);
      expect(result.undetermined).toBe(false);
    },
  );

  it.each(rows.filter((r) => r.id.startsWith('RA-')))('$id is reported with $article', ({ id, article, facts, level, matched }) => {
    const result = evaluate(facts, 'ND331');
    expect(result.matchedRules).toContainEqual({ id, article, level, reason: expect.any(String) });
    expect(result.matchedRules.map((r) => r.id)).toEqual(matched);
  });

  it('has a test row for every rule of the rulebook', () => {
    expect(ND331_RULEBOOK.rules.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('R3 applies to a defence/security system without state secrets', () => {
    const result = evaluate(
      { systemType: 'INTERNAL', infoTypes: ['PRIVATE'], defenceSecuritySystem: true, nationalSecurityHarm: 'HARM' },
      'ND331',
    );
    expect(result.level).toBe(3);
    expect(result.matchedRules.map((r) => r.id)).toEqual(['R2', 'R3']);
  });

  it('a nationwide infrastructure states the 24/7 reading as an assumption', () => {
    expect(evaluate(infra('NATIONWIDE'), 'ND331').assumptions.join('\n')).toContain('24/7');
  });
});

describe('ND331 rulebook: data-subject thresholds (Điểm b Khoản 2 Điều 12 / Điểm c Khoản 2 Điều 13)', () => {
  const subjects = (basic: number, sensitive: number): ClassificationFacts =>
    citizen({ infoTypes: ['PERSONAL'], basicPersonalDataSubjects: basic, sensitivePersonalDataSubjects: sensitive });

  it.each([
    [0, 0, 2],
    [99_999, 0, 2],
    [100_000, 0, 3],
    [0, 9_999, 2],
    [0, 10_000, 3],
    [99_999, 9_999, 2],
    [100_000, 10_000, 3],
  ])('%d basic and %d sensitive subjects → level %d', (basic, sensitive, level) => {
    expect(evaluate(subjects(basic, sensitive), 'ND331').level).toBe(level);
  });

  it('ignores the ND85 user count', () => {
    const result = evaluate({ ...subjects(10, 0), users: 5_000_000 }, 'ND331');
    expect(result.level).toBe(2);
    expect(result.assumptions.join('\n')).toContain('(users)');
  });

  it('Art. 12.2.b / 13.2.c: data subjects counted with only public information settle level 2 by Art. 12.2.a, with a note', () => {
    const result = evaluate(
      citizen({ infoTypes: ['PUBLIC'], basicPersonalDataSubjects: 500_000, sensitivePersonalDataSubjects: 50_000 }),
      'ND331',
    );
    expect(result).toMatchObject({ level: 2, undetermined: false });
    expect(result.assumptions).toEqual(
      expect.arrayContaining([expect.stringContaining('số chủ thể dữ liệu đã khai báo không làm thay đổi cấp độ')]),
    );
  });

  it('Art. 13.1: a harm declared for a system neither secret nor defence is not counted, with a note', () => {
    const result = evaluate(citizen({ infoTypes: ['PUBLIC'], nationalSecurityHarm: 'HARM' }), 'ND331');
    expect(result.level).toBe(2);
    expect(result.assumptions).toEqual(expect.arrayContaining([expect.stringContaining('Khoản 1 các Điều 13, 14, 15')]));
  });
});

describe('ND331 rulebook: rows of the other regime do not exist', () => {
  it('R7/R8: the online-public-service level is not a criterion under ND331', () => {
    const result = evaluate(citizen({ publicServiceLevel: 'GE3' }), 'ND331');
    expect(result.level).toBe(2);
    expect(result.matchedRules.map((r) => r.id)).toEqual(['R6']);
    expect(result.assumptions.join('\n')).toContain('publicServiceLevel');
  });
});
