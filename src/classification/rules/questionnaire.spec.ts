import { FACT_FIELDS, type ClassificationFacts, type Regime } from './classification.types';
import { evaluate } from './evaluator';
import { validateFacts } from './facts-validation';
import { questionAppliesTo, questionnaireFor, type Question } from './questionnaire';

const byId = (regime: Regime, id: string): Question => {
  const question = questionnaireFor(regime).find((q) => q.id === id);
  if (!question) throw new Error(`no question ${id} for ${regime}`);
  return question;
};

/** A plausible answer for a question, taken from its own options when it has some. */
const sampleAnswer = (q: Question): unknown => {
  if (q.id === 'infoTypes') return ['PRIVATE'];
  if (q.id === 'nationalSecurityHarm') return 'NONE';
  if (q.options) return q.answerType === 'multi' ? [q.options[q.options.length - 1].value] : q.options[q.options.length - 1].value;
  if (q.answerType === 'boolean') return false;
  return 0;
};

/** Answers a question is only asked after (askWhen): an Art. 16.3 consequence comes with a field of Law 116 Art. 9.2. */
const PRECONDITIONS: Record<string, object> = { nationalSecurityConsequences: { nationalSecurityFields: ['NATIONAL_SECTOR'] } };

describe.each(['ND85', 'ND331'] as const)('questionnaireFor(%s)', (regime) => {
  const questions = questionnaireFor(regime);

  it('asks each fact once, by its field name', () => {
    const ids = questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(FACT_FIELDS).toContain(id);
  });

  it('the answers object is accepted by validateFacts as facts', () => {
    const answers = Object.fromEntries(questions.map((q) => [q.id, sampleAnswer(q)]));
    expect(validateFacts({ ...answers, systemType: 'CITIZEN_BUSINESS', defenceSecuritySystem: true }, regime)).toEqual([]);
  });

  it('every option value is accepted by validateFacts', () => {
    for (const q of questions.filter((question) => question.options)) {
      for (const option of q.options ?? []) {
        const value = q.answerType === 'multi' ? [option.value] : option.value;
        const facts = {
          systemType: 'OTHER',
          infoTypes: ['PRIVATE'],
          defenceSecuritySystem: true,
          nationalSecurityHarm: 'HARM',
          ...(PRECONDITIONS[q.id] ?? {}),
          [q.id]: value,
        };
        expect({ id: q.id, errors: validateFacts(facts, regime) }).toEqual({ id: q.id, errors: [] });
      }
    }
  });

  it('writes Vietnamese text and help for every question', () => {
    for (const q of questions) {
      expect(q.text).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
      expect(q.help.length).toBeGreaterThan(10);
    }
  });

  it('starts with the system type, with examples for each type', () => {
    expect(questions[0].id).toBe('systemType');
    expect(questions[0].examples?.join(' ')).toEqual(expect.stringContaining('SCADA'));
    expect(questions[0].examples?.join(' ')).toEqual(expect.stringContaining('mạng truyền số liệu chuyên dùng'));
    expect(questions[0].examples?.join(' ')).toEqual(expect.stringContaining('một cửa điện tử'));
  });
});

describe('regime-specific questions', () => {
  const ids = (regime: Regime) => questionnaireFor(regime).map((q) => q.id);

  it('ND85 asks the public-service level and users, not the ND331 facts', () => {
    expect(ids('ND85')).toEqual(expect.arrayContaining(['publicServiceLevel', 'users']));
    for (const id of [
      'handlesAdminProcedures',
      'basicPersonalDataSubjects',
      'sensitivePersonalDataSubjects',
      'riskAssessedLevel',
      'riskFrameworkLevel',
    ]) {
      expect(ids('ND85')).not.toContain(id);
    }
  });

  it('ND331 asks administrative procedures, data subjects and risk levels, not the ND85 facts', () => {
    expect(ids('ND331')).toEqual(
      expect.arrayContaining([
        'handlesAdminProcedures',
        'basicPersonalDataSubjects',
        'sensitivePersonalDataSubjects',
        'riskAssessedLevel',
        'riskFrameworkLevel',
      ]),
    );
    expect(ids('ND331')).not.toContain('publicServiceLevel');
    expect(ids('ND331')).not.toContain('users');
  });

  it('ND331 asks the Art. 16 criteria of the national-security List, optional, after the level questions; ND85 does not', () => {
    const nd331 = ids('ND331');
    const at = nd331.indexOf('nationalSecurityCriteria');
    expect(nd331.slice(at)).toEqual(['nationalSecurityCriteria', 'nationalSecurityFields', 'nationalSecurityConsequences']);
    for (const id of nd331.slice(at)) {
      expect(byId('ND331', id)).toMatchObject({ answerType: 'multi', required: false });
      expect(ids('ND85')).not.toContain(id);
    }
    expect(byId('ND331', 'nationalSecurityCriteria').options?.map((o) => o.label)).toEqual([
      expect.stringMatching(/công trình quan trọng liên quan đến an ninh quốc gia \(khoản 1 Điều 16\)$/),
      expect.stringMatching(/công trình viễn thông quan trọng liên quan đến an ninh quốc gia \(khoản 2 Điều 16\)$/),
    ]);
    expect(byId('ND331', 'nationalSecurityFields').options).toHaveLength(8);
    expect(byId('ND331', 'nationalSecurityConsequences').options?.map((o) => /\(điểm (.)\)$/.exec(o.label)?.[1])).toEqual([
      'a',
      'b',
      'c',
      'd',
      'đ',
      'e',
      'g',
    ]);
  });

  it('Art. 16.3: asks the consequences only once a field of Law 116 Art. 9.2 is chosen', () => {
    const consequences = byId('ND331', 'nationalSecurityConsequences');
    expect(questionAppliesTo(consequences, {})).toBe(false);
    expect(questionAppliesTo(consequences, { nationalSecurityFields: [] })).toBe(false);
    expect(questionAppliesTo(consequences, { nationalSecurityFields: ['HAZARDOUS_MATERIALS'] })).toBe(true);
  });

  it('offers a Prime Minister designation of level 5 only under ND85 (Khoản 5 Điều 11)', () => {
    expect(byId('ND85', 'pmDesignatedLevel').options?.map((o) => o.value)).toEqual([5]);
    expect(byId('ND331', 'pmDesignatedLevel').options?.map((o) => o.value)).toEqual([2, 3, 4, 5]);
  });
});

describe('questionAppliesTo', () => {
  it('asks the harm for state secrets or a defence/security system only', () => {
    const harm = byId('ND85', 'nationalSecurityHarm');
    expect(questionAppliesTo(harm, { infoTypes: ['PUBLIC'] })).toBe(false);
    expect(questionAppliesTo(harm, { infoTypes: ['PUBLIC', 'STATE_SECRET'] })).toBe(true);
    expect(questionAppliesTo(harm, { infoTypes: ['PUBLIC'], defenceSecuritySystem: true })).toBe(true);
    expect(questionAppliesTo(harm, { infoTypes: ['PUBLIC'], defenceSecuritySystem: false })).toBe(false);
  });

  it('asks the user count of a citizen-facing system that handles private or personal information', () => {
    const users = byId('ND85', 'users');
    expect(questionAppliesTo(users, { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PERSONAL'] })).toBe(true);
    expect(questionAppliesTo(users, { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC'] })).toBe(false);
    expect(questionAppliesTo(users, { systemType: 'INTERNAL', infoTypes: ['PERSONAL'] })).toBe(false);
    expect(questionAppliesTo(users, {})).toBe(false);
  });

  it.each([
    ['infrastructureScope', 'INFRASTRUCTURE'],
    ['worksGrade', 'INDUSTRIAL_CONTROL'],
    ['handlesAdminProcedures', 'CITIZEN_BUSINESS'],
  ])('asks %s only for %s', (id, systemType) => {
    const question = byId('ND331', id);
    expect(questionAppliesTo(question, { systemType })).toBe(true);
    expect(questionAppliesTo(question, { systemType: 'OTHER' })).toBe(false);
  });

  it('always asks questions without a condition', () => {
    expect(questionAppliesTo(byId('ND331', 'nationalEgov24x7'), {})).toBe(true);
  });

  it('answering only the questions that apply settles the level of a one-stop-shop (ND331)', () => {
    const answers: Partial<ClassificationFacts> = {};
    const given: Record<string, unknown> = {
      systemType: 'CITIZEN_BUSINESS',
      infoTypes: ['PUBLIC', 'PERSONAL'],
      defenceSecuritySystem: false,
      handlesAdminProcedures: true,
      conditionalBusiness: false,
      basicPersonalDataSubjects: 250_000,
      sensitivePersonalDataSubjects: 0,
      nationalEgov24x7: false,
      criticalNationalDataStorage: false,
      riskAssessedLevel: 3,
    };
    const asked: string[] = [];
    for (const q of questionnaireFor('ND331')) {
      if (!questionAppliesTo(q, answers)) continue;
      asked.push(q.id);
      if (given[q.id] !== undefined) Object.assign(answers, { [q.id]: given[q.id] });
    }
    expect(asked).not.toContain('nationalSecurityHarm');
    expect(asked).not.toContain('worksGrade');
    expect(validateFacts(answers, 'ND331')).toEqual([]);
    expect(evaluate(answers as ClassificationFacts, 'ND331')).toMatchObject({ level: 3, undetermined: false });
  });
});
