import { approvalEffectiveAt, decisionBeforeSubmissionRefusal, futureDateConfirmationLabel, futureDecisionRefusal } from './decision-date';

describe('decision date (Mẫu 06, 07; Decree 30/2020 Art. 8.2.d, 15.2)', () => {
  it('ND30/2020 Art. 15.2: a decision dated today or earlier needs no confirmation', () => {
    expect(futureDecisionRefusal({ decisionDate: '2026-11-25', today: '2026-11-25' })).toBeUndefined();
    expect(futureDecisionRefusal({ decisionDate: '2024-05-20', today: '2026-11-25' })).toBeUndefined();
  });

  it('ND30/2020 Art. 15.2: a decision dated after today (Vietnam) is refused unless confirmed, naming both days', () => {
    const refusal = futureDecisionRefusal({ decisionDate: '2026-11-26', today: '2026-11-25' });
    expect(refusal).toContain('26/11/2026');
    expect(refusal).toContain('25/11/2026');
    expect(futureDecisionRefusal({ decisionDate: '2026-11-26', today: '2026-11-25', confirmed: false })).toBe(refusal);
    expect(futureDecisionRefusal({ decisionDate: '2026-11-26', today: '2026-11-25', confirmed: true })).toBeUndefined();
  });

  it('says which date the confirmation is for', () => {
    expect(futureDateConfirmationLabel('2026-11-26')).toBe('Tôi xác nhận quyết định ghi ngày 26/11/2026 (sau hôm nay)');
  });

  it('an approval dated after the day it is recorded takes effect at the start of its date in Vietnam', () => {
    const recorded = new Date('2026-11-25T09:00:00+07:00');
    expect(approvalEffectiveAt(recorded, '2026-11-26').toISOString()).toBe('2026-11-25T17:00:00.000Z');
    expect(approvalEffectiveAt(recorded, '2026-11-25')).toEqual(recorded);
    expect(approvalEffectiveAt(recorded, '2026-11-01')).toEqual(recorded);
    expect(approvalEffectiveAt(recorded, undefined)).toEqual(recorded);
  });

  it('late in the evening (UTC still the day before) the next Vietnamese day is the future one', () => {
    const recorded = new Date('2026-11-25T16:30:00Z'); // 23:30 on 25/11 in Vietnam
    expect(approvalEffectiveAt(recorded, '2026-11-26').toISOString()).toBe('2026-11-25T17:00:00.000Z');
  });

  it('never takes effect before the dossier was first sent, even when the recording server’s clock lags', () => {
    const submitted = new Date('2026-11-25T02:00:00.500Z');
    const lagging = new Date('2026-11-25T02:00:00.000Z');
    expect(approvalEffectiveAt(lagging, '2026-11-25', submitted)).toEqual(submitted);
    expect(approvalEffectiveAt(new Date('2026-11-25T09:00:00Z'), '2026-11-25', submitted)).toEqual(new Date('2026-11-25T09:00:00Z'));
    expect(approvalEffectiveAt(lagging, '2026-11-26', submitted).toISOString()).toBe('2026-11-25T17:00:00.000Z');
    expect(approvalEffectiveAt(lagging, '2026-11-25', null)).toEqual(lagging);
  });
});

describe('a decision approves a dossier that was sent (ND331 Arts. 20.3, 24.1; ND85 Arts. 12, 14.3; Mẫu 06, 07)', () => {
  const sent = new Date('2026-11-20T02:00:00Z'); // 09:00 on 20/11/2026 in Vietnam

  it('ND331 Art. 24.1: a decision dated before the day the dossier was first sent is refused, naming both days (dd/mm/yyyy)', () => {
    const refusal = decisionBeforeSubmissionRefusal({ decisionDate: '2026-11-19', firstSubmittedAt: sent });
    expect(refusal).toBe(
      'Quyết định ghi ngày 19/11/2026, trước ngày hồ sơ được gửi lần đầu (20/11/2026). ' +
        'Quyết định phê duyệt hồ sơ đã gửi nên không thể ghi ngày trước ngày gửi; hãy kiểm tra lại ngày ghi trên quyết định.',
    );
    expect(decisionBeforeSubmissionRefusal({ decisionDate: '2024-05-20', firstSubmittedAt: sent })).toContain('20/05/2024');
  });

  it('ND331 Art. 24.1: a decision dated on the day the dossier was sent, or later, may be recorded', () => {
    expect(decisionBeforeSubmissionRefusal({ decisionDate: '2026-11-20', firstSubmittedAt: sent })).toBeUndefined();
    expect(decisionBeforeSubmissionRefusal({ decisionDate: '2026-11-27', firstSubmittedAt: sent })).toBeUndefined();
  });

  it('ND331 Art. 24.1: the day of the submission is the Vietnamese day (UTC+7), not the UTC one', () => {
    const lateEvening = new Date('2026-11-20T17:30:00Z'); // 00:30 on 21/11/2026 in Vietnam
    expect(decisionBeforeSubmissionRefusal({ decisionDate: '2026-11-20', firstSubmittedAt: lateEvening })).toContain('(21/11/2026)');
    expect(decisionBeforeSubmissionRefusal({ decisionDate: '2026-11-21', firstSubmittedAt: lateEvening })).toBeUndefined();
  });

  it('ND331 Art. 20.1: a dossier never sent, or a decision without a date, is left to the other guards', () => {
    expect(decisionBeforeSubmissionRefusal({ decisionDate: '2026-11-19', firstSubmittedAt: null })).toBeUndefined();
    expect(decisionBeforeSubmissionRefusal({ decisionDate: undefined, firstSubmittedAt: sent })).toBeUndefined();
  });
});
