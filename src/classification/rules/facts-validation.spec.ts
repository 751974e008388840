import type { Regime } from './classification.types';
import { MAX_COMPONENTS, validateFacts } from './facts-validation';

const valid = { systemType: 'INTERNAL', infoTypes: ['PRIVATE'] };
const fields = (input: unknown, regime: Regime = 'ND85'): string[] => validateFacts(input, regime).map((e) => e.field);

const nest = (depth: number): Record<string, unknown> => (depth === 0 ? { ...valid } : { ...valid, components: [nest(depth - 1)] });

describe('validateFacts', () => {
  it('accepts minimal facts in both regimes', () => {
    expect(validateFacts(valid, 'ND85')).toEqual([]);
    expect(validateFacts(valid, 'ND331')).toEqual([]);
  });

  it('accepts fields of the other regime (the evaluator ignores them)', () => {
    const facts = { ...valid, handlesAdminProcedures: true, basicPersonalDataSubjects: 10, users: 10 };
    expect(validateFacts(facts, 'ND85')).toEqual([]);
    expect(validateFacts(facts, 'ND331')).toEqual([]);
  });

  it.each([null, [], 'INTERNAL', 42])('rejects %p as facts', (input) => {
    expect(fields(input)).toEqual(['facts']);
  });

  it('requires the system type and the information types', () => {
    expect(validateFacts({}, 'ND85')).toEqual([
      { field: 'facts.systemType', message: 'Bắt buộc khai báo loại hình hệ thống thông tin.' },
      { field: 'facts.infoTypes', message: 'Bắt buộc khai báo loại thông tin được xử lý.' },
    ]);
  });

  it('rejects empty information types', () => {
    expect(validateFacts({ ...valid, infoTypes: [] }, 'ND85')).toEqual([
      { field: 'facts.infoTypes', message: 'Phải chọn ít nhất một loại thông tin.' },
    ]);
  });

  it('rejects unknown enum values, naming the allowed ones', () => {
    const errors = validateFacts(
      { systemType: 'WEBSITE', infoTypes: ['PUBLIC', 'SECRET'], worksGrade: 'V', infrastructureScope: 'LOCAL' },
      'ND331',
    );
    expect(errors.map((e) => e.field)).toEqual(['facts.systemType', 'facts.infoTypes[1]', 'facts.infrastructureScope', 'facts.worksGrade']);
    expect(errors[0].message).toContain('INTERNAL, CITIZEN_BUSINESS, INFRASTRUCTURE, INDUSTRIAL_CONTROL, OTHER');
  });

  it('rejects duplicate information types', () => {
    expect(fields({ ...valid, infoTypes: ['PRIVATE', 'PRIVATE'] })).toEqual(['facts.infoTypes[1]']);
  });

  it('rejects unknown fields and null values', () => {
    expect(validateFacts({ ...valid, name: 'Cổng', users: null }, 'ND85')).toEqual([
      { field: 'facts.name', message: 'Trường không được hỗ trợ.' },
      { field: 'facts.users', message: 'Không được để giá trị null; bỏ trường này nếu không có thông tin.' },
    ]);
  });

  it.each([
    ['users', -1],
    ['users', 1.5],
    ['basicPersonalDataSubjects', '100000'],
    ['sensitivePersonalDataSubjects', Number.POSITIVE_INFINITY],
  ])('rejects %s = %p: not a non-negative integer', (field, value) => {
    expect(validateFacts({ ...valid, [field]: value }, 'ND331')).toEqual([
      { field: `facts.${field}`, message: 'Phải là số nguyên không âm.' },
    ]);
  });

  it.each([
    ['riskAssessedLevel', 0],
    ['riskAssessedLevel', 6],
    ['riskFrameworkLevel', 2.5],
    ['pmDesignatedLevel', 1],
    ['pmDesignatedLevel', '5'],
  ])('rejects %s = %p: level out of range', (field, value) => {
    expect(fields({ ...valid, [field]: value }, 'ND331')).toEqual([`facts.${field}`]);
  });

  it('rejects a non-boolean flag', () => {
    expect(validateFacts({ ...valid, nationalEgov24x7: 'yes' }, 'ND85')).toEqual([
      { field: 'facts.nationalEgov24x7', message: 'Phải là true hoặc false.' },
    ]);
  });

  describe('cross-field checks: only what contradicts the criteria is refused', () => {
    it.each([undefined, 'NONE'])(
      'ND85 Art. 9.1–11.1 / ND331 Art. 13.1–15.1: a state-secret system graded by no harm (harm %p) is refused',
      (harm) => {
        const errors = validateFacts({ systemType: 'INTERNAL', infoTypes: ['STATE_SECRET'], nationalSecurityHarm: harm }, 'ND85');
        expect(errors).toEqual([{ field: 'facts.nationalSecurityHarm', message: expect.stringContaining('bí mật nhà nước') }]);
        expect(errors[0].message).toContain('Khoản 1 Điều 13, 14, 15 Nghị định 331/2026/NĐ-CP');
      },
    );

    it('ND85 Art. 9.1 / ND331 Art. 13.1: public information together with state secrets is fine', () => {
      expect(
        validateFacts({ systemType: 'INTERNAL', infoTypes: ['PUBLIC', 'STATE_SECRET'], nationalSecurityHarm: 'HARM' }, 'ND85'),
      ).toEqual([]);
    });

    it('ND85 Art. 9.1 / ND331 Art. 13.1: a defence/security system must state its harm, which may be none', () => {
      expect(fields({ ...valid, defenceSecuritySystem: true })).toEqual(['facts.nationalSecurityHarm']);
      expect(fields({ ...valid, defenceSecuritySystem: true, nationalSecurityHarm: 'NONE' })).toEqual([]);
      expect(fields({ ...valid, defenceSecuritySystem: true, nationalSecurityHarm: 'SERIOUS' })).toEqual([]);
    });

    it('an unknown harm value gets one error, not a contradiction too', () => {
      expect(fields({ systemType: 'INTERNAL', infoTypes: ['STATE_SECRET'], nationalSecurityHarm: 'BAD' })).toEqual([
        'facts.nationalSecurityHarm',
      ]);
    });

    it.each(['ND85', 'ND331'] as const)(
      'not a contradiction (%s): a harm declared for a system neither secret nor defence is accepted (the rulebook notes it)',
      (regime) => {
        expect(validateFacts({ ...valid, nationalSecurityHarm: 'SERIOUS' }, regime)).toEqual([]);
      },
    );

    it.each(['ND85', 'ND331'] as const)(
      'not a contradiction (%s): a system with users or data subjects but only public information is a valid answer',
      (regime) => {
        const facts = {
          systemType: 'CITIZEN_BUSINESS',
          infoTypes: ['PUBLIC'],
          users: 20,
          basicPersonalDataSubjects: 5,
          sensitivePersonalDataSubjects: 0,
        };
        expect(validateFacts(facts, regime)).toEqual([]);
        expect(validateFacts({ ...facts, systemType: 'INTERNAL' }, regime)).toEqual([]);
      },
    );
  });

  describe('components', () => {
    it('validates components with their path', () => {
      const input = { ...valid, components: [valid, { systemType: 'OTHER', infoTypes: ['PRIVATE'], users: -3 }] };
      expect(fields(input)).toEqual(['facts.components[1].users']);
    });

    it('rejects components that are not a list', () => {
      expect(fields({ ...valid, components: valid })).toEqual(['facts.components']);
    });

    it('allows three levels of nesting and refuses a fourth', () => {
      expect(fields(nest(3))).toEqual([]);
      expect(fields(nest(4))).toEqual(['facts.components[0].components[0].components[0].components']);
    });

    it(`allows ${MAX_COMPONENTS} components in the whole tree and refuses more`, () => {
      const tree = (n: number) => ({ ...valid, components: [{ ...valid, components: Array.from({ length: n - 1 }, () => valid) }] });
      expect(fields(tree(MAX_COMPONENTS))).toEqual([]);
      expect(validateFacts(tree(MAX_COMPONENTS + 1), 'ND85')).toEqual([
        { field: 'facts.components', message: 'Tối đa 50 hệ thống thành phần (tính cả các cấp lồng nhau).' },
      ]);
    });
  });

  describe('the national-security List criteria (Decree 331/2026 Art. 16)', () => {
    const all = {
      ...valid,
      nationalSecurityCriteria: ['SECURITY_WORKS_COMMAND'],
      nationalSecurityFields: ['STATE_SECRETS'],
      nationalSecurityConsequences: ['DEFENCE_FOREIGN_AFFAIRS'],
    };

    it('Art. 16 is Decree 331 only: refused under Decree 85, field by field, in Vietnamese', () => {
      expect(validateFacts(all, 'ND331')).toEqual([]);
      const errors = validateFacts(all, 'ND85');
      expect(errors.map((e) => e.field)).toEqual([
        'facts.nationalSecurityCriteria',
        'facts.nationalSecurityFields',
        'facts.nationalSecurityConsequences',
      ]);
      expect(errors[0].message).toBe(
        'Tiêu chí hệ thống thông tin quan trọng về an ninh quốc gia (Điều 16 Nghị định 331/2026/NĐ-CP) không áp dụng cho hồ sơ theo Nghị định 85/2016/NĐ-CP; bỏ trường này.',
      );
      expect(fields({ ...valid, components: [{ ...valid, nationalSecurityFields: [] }] }, 'ND85')).toEqual([
        'facts.components[0].nationalSecurityFields',
      ]);
    });

    it('Art. 16.3: a consequence without a field of Law 116 Art. 9.2 is not a contradiction (it meets nothing, with a note)', () => {
      expect(fields({ ...valid, nationalSecurityConsequences: ['NATIONAL_ECONOMY'] }, 'ND331')).toEqual([]);
      expect(fields({ ...valid, nationalSecurityFields: [], nationalSecurityConsequences: ['NATIONAL_ECONOMY'] }, 'ND331')).toEqual([]);
      expect(fields({ ...valid, nationalSecurityFields: ['NATIONAL_SECTOR'] }, 'ND331')).toEqual([]);
      expect(fields({ ...valid, nationalSecurityConsequences: [] }, 'ND331')).toEqual([]);
    });

    it('rejects unknown and repeated values and a value that is not a list, with their path', () => {
      expect(
        fields(
          {
            ...valid,
            nationalSecurityCriteria: 'SECURITY_WORKS_COMMAND',
            nationalSecurityFields: ['NATIONAL_SECTOR', 'CASINO', 'NATIONAL_SECTOR'],
          },
          'ND331',
        ),
      ).toEqual(['facts.nationalSecurityCriteria', 'facts.nationalSecurityFields[1]', 'facts.nationalSecurityFields[2]']);
      expect(fields({ ...valid, nationalSecurityConsequences: null }, 'ND331')).toEqual(['facts.nationalSecurityConsequences']);
    });
  });

  it('rejects an unknown regime', () => {
    expect(fields(valid, 'ND64' as Regime)).toEqual(['regime']);
  });
});
