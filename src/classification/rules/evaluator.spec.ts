import fc from 'fast-check';
import {
  INFO_TYPES,
  INFRASTRUCTURE_SCOPES,
  NATIONAL_SECURITY_HARMS,
  PM_DESIGNATED_LEVELS,
  PUBLIC_SERVICE_LEVELS,
  SECURITY_LEVELS,
  SYSTEM_TYPES,
  WORKS_GRADES,
  type ClassificationFacts,
  type Regime,
} from './classification.types';
import { evaluate, evaluateAt } from './evaluator';
import { validateFacts } from './facts-validation';

const publicInternal: ClassificationFacts = { systemType: 'INTERNAL', infoTypes: ['PUBLIC'] };
const privateInternal: ClassificationFacts = { systemType: 'INTERNAL', infoTypes: ['PRIVATE'] };

describe('evaluate: components (ND85 Khoản 2 Điều 5, ND331 Khoản 2 Điều 8)', () => {
  const system: ClassificationFacts = {
    ...publicInternal,
    components: [
      { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC'], publicServiceLevel: 'GE3' },
      {
        systemType: 'INFRASTRUCTURE',
        infoTypes: ['PRIVATE'],
        infrastructureScope: 'SINGLE_ORG',
        components: [{ systemType: 'INDUSTRIAL_CONTROL', infoTypes: ['PRIVATE'], worksGrade: 'I' }],
      },
    ],
  };

  it('takes the highest level of the system and all its components, at any depth', () => {
    const result = evaluate(system, 'ND85');
    expect(result.level).toBe(4);
    expect(result.undetermined).toBe(false);
  });

  it('labels rules matched in components with their path', () => {
    const result = evaluate(system, 'ND85');
    expect(result.matchedRules.map((r) => [r.id, r.componentPath])).toEqual([
      ['R1', undefined],
      ['R6', 'components[0]'],
      ['R8', 'components[0]'],
      ['R13', 'components[1]'],
      ['R18', 'components[1].components[0]'],
    ]);
    expect(result.matchedRules[0]).not.toHaveProperty('componentPath');
  });

  it('reports each component with its own level', () => {
    const result = evaluate(system, 'ND85');
    expect(result.componentResults?.map((c) => [c.componentPath, c.level])).toEqual([
      ['components[0]', 3],
      ['components[1]', 4],
    ]);
    expect(result.componentResults?.[1].componentResults?.[0]).toMatchObject({
      componentPath: 'components[1].components[0]',
      level: 4,
      undetermined: false,
    });
  });

  it('a component at a lower level does not lower the system', () => {
    const result = evaluate({ ...privateInternal, nationalEgov24x7: true, components: [publicInternal] }, 'ND331');
    expect(result.level).toBe(4);
  });
});

describe('evaluate: risk assessment (Khoản 5 Điều 10 Nghị định 331/2026/NĐ-CP)', () => {
  it('raises the level above the criteria', () => {
    const result = evaluate({ ...privateInternal, riskAssessedLevel: 4 }, 'ND331');
    expect(result.level).toBe(4);
    expect(result.matchedRules).toContainEqual(
      expect.objectContaining({ id: 'RA-L4', level: 4, article: 'Khoản 5 Điều 10 Nghị định 331/2026/NĐ-CP' }),
    );
  });

  it('never lowers the level set by the criteria', () => {
    const result = evaluate(
      { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC'], handlesAdminProcedures: true, riskAssessedLevel: 1 },
      'ND331',
    );
    expect(result.level).toBe(3);
  });

  it('does not settle the level of a system no criterion covers: it is only a floor', () => {
    const result = evaluate({ systemType: 'OTHER', infoTypes: ['PRIVATE'], riskAssessedLevel: 3 }, 'ND331');
    expect(result).toMatchObject({ level: 3, undetermined: true });
  });

  it('reminds that a risk assessment is required when none is declared, once for the whole system', () => {
    const result = evaluate({ ...privateInternal, components: [publicInternal, publicInternal] }, 'ND331');
    expect(result.assumptions.filter((a) => a.includes('Điểm a Khoản 2 Điều 10'))).toHaveLength(1);
  });
});

describe('evaluate: undetermined cases give a floor and a justification to write, never a silent guess', () => {
  it('OTHER with nothing matched (R23) under ND85', () => {
    const result = evaluate({ systemType: 'OTHER', infoTypes: ['PRIVATE'] }, 'ND85');
    expect(result).toMatchObject({ level: null, undetermined: true, matchedRules: [] });
    expect(result.manualJustification).toEqual([expect.stringContaining('Điểm đ Khoản 2 Điều 6 Nghị định 85/2016/NĐ-CP')]);
  });

  it('OTHER with nothing matched (R23) under ND331', () => {
    const result = evaluate({ systemType: 'OTHER', infoTypes: ['PRIVATE'] }, 'ND331');
    expect(result).toMatchObject({ level: null, undetermined: true, onNationalSecurityList: false });
    expect(result.manualJustification?.[0]).toContain('Điểm đ Khoản 2 Điều 9 Nghị định 331/2026/NĐ-CP');
  });

  it('OTHER designated by the Prime Minister is settled', () => {
    expect(evaluate({ systemType: 'OTHER', infoTypes: ['PRIVATE'], pmDesignatedLevel: 5 }, 'ND85')).toMatchObject({
      level: 5,
      undetermined: false,
    });
  });

  it('an industrial control system that runs no construction works', () => {
    const result = evaluate({ systemType: 'INDUSTRIAL_CONTROL', infoTypes: ['PRIVATE'], worksGrade: 'NONE' }, 'ND85');
    expect(result).toMatchObject({ level: null, undetermined: true });
    expect(result.manualJustification).toEqual([expect.stringContaining('không phục vụ công trình xây dựng')]);
  });

  it('an industrial control system without a works grade, with a known floor', () => {
    const result = evaluate({ systemType: 'INDUSTRIAL_CONTROL', infoTypes: ['STATE_SECRET'], nationalSecurityHarm: 'HARM' }, 'ND331');
    expect(result).toMatchObject({ level: 3, undetermined: true });
    expect(result.manualJustification?.[0]).toContain('Chưa khai báo cấp công trình');
  });

  it('an infrastructure system without a scope', () => {
    const result = evaluate({ systemType: 'INFRASTRUCTURE', infoTypes: ['PRIVATE'] }, 'ND85');
    expect(result).toMatchObject({ level: null, undetermined: true });
    expect(result.manualJustification?.[0]).toContain('phạm vi phục vụ');
  });

  it('a missing user count under ND85, unless the level is already 3', () => {
    const missing: ClassificationFacts = { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PERSONAL'] };
    expect(evaluate(missing, 'ND85')).toMatchObject({ level: 2, undetermined: true });
    expect(evaluate({ ...missing, conditionalBusiness: true }, 'ND85')).toMatchObject({ level: 3, undetermined: false });
  });

  it('a missing data-subject count under ND331', () => {
    const result = evaluate({ systemType: 'CITIZEN_BUSINESS', infoTypes: ['PERSONAL'], basicPersonalDataSubjects: 10 }, 'ND331');
    expect(result).toMatchObject({ level: 2, undetermined: true });
    expect(result.manualJustification?.[0]).toContain('chủ thể dữ liệu cá nhân nhạy cảm');
  });

  it('an undetermined component makes the system undetermined, with the known level as floor', () => {
    const result = evaluate({ ...privateInternal, components: [{ systemType: 'OTHER', infoTypes: ['PRIVATE'] }] }, 'ND85');
    expect(result).toMatchObject({ level: 2, undetermined: true });
    expect(result.manualJustification?.[0]).toMatch(/^Hệ thống thành phần components\[0\]: /);
    expect(result.componentResults?.[0]).toMatchObject({ level: null, undetermined: true });
  });

  it('an undetermined component cannot raise a system already at level 5', () => {
    const result = evaluate(
      { ...publicInternal, criticalNationalDataStorage: true, components: [{ systemType: 'OTHER', infoTypes: ['PRIVATE'] }] },
      'ND331',
    );
    expect(result).toMatchObject({ level: 5, undetermined: false, onNationalSecurityList: true });
    expect(result.manualJustification).toBeUndefined();
    expect(result.componentResults?.[0].undetermined).toBe(true);
  });
});

describe('evaluate: notes and the national-security List', () => {
  it('ND331 level 5 is on the List (Khoản 4 Điều 16), level 4 is not', () => {
    expect(evaluate({ ...publicInternal, criticalNationalDataStorage: true }, 'ND331').onNationalSecurityList).toBe(true);
    expect(evaluate({ ...publicInternal, nationalEgov24x7: true }, 'ND331').onNationalSecurityList).toBe(false);
  });

  it('says when a field does not apply to the declared system type', () => {
    const result = evaluate({ ...privateInternal, conditionalBusiness: true, worksGrade: 'I' }, 'ND85');
    expect(result.level).toBe(2);
    expect(result.assumptions).toEqual([
      expect.stringContaining('(conditionalBusiness) chỉ xét đối với hệ thống thông tin phục vụ người dân, doanh nghiệp'),
      expect.stringContaining('(worksGrade) chỉ xét đối với hệ thống thông tin điều khiển công nghiệp'),
    ]);
  });

  it('prefixes notes of components with their path', () => {
    const result = evaluate(
      { ...publicInternal, components: [{ systemType: 'INFRASTRUCTURE', infoTypes: ['PRIVATE'], infrastructureScope: 'NATIONWIDE' }] },
      'ND85',
    );
    expect(result.assumptions).toEqual([expect.stringMatching(/^Hệ thống thành phần components\[0\]: Giả định: hạ tầng/)]);
  });
});

describe('evaluateAt', () => {
  it('uses the regime in force on the date', () => {
    expect(evaluateAt(publicInternal, '2026-08-18').regime).toBe('ND85');
    expect(evaluateAt(publicInternal, '2026-08-19').regime).toBe('ND331');
  });

  it('keeps ND85 for a transitional project', () => {
    expect(evaluateAt(publicInternal, '2026-10-01', { transitionalProject: true })).toMatchObject({
      regime: 'ND85',
      rulebookVersion: '2016-85/2022-12',
    });
  });

  it('accepts an explicit regime', () => {
    expect(evaluateAt(publicInternal, '2020-01-01', { regime: 'ND331' }).regime).toBe('ND331');
  });
});

// Valid facts under the regime, with up to three components.
const leafFacts = fc.record(
  {
    systemType: fc.constantFrom(...SYSTEM_TYPES),
    infoTypes: fc.subarray([...INFO_TYPES], { minLength: 1 }),
    nationalSecurityHarm: fc.constantFrom(...NATIONAL_SECURITY_HARMS),
    defenceSecuritySystem: fc.boolean(),
    publicServiceLevel: fc.constantFrom(...PUBLIC_SERVICE_LEVELS),
    users: fc.nat({ max: 50_000 }),
    handlesAdminProcedures: fc.boolean(),
    basicPersonalDataSubjects: fc.nat({ max: 300_000 }),
    sensitivePersonalDataSubjects: fc.nat({ max: 30_000 }),
    riskAssessedLevel: fc.constantFrom(...SECURITY_LEVELS),
    conditionalBusiness: fc.boolean(),
    infrastructureScope: fc.constantFrom(...INFRASTRUCTURE_SCOPES),
    nationalEgov24x7: fc.boolean(),
    worksGrade: fc.constantFrom(...WORKS_GRADES),
    criticalNationalDataStorage: fc.boolean(),
    pmDesignatedLevel: fc.constantFrom(...PM_DESIGNATED_LEVELS),
    riskFrameworkLevel: fc.constantFrom(...SECURITY_LEVELS),
  },
  { requiredKeys: ['systemType', 'infoTypes'] },
) as fc.Arbitrary<ClassificationFacts>;

const validFacts = (regime: Regime): fc.Arbitrary<ClassificationFacts> =>
  fc
    .tuple(leafFacts, fc.array(leafFacts, { maxLength: 3 }))
    .map(([facts, components]) => (components.length > 0 ? { ...facts, components } : facts))
    .filter((facts) => validateFacts(facts, regime).length === 0);

const rank = (level: number | null): number => level ?? 0;

describe('properties', () => {
  it.each(['ND85', 'ND331'] as const)('%s: adding a component never lowers the level', (regime) => {
    fc.assert(
      fc.property(validFacts(regime), validFacts(regime), (system, component) => {
        const before = evaluate(system, regime).level;
        const after = evaluate({ ...system, components: [...(system.components ?? []), component] }, regime).level;
        expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
      }),
      { numRuns: 300 },
    );
  });

  it('ND331: raising the risk-assessed level never lowers the level', () => {
    fc.assert(
      fc.property(validFacts('ND331'), fc.constantFrom(...SECURITY_LEVELS), fc.constantFrom(...SECURITY_LEVELS), (facts, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const atLow = evaluate({ ...facts, riskAssessedLevel: low }, 'ND331').level;
        const atHigh = evaluate({ ...facts, riskAssessedLevel: high }, 'ND331').level;
        expect(rank(atHigh)).toBeGreaterThanOrEqual(rank(atLow));
        expect(rank(atHigh)).toBeGreaterThanOrEqual(high);
      }),
      { numRuns: 300 },
    );
  });
});
