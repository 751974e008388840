import { NATIONAL_SECURITY_CONSEQUENCES, NATIONAL_SECURITY_FIELDS, type ClassificationFacts } from './classification.types';
import { evaluate } from './evaluator';
import { validateFacts } from './facts-validation';
import {
  meetsNationalSecurityCriteria,
  nationalSecurityConsequenceArticle,
  nationalSecurityCriteriaLabels,
  nationalSecurityFieldArticle,
  nationalSecurityListFor,
} from './national-security';

const base: ClassificationFacts = { systemType: 'INTERNAL', infoTypes: ['PRIVATE'] };
const inSector: ClassificationFacts = { ...base, nationalSecurityFields: ['NATIONAL_SECTOR'] };

describe('meetsNationalSecurityCriteria (Decree 331/2026 Art. 16)', () => {
  it('a system that declares nothing of Art. 16 meets no criterion', () => {
    expect(meetsNationalSecurityCriteria(base)).toBe(false);
    expect(nationalSecurityCriteriaLabels(base)).toEqual([]);
    expect(meetsNationalSecurityCriteria({ ...base, nationalSecurityCriteria: [], nationalSecurityFields: [] })).toBe(false);
  });

  it('Art. 16.1: serving the command of a works important to national security meets the criterion', () => {
    const facts: ClassificationFacts = { ...base, nationalSecurityCriteria: ['SECURITY_WORKS_COMMAND'] };
    expect(meetsNationalSecurityCriteria(facts)).toBe(true);
    expect(nationalSecurityCriteriaLabels(facts)).toEqual([
      'Khoản 1 Điều 16 Nghị định 331/2026/NĐ-CP: hệ thống phục vụ chỉ đạo, điều hành của công trình quan trọng liên quan đến an ninh quốc gia.',
    ]);
  });

  it('Art. 16.2: serving the command or control of a telecom works important to national security meets the criterion', () => {
    const facts: ClassificationFacts = { ...base, nationalSecurityCriteria: ['TELECOM_WORKS_COMMAND'] };
    expect(meetsNationalSecurityCriteria(facts)).toBe(true);
    expect(nationalSecurityCriteriaLabels(facts)).toEqual([
      expect.stringMatching(
        /^Khoản 2 Điều 16 Nghị định 331\/2026\/NĐ-CP: hệ thống phục vụ chỉ đạo, điều hành, điều khiển hoạt động của công trình viễn thông/,
      ),
    ]);
  });

  it('Art. 16.3: a field of Law 116/2025 Art. 9.2 alone is not a criterion', () => {
    for (const field of NATIONAL_SECURITY_FIELDS) {
      expect(meetsNationalSecurityCriteria({ ...base, nationalSecurityFields: [field] })).toBe(false);
    }
    expect(meetsNationalSecurityCriteria({ ...inSector, nationalSecurityConsequences: [] })).toBe(false);
  });

  it('Art. 16.3: a consequence alone is not a criterion (validation accepts it, the result says it was not counted)', () => {
    const facts: ClassificationFacts = { ...base, nationalSecurityConsequences: ['NATIONAL_ECONOMY'] };
    expect(meetsNationalSecurityCriteria(facts)).toBe(false);
    expect(validateFacts(facts, 'ND331')).toEqual([]);
    expect(evaluate(facts, 'ND331').assumptions).toEqual(expect.arrayContaining([expect.stringContaining('chưa chọn lĩnh vực nào')]));
  });

  // Art. 16.3 a–g, each with a field of Law 116 Art. 9.2: the label names the consequence's point and the field's point.
  it.each([
    ['a', 'SOVEREIGNTY_REGIME', 'trực tiếp tác động đến độc lập, chủ quyền, thống nhất và toàn vẹn lãnh thổ'],
    ['b', 'DEFENCE_FOREIGN_AFFAIRS', 'gây hậu quả nghiêm trọng đến an ninh quốc gia, đối ngoại'],
    ['c', 'NATIONAL_ECONOMY', 'gây hậu quả nghiêm trọng đến nền kinh tế quốc dân'],
    ['d', 'HUMAN_ENVIRONMENTAL_DISASTER', 'gây thảm họa đối với đời sống con người, môi trường sinh thái'],
    ['đ', 'SPECIAL_GRADE_WORKS', 'công trình xây dựng cấp đặc biệt'],
    ['e', 'SECRET_POLICY_MAKING', 'hoạch định chủ trương, chính sách thuộc phạm vi bí mật nhà nước'],
    ['g', 'CENTRAL_LEADERSHIP', 'chỉ đạo điều hành trực tiếp của các cơ quan Đảng, Nhà nước ở trung ương'],
  ] as const)(
    'Art. 16.3.%s: a system of a Law 116 Art. 9.2 field whose sabotage would have consequence %s meets the criterion',
    (point, consequence, words) => {
      const facts: ClassificationFacts = { ...inSector, nationalSecurityConsequences: [consequence] };
      expect(meetsNationalSecurityCriteria(facts)).toBe(true);
      const [label] = nationalSecurityCriteriaLabels(facts);
      expect(label).toContain(`Điểm ${point} Khoản 3 Điều 16 Nghị định 331/2026/NĐ-CP`);
      expect(label).toContain('Điểm g Khoản 2 Điều 9 Luật An ninh mạng số 116/2025/QH15');
      expect(label).toContain(words);
      expect(validateFacts(facts, 'ND331')).toEqual([]);
    },
  );

  it('Art. 16.3: every consequence a–g and every field a–h of Law 116 Art. 9.2 has its own point, in order', () => {
    expect(NATIONAL_SECURITY_CONSEQUENCES.map((c) => nationalSecurityConsequenceArticle(c).split(' ')[1])).toEqual([
      'a',
      'b',
      'c',
      'd',
      'đ',
      'e',
      'g',
    ]);
    expect(NATIONAL_SECURITY_FIELDS.map((f) => nationalSecurityFieldArticle(f).split(' ')[1])).toEqual([
      'a',
      'b',
      'c',
      'd',
      'đ',
      'e',
      'g',
      'h',
    ]);
  });

  it('Art. 16.3: one label per consequence, naming every field declared', () => {
    const facts: ClassificationFacts = {
      ...base,
      nationalSecurityFields: ['MILITARY_SECURITY_DIPLOMACY_CRYPTO', 'STATE_SECRETS'],
      nationalSecurityConsequences: ['DEFENCE_FOREIGN_AFFAIRS', 'SECRET_POLICY_MAKING'],
    };
    const labels = nationalSecurityCriteriaLabels(facts);
    expect(labels).toHaveLength(2);
    for (const label of labels) {
      expect(label).toContain('Điểm a Khoản 2 Điều 9');
      expect(label).toContain('Điểm b Khoản 2 Điều 9');
    }
  });

  it('Art. 16 via Art. 8.2: a component that meets a criterion makes the system meet it, named by its path', () => {
    const facts: ClassificationFacts = { ...base, components: [base, { ...base, nationalSecurityCriteria: ['SECURITY_WORKS_COMMAND'] }] };
    expect(meetsNationalSecurityCriteria(facts)).toBe(true);
    expect(nationalSecurityCriteriaLabels(facts)).toEqual([expect.stringMatching(/^Hệ thống thành phần components\[1\]: Khoản 1 Điều 16/)]);
  });
});

describe('nationalSecurityListFor (Decree 331/2026 Art. 16.4)', () => {
  it('Art. 16.4: a level-5 system is on the List even without a criterion; the criteria alone do not cover it', () => {
    expect(meetsNationalSecurityCriteria(base)).toBe(false);
    expect(nationalSecurityListFor(base, 5)).toEqual({
      meets: true,
      criteria: [
        'Khoản 4 Điều 16 Nghị định 331/2026/NĐ-CP: hệ thống thông tin cấp độ 5 là hệ thống thông tin quan trọng về an ninh quốc gia.',
      ],
    });
  });

  it('Art. 16.4: levels 1–4 without a criterion are not on the List', () => {
    for (const level of [null, 1, 2, 3, 4] as const) expect(nationalSecurityListFor(base, level)).toEqual({ meets: false, criteria: [] });
  });

  it('Art. 16.1 with level 3: on the List by the criterion (Art. 20.4 then gives the level-5 procedure)', () => {
    const list = nationalSecurityListFor({ ...base, nationalSecurityCriteria: ['SECURITY_WORKS_COMMAND'] }, 3);
    expect(list.meets).toBe(true);
    expect(list.criteria).toEqual([expect.stringContaining('Khoản 1 Điều 16')]);
  });
});

describe('evaluate: the national-security List (Decree 331/2026 Art. 16, 20.4)', () => {
  const level3: ClassificationFacts = { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC', 'PERSONAL'], handlesAdminProcedures: true };

  it('Art. 16.3 on a level-3 system: the level stays 3, the result says the system belongs on the List', () => {
    const result = evaluate(
      { ...level3, nationalSecurityFields: ['CENTRAL_BODIES'], nationalSecurityConsequences: ['CENTRAL_LEADERSHIP'] },
      'ND331',
    );
    expect(result).toMatchObject({ level: 3, undetermined: false, onNationalSecurityList: true });
    expect(result.nationalSecurityList).toEqual({ meets: true, criteria: [expect.stringContaining('Điểm g Khoản 3 Điều 16')] });
  });

  it('without the new facts the level, the rules and the notes are those of before; not on the List', () => {
    const before = evaluate(level3, 'ND331');
    const withEmpty = evaluate({ ...level3, nationalSecurityCriteria: [], nationalSecurityFields: ['NATIONAL_SECTOR'] }, 'ND331');
    expect(before).toMatchObject({ level: 3, onNationalSecurityList: false, nationalSecurityList: { meets: false, criteria: [] } });
    expect(withEmpty).toEqual(before);
  });

  it('Art. 20.4 covers levels 3–4: a criterion on a lower level adds a note to review the level', () => {
    const result = evaluate(
      { systemType: 'INTERNAL', infoTypes: ['PUBLIC'], nationalSecurityCriteria: ['TELECOM_WORKS_COMMAND'] },
      'ND331',
    );
    expect(result.level).toBe(1);
    expect(result.nationalSecurityList?.meets).toBe(true);
    const note = expect.stringContaining('khoản 4 Điều 20 chỉ áp dụng trình tự của cấp độ 5 cho hệ thống cấp độ 3, cấp độ 4');
    expect(result.assumptions).toEqual(expect.arrayContaining([note]));
    expect(evaluate({ systemType: 'INTERNAL', infoTypes: ['PUBLIC'] }, 'ND331').assumptions).not.toEqual(expect.arrayContaining([note]));
  });

  it('Decree 85 has no List: nothing about it in the result, and the facts are refused', () => {
    expect(evaluate(base, 'ND85').nationalSecurityList).toBeUndefined();
    const errors = validateFacts({ ...base, nationalSecurityCriteria: ['SECURITY_WORKS_COMMAND'] }, 'ND85');
    expect(errors).toEqual([
      { field: 'facts.nationalSecurityCriteria', message: expect.stringContaining('không áp dụng cho hồ sơ theo Nghị định 85/2016/NĐ-CP') },
    ]);
  });
});
