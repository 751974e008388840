import { approvalEffectiveAt, futureDateConfirmationLabel, futureDecisionRefusal } from './decision-date';

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
});
