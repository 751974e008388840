import type { ClassificationFacts, SecurityLevel } from './classification.types';
import { evaluate } from './evaluator';
import { ND85_RULEBOOK } from './nd85.rulebook';

const ND85 = 'Nghị định 85/2016/NĐ-CP';

interface Row {
  id: string;
  article: string;
  facts: ClassificationFacts;
  level: SecurityLevel;
  /** Every rule id expected to match, so an over-broad row also fails. */
  matched: string[];
}

// Articles are written out here, independently of the rulebook, so a wrong reference fails the test.
const rows: Row[] = [
  { id: 'R1', article: `Điều 7 ${ND85}`, level: 1, matched: ['R1'], facts: { systemType: 'INTERNAL', infoTypes: ['PUBLIC'] } },
  {
    id: 'R2',
    article: `Khoản 1 Điều 8 ${ND85}`,
    level: 2,
    matched: ['R2'],
    facts: { systemType: 'INTERNAL', infoTypes: ['PUBLIC', 'PERSONAL'] },
  },
  {
    id: 'R3',
    article: `Khoản 1 Điều 9 ${ND85}`,
    level: 3,
    matched: ['R3'],
    facts: { systemType: 'INTERNAL', infoTypes: ['PRIVATE', 'STATE_SECRET'], nationalSecurityHarm: 'HARM' },
  },
  {
    id: 'R4',
    article: `Khoản 1 Điều 10 ${ND85}`,
    level: 4,
    matched: ['R4'],
    facts: { systemType: 'INTERNAL', infoTypes: ['STATE_SECRET'], nationalSecurityHarm: 'SERIOUS' },
  },
  {
    id: 'R5',
    article: `Khoản 1 Điều 11 ${ND85}`,
    level: 5,
    matched: ['R5'],
    facts: { systemType: 'INTERNAL', infoTypes: ['STATE_SECRET'], nationalSecurityHarm: 'ESPECIALLY_SERIOUS' },
  },
  {
    id: 'R6',
    article: `Điểm b Khoản 2 Điều 8 ${ND85}`,
    level: 2,
    matched: ['R6'],
    facts: { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC'] },
  },
  {
    id: 'R7',
    article: `Điểm a Khoản 2 Điều 8 ${ND85}`,
    level: 2,
    matched: ['R6', 'R7'],
    facts: { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC'], publicServiceLevel: 'LE2' },
  },
  {
    id: 'R8',
    article: `Điểm a Khoản 2 Điều 9 ${ND85}`,
    level: 3,
    matched: ['R6', 'R8'],
    facts: { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC'], publicServiceLevel: 'GE3' },
  },
  {
    id: 'R10',
    article: `Điểm b Khoản 2 Điều 9 ${ND85}`,
    level: 3,
    matched: ['R10'],
    facts: { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC'], conditionalBusiness: true },
  },
  {
    id: 'R11',
    article: `Điểm c Khoản 2 Điều 8 ${ND85}`,
    level: 2,
    matched: ['R6', 'R11'],
    facts: { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PERSONAL'], users: 9_999 },
  },
  {
    id: 'R12',
    article: `Điểm c Khoản 2 Điều 9 ${ND85}`,
    level: 3,
    matched: ['R6', 'R12'],
    facts: { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PRIVATE'], users: 10_000 },
  },
  {
    id: 'R13',
    article: `Khoản 3 Điều 8 ${ND85}`,
    level: 2,
    matched: ['R13'],
    facts: { systemType: 'INFRASTRUCTURE', infoTypes: ['PRIVATE'], infrastructureScope: 'SINGLE_ORG' },
  },
  {
    id: 'R14',
    article: `Khoản 3 Điều 9 ${ND85}`,
    level: 3,
    matched: ['R14'],
    facts: { systemType: 'INFRASTRUCTURE', infoTypes: ['PRIVATE'], infrastructureScope: 'SHARED_REGIONAL' },
  },
  {
    id: 'R15a',
    article: `Khoản 3 Điều 10 ${ND85}`,
    level: 4,
    matched: ['R15a'],
    facts: { systemType: 'INFRASTRUCTURE', infoTypes: ['PRIVATE'], infrastructureScope: 'NATIONWIDE' },
  },
  {
    id: 'R15b',
    article: `Khoản 2 Điều 10 ${ND85}`,
    level: 4,
    matched: ['R1', 'R15b'],
    facts: { systemType: 'INTERNAL', infoTypes: ['PUBLIC'], nationalEgov24x7: true },
  },
  {
    id: 'R16',
    article: `Khoản 3 Điều 11 ${ND85}`,
    level: 5,
    matched: ['R16'],
    facts: { systemType: 'INFRASTRUCTURE', infoTypes: ['PRIVATE'], infrastructureScope: 'INTERNATIONAL_LINK' },
  },
  {
    id: 'R17',
    article: `Khoản 4 Điều 9 ${ND85}`,
    level: 3,
    matched: ['R17'],
    facts: { systemType: 'INDUSTRIAL_CONTROL', infoTypes: ['PRIVATE'], worksGrade: 'III' },
  },
  {
    id: 'R18',
    article: `Khoản 4 Điều 10 ${ND85}`,
    level: 4,
    matched: ['R18'],
    facts: { systemType: 'INDUSTRIAL_CONTROL', infoTypes: ['PRIVATE'], worksGrade: 'I' },
  },
  {
    id: 'R19',
    article: `Khoản 4 Điều 11 ${ND85}`,
    level: 5,
    matched: ['R19'],
    facts: { systemType: 'INDUSTRIAL_CONTROL', infoTypes: ['PRIVATE'], worksGrade: 'SPECIAL' },
  },
  {
    id: 'R20',
    article: `Khoản 2 Điều 11 ${ND85}`,
    level: 5,
    matched: ['R1', 'R20'],
    facts: { systemType: 'INTERNAL', infoTypes: ['PUBLIC'], criticalNationalDataStorage: true },
  },
  {
    id: 'R21',
    article: `Khoản 5 Điều 11 ${ND85}`,
    level: 5,
    matched: ['R21'],
    facts: { systemType: 'OTHER', infoTypes: ['PRIVATE'], pmDesignatedLevel: 5 },
  },
];

describe('ND85 rulebook: decision table rows', () => {
  it.each(rows)('$id gives level $level under $article', ({ id, article, facts, level, matched }) => {
    const result = evaluate(facts, 'ND85');

    expect(result.matchedRules).toContainEqual({ id, article, level, reason: expect.any(String) });
    expect(result.matchedRules.map((r) => r.id)).toEqual(matched);
    expect(result.level).toBe(level);
    expect(result.undetermined).toBe(false);
  });

  it('has a test row for every rule of the rulebook', () => {
    expect(ND85_RULEBOOK.rules.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it.each(['IV', 'II'] as const)('R17 also covers works grade %s', (worksGrade) => {
    const result = evaluate({ systemType: 'INDUSTRIAL_CONTROL', infoTypes: ['PRIVATE'], worksGrade }, 'ND85');
    expect(result.matchedRules.map((r) => r.id)).toEqual(['R17']);
  });

  it('R19 also covers works important to national security', () => {
    const result = evaluate({ systemType: 'INDUSTRIAL_CONTROL', infoTypes: ['PRIVATE'], worksGrade: 'NATIONAL_SECURITY_WORKS' }, 'ND85');
    expect(result.level).toBe(5);
  });

  it.each([
    ['HARM', 3],
    ['SERIOUS', 4],
    ['ESPECIALLY_SERIOUS', 5],
  ] as const)('R3–R5 apply to a defence/security system without state secrets (harm %s → %d)', (harm, level) => {
    const result = evaluate(
      { systemType: 'INTERNAL', infoTypes: ['PUBLIC'], defenceSecuritySystem: true, nationalSecurityHarm: harm },
      'ND85',
    );
    expect(result.level).toBe(level);
  });
});

describe('ND85 rulebook: user threshold (Điểm c Khoản 2 Điều 8 / Điều 9)', () => {
  const citizen = (users: number): ClassificationFacts => ({ systemType: 'CITIZEN_BUSINESS', infoTypes: ['PERSONAL'], users });

  it.each([
    [0, 2, 'R11'],
    [9_999, 2, 'R11'],
    [10_000, 3, 'R12'],
    [1_000_000, 3, 'R12'],
  ])('%d users → level %d (%s)', (users, level, rule) => {
    const result = evaluate(citizen(users), 'ND85');
    expect(result.level).toBe(level);
    expect(result.matchedRules.map((r) => r.id)).toContain(rule);
  });

  it('ignores data-subject counts, which are an ND331 criterion', () => {
    const result = evaluate({ ...citizen(10), basicPersonalDataSubjects: 5_000_000, sensitivePersonalDataSubjects: 5_000_000 }, 'ND85');
    expect(result.level).toBe(2);
    expect(result.assumptions.join('\n')).toContain('basicPersonalDataSubjects');
  });

  it('Art. 8.2.c / 9.2.c: does not count users whose data is only public, settles level 2 and says why', () => {
    const result = evaluate({ systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC'], users: 50_000 }, 'ND85');
    expect(result).toMatchObject({ level: 2, undetermined: false });
    expect(result.assumptions).toEqual(expect.arrayContaining([expect.stringContaining('chỉ đếm người sử dụng có thông tin riêng')]));
  });

  it('Art. 9.1: a harm declared for a system neither secret nor defence is not counted, with a note', () => {
    const result = evaluate({ systemType: 'INTERNAL', infoTypes: ['PUBLIC'], nationalSecurityHarm: 'SERIOUS' }, 'ND85');
    expect(result.level).toBe(1);
    expect(result.assumptions).toEqual(expect.arrayContaining([expect.stringContaining('Khoản 1 các Điều 9, 10, 11')]));
  });
});

describe('ND85 rulebook: rows of the other regime do not exist', () => {
  it('R9: handling administrative procedures is not a criterion under ND85', () => {
    const result = evaluate({ systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC'], handlesAdminProcedures: true }, 'ND85');
    expect(result.level).toBe(2);
    expect(result.matchedRules.map((r) => r.id)).toEqual(['R6']);
  });

  it('R21: a Prime Minister designation below 5 does not match (Khoản 5 Điều 11)', () => {
    const result = evaluate({ systemType: 'INTERNAL', infoTypes: ['PUBLIC'], pmDesignatedLevel: 3 }, 'ND85');
    expect(result.level).toBe(1);
    expect(result.assumptions.join('\n')).toContain('Khoản 5 Điều 11');
  });

  it('R22 and the risk-assessment escalation are ignored', () => {
    const result = evaluate({ systemType: 'INTERNAL', infoTypes: ['PUBLIC'], riskFrameworkLevel: 4, riskAssessedLevel: 5 }, 'ND85');
    expect(result.level).toBe(1);
    expect(result.onNationalSecurityList).toBeUndefined();
  });

  it('states the public-service mapping as an assumption', () => {
    const result = evaluate({ systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC'], publicServiceLevel: 'GE3' }, 'ND85');
    expect(result.assumptions.join('\n')).toMatch(/toàn trình hoặc một phần.*Nghị định 42\/2022\/NĐ-CP/);
  });
});
