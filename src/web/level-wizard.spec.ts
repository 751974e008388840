import { questionnaireFor } from '../classification/rules/questionnaire';
import { applicable, nextStep, readAnswers, readMove } from './level-wizard';

const nd331 = questionnaireFor('ND331');

describe('the level wizard', () => {
  it('reads answers of each type from the posted form', () => {
    const { answers, errors } = readAnswers(nd331, {
      'a.systemType': 'CITIZEN_BUSINESS',
      'a.infoTypes': ['PUBLIC', 'PERSONAL'],
      'a.handlesAdminProcedures': 'true',
      'a.basicPersonalDataSubjects': '12.000',
      'a.sensitivePersonalDataSubjects': 'nhiều',
      'a.riskAssessedLevel': '',
    });
    expect(answers).toEqual({
      systemType: 'CITIZEN_BUSINESS',
      infoTypes: ['PUBLIC', 'PERSONAL'],
      handlesAdminProcedures: true,
      basicPersonalDataSubjects: 12000,
    });
    expect(errors).toEqual({ sensitivePersonalDataSubjects: [expect.stringContaining('số nguyên')] });
  });

  it('asks only what askWhen calls for, and forgets answers to questions no longer asked', () => {
    const citizen = applicable(nd331, { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC', 'PERSONAL'], handlesAdminProcedures: true });
    expect(citizen.asked.map((q) => q.id)).toContain('handlesAdminProcedures');
    expect(citizen.asked.map((q) => q.id)).not.toContain('nationalSecurityHarm');
    const internal = applicable(nd331, { systemType: 'INTERNAL', infoTypes: ['PUBLIC'], handlesAdminProcedures: true });
    expect(internal.asked.map((q) => q.id)).not.toContain('handlesAdminProcedures');
    expect(internal.answers).toEqual({ systemType: 'INTERNAL', infoTypes: ['PUBLIC'] });
  });

  it('does not move on past a required question left unanswered', () => {
    const { asked, answers } = applicable(nd331, { systemType: 'INTERNAL' });
    expect(nextStep(asked, answers, 1, readMove('tiep'), {})).toEqual({ step: 1, errors: { infoTypes: ['hãy chọn ít nhất một mục'] } });
    expect(nextStep(asked, answers, 0, readMove('tiep'), {}).step).toBe(1);
    expect(nextStep(asked, answers, 1, readMove('lui'), {}).step).toBe(0);
  });

  it('cannot jump to the summary over unanswered questions', () => {
    const { asked, answers } = applicable(nd331, { systemType: 'INTERNAL', infoTypes: ['PUBLIC'] });
    const firstMissing = asked.findIndex((q) => q.id === 'defenceSecuritySystem');
    expect(nextStep(asked, answers, 0, readMove('lap-ho-so'), {})).toMatchObject({
      step: firstMissing,
      errors: { defenceSecuritySystem: [expect.any(String)] },
    });
    expect(nextStep(asked, answers, 0, readMove('buoc-99'), {}).step).toBe(firstMissing);
  });
});
