import { questionnaireFor } from '../classification/rules/questionnaire';
import {
  answerLabel,
  answerState,
  applicable,
  mustAnswer,
  nationalListNotice,
  nextStep,
  proposalGuide,
  readAnswers,
  readMove,
  showsLevel,
  suggestedJustification,
  unansweredMandatory,
} from './level-wizard';

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

  describe('the national-security List (Decree 331/2026 Arts. 16–17, 20.4)', () => {
    const list = { meets: true, criteria: ['Khoản 1 Điều 16 Nghị định 331/2026/NĐ-CP: …'] };

    it('Art. 20.4 and 17: a level 3–4 system (or one whose level is not settled) on the List follows the level-5 procedure', () => {
      for (const level of [3, 4, 5, null]) {
        expect(nationalListNotice({ level, nationalSecurityList: list })).toEqual({
          text: 'Hệ thống có dấu hiệu thuộc Danh mục hệ thống thông tin quan trọng về an ninh quốc gia: hồ sơ theo trình tự của cấp độ 5 (khoản 4 Điều 20); chủ quản lập hồ sơ đề nghị đưa vào Danh mục (Điều 17).',
          criteria: list.criteria,
        });
      }
    });

    it('Art. 20.4 speaks of levels 3–4 only: below level 3 the notice asks to review the level instead', () => {
      expect(nationalListNotice({ level: 2, nationalSecurityList: list })?.text).toContain('hãy rà soát lại');
    });

    it('says nothing when the system is not on the List, or under Decree 85 (no List in the result)', () => {
      expect(nationalListNotice({ level: 4, nationalSecurityList: { meets: false, criteria: [] } })).toBeUndefined();
      expect(nationalListNotice({ level: 4 })).toBeUndefined();
    });

    it('reads an optional list left empty as "none of the cases", a required one as unanswered', () => {
      const criteria = nd331.find((q) => q.id === 'nationalSecurityCriteria')!;
      const infoTypes = nd331.find((q) => q.id === 'infoTypes')!;
      expect(answerLabel(criteria, undefined)).toBe('Không có trường hợp nào');
      expect(answerLabel(criteria, ['TELECOM_WORKS_COMMAND'])).toContain('công trình viễn thông quan trọng');
      expect(answerLabel(infoTypes, undefined)).toBe('Chưa trả lời');
    });
  });
});

describe('proposalGuide (ND85 Arts. 7–11; ND331 Arts. 11–15, 8.2: never below the criteria)', () => {
  const rule = (level: number, article: string) => ({ level, article });

  it('offers only the computed level and above, naming the article that set it', () => {
    const guide = proposalGuide({
      level: 3,
      undetermined: false,
      matchedRules: [
        rule(2, 'Điểm a Khoản 2 Điều 12 Nghị định 331/2026/NĐ-CP'),
        rule(3, 'Điểm b Khoản 2 Điều 13 Nghị định 331/2026/NĐ-CP'),
      ],
    });
    expect(guide.options).toEqual([
      { value: '3', label: 'Cấp độ 3 (theo tiêu chí)' },
      { value: '4', label: 'Cấp độ 4' },
      { value: '5', label: 'Cấp độ 5' },
    ]);
    expect(guide.hint).toContain('Cấp độ 3 do tiêu chí xác định (Điểm b Khoản 2 Điều 13 Nghị định 331/2026/NĐ-CP)');
    expect(guide.hint).toContain('ghi ý kiến gửi đơn vị thẩm định');
  });

  it('an undetermined result: the floor and above, with a justification', () => {
    const guide = proposalGuide({ level: 2, undetermined: true, matchedRules: [rule(2, 'Điểm b Khoản 2 Điều 8 Nghị định 85/2016/NĐ-CP')] });
    expect(guide.options.map((o) => o.value)).toEqual(['2', '3', '4', '5']);
    expect(guide.options[0].label).toBe('Cấp độ 2 (tối thiểu theo tiêu chí)');
    expect(guide.hint).toContain('ít nhất là cấp độ 2');
  });

  it('nothing matched: every level, with a justification', () => {
    const guide = proposalGuide({ level: null, undetermined: true, matchedRules: [] });
    expect(guide.options).toHaveLength(5);
    expect(guide.hint).toContain('thuyết minh căn cứ');
  });

  describe('the questionnaire tells the truth (issue 21 point 8)', () => {
    const question = (id: string) => nd331.find((q) => q.id === id)!;
    const internal = { systemType: 'INTERNAL', infoTypes: ['PUBLIC', 'PRIVATE'], defenceSecuritySystem: false };

    it('shows an optional question left empty as skipped ("Bỏ qua"), never as "Chưa trả lời"', () => {
      expect(answerLabel(question('pmDesignatedLevel'), undefined)).toBe('Bỏ qua');
      expect(answerLabel(question('pmDesignatedLevel'), 3)).toBe('Cấp độ 3');
      const { asked } = applicable(nd331, internal);
      const pm = asked.findIndex((q) => q.id === 'pmDesignatedLevel');
      expect(answerState(asked[pm], internal, pm, pm + 1)).toBe('skipped');
      expect(answerState(asked[pm], internal, pm, pm)).toBe('unanswered');
      expect(answerState(asked[0], internal, 0, 5)).toBe('answered');
    });

    it('ND331 Art. 10.2.a: the risk assessment the help calls mandatory cannot be skipped', () => {
      const risk = question('riskAssessedLevel');
      expect(risk.help).toContain('Bắt buộc');
      expect(mustAnswer(risk)).toBe(true);
      expect(answerLabel(risk, undefined)).toBe('Chưa trả lời');
      const answers = { ...internal, nationalEgov24x7: false, criticalNationalDataStorage: false };
      const { asked } = applicable(nd331, answers);
      const at = asked.findIndex((q) => q.id === 'riskAssessedLevel');
      expect(nextStep(asked, answers, at, readMove('tiep'), {})).toEqual({
        step: at,
        errors: { riskAssessedLevel: ['hãy trả lời câu hỏi này trước khi tiếp tục'] },
      });
      expect(nextStep(asked, answers, 0, readMove('lap-ho-so'), {})).toMatchObject({ step: at });
      expect(nextStep(asked, { ...answers, riskAssessedLevel: 2 }, at, readMove('tiep'), {}).step).toBe(at + 1);
      expect(unansweredMandatory(asked, answers).map((q) => q.id)).toEqual(['riskAssessedLevel']);
    });

    it('every question whose help calls it mandatory ("bắt buộc") cannot be skipped', () => {
      for (const q of [...nd331, ...questionnaireFor('ND85')]) {
        if (/bắt buộc/i.test(q.help)) expect({ id: q.id, mandatory: mustAnswer(q) }).toEqual({ id: q.id, mandatory: true });
      }
    });

    it('shows no level before the first answer on the page; a dossier being updated was answered before', () => {
      expect(showsLevel({ answeredOnPage: false, updatingDossier: false })).toBe(false);
      expect(showsLevel({ answeredOnPage: true, updatingDossier: false })).toBe(true);
      expect(showsLevel({ answeredOnPage: false, updatingDossier: true })).toBe(true);
    });

    it('ND331 Arts. 11–15: the risk-framework question is asked only where it can apply (the framework is not issued)', () => {
      expect(applicable(nd331, internal).asked.map((q) => q.id)).not.toContain('riskFrameworkLevel');
      expect(applicable(nd331, { ...internal, riskFrameworkLevel: 3 }).asked.map((q) => q.id)).toContain('riskFrameworkLevel');
    });

    it('ND331 Arts. 14.2, 15.2: the national e-government and national data questions explain themselves in plain words', () => {
      for (const id of ['nationalEgov24x7', 'criticalNationalDataStorage']) {
        expect(question(id).help).toMatch(/^Nói đơn giản: .*trả lời "Không"\. Căn cứ Khoản 2 Điều 1[45]/);
      }
      expect(question('nationalEgov24x7').help).toContain('24 giờ mỗi ngày, 7 ngày mỗi tuần');
    });
  });

  describe('the justification drafted from the criteria (ND331 Art. 21.3: the dossier explains the proposed level by the criteria)', () => {
    const rule = (level: number, article: string, reason: string) => ({ level, article, reason });

    it('writes the level, the articles and the reasons of the criteria that set it', () => {
      const result = {
        level: 2,
        undetermined: false,
        matchedRules: [
          rule(2, 'Khoản 1 Điều 12 Nghị định 331/2026/NĐ-CP', 'Hệ thống phục vụ hoạt động nội bộ, có xử lý thông tin riêng.'),
          rule(1, 'Khoản 5 Điều 10 Nghị định 331/2026/NĐ-CP', 'Kết quả đánh giá rủi ro tương ứng cấp độ 1.'),
        ],
      };
      expect(suggestedJustification(result)).toBe(
        'Đề xuất cấp độ 2 theo Khoản 1 Điều 12 Nghị định 331/2026/NĐ-CP: Hệ thống phục vụ hoạt động nội bộ, có xử lý thông tin riêng.',
      );
    });

    it('drafts nothing when the criteria do not settle the level: the officer explains in their own words', () => {
      expect(suggestedJustification({ level: null, undetermined: true, matchedRules: [] })).toBe('');
      expect(suggestedJustification({ level: 3, undetermined: true, matchedRules: [rule(3, 'Điều 13', 'Lý do.')] })).toBe('');
      expect(suggestedJustification(undefined)).toBe('');
    });
  });
});
