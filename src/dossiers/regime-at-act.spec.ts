import { evaluate } from '../classification/rules/evaluator';
import type { ClassificationFacts } from '../classification/rules/classification.types';
import { regimeAtAct } from '../classification/rules/regime';
import { neededFacts, regimeChangeAt, regimeChangeFieldErrors, switchedRegimeFields, transitionalFlagContradiction } from './regime-at-act';

const operating = { lifecycle: 'IN_OPERATION', investmentStartDate: null, goLiveDate: '2020-01-01' };
const building = { lifecycle: 'PLANNED', investmentStartDate: '2026-03-01', goLiveDate: null };

/** A draft opened on 18/08/2026 under Decree 85 with these facts and this proposal. */
function draftOf(facts: object, proposedLevel?: number) {
  const result = evaluate(facts as ClassificationFacts, 'ND85');
  return {
    regime: 'ND85' as const,
    rulebookVersion: result.rulebookVersion,
    catalogueId: 'TT12-2022',
    computedLevel: result.level,
    proposedLevel: proposedLevel ?? result.level ?? 1,
    facts,
  };
}

/** ND85 answers of a one-stop (một cửa) system: online public service level 3 or more, personal data. */
const ONE_STOP_ND85 = { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC', 'PERSONAL'], publicServiceLevel: 'GE3', users: 4000 };
/** An internal system whose answers mean the same under both decrees. */
const INTERNAL = { systemType: 'INTERNAL', infoTypes: ['PRIVATE'], riskAssessedLevel: 2 };

describe('regimeChangeAt: a draft opened on 18/08/2026 and sent later (Khoản 2 Điều 58 Luật số 64/2025/QH15; Điều 38 Nghị định 331/2026/NĐ-CP)', () => {
  it('sent on 18/08/2026 it keeps Decree 85: nothing to re-evaluate', () => {
    expect(regimeChangeAt(draftOf(ONE_STOP_ND85), regimeAtAct('2026-08-18', operating), '2026-08-18')).toBeUndefined();
  });

  it('sent on 19/08/2026 it is re-evaluated under Decree 331, refused, and told which new facts Decree 331 asks', () => {
    const review = regimeChangeAt(draftOf(ONE_STOP_ND85), regimeAtAct('2026-08-19', operating), '2026-08-19')!;
    const { change } = review;
    expect(change).toMatchObject({ from: 'ND85', to: 'ND331', basis: 'ND331_IN_FORCE', automatic: false, undetermined: true });
    expect(change.rulebookVersion.to).not.toBe(change.rulebookVersion.from);
    expect(change.neededFacts.map((f) => f.field)).toEqual(
      expect.arrayContaining(['facts.handlesAdminProcedures', 'facts.basicPersonalDataSubjects', 'facts.sensitivePersonalDataSubjects']),
    );
    expect(change.message).toContain('Nghị định 331/2026/NĐ-CP');
    expect(change.message).toContain('Khoản 2 Điều 58 Luật số 64/2025/QH15');
    expect(change.message).toContain('19/08/2026');
    expect(change.message).toContain('Hệ thống có giải quyết thủ tục hành chính không?');
    expect(regimeChangeFieldErrors(change)['facts.handlesAdminProcedures'][0]).toContain('Nghị định 331/2026/NĐ-CP');
  });

  it('a proposal below what Decree 331 settles is flagged, never sent', () => {
    const facts = { ...ONE_STOP_ND85, handlesAdminProcedures: true, basicPersonalDataSubjects: 10, sensitivePersonalDataSubjects: 0 };
    const { change } = regimeChangeAt(draftOf(facts, 2), regimeAtAct('2026-09-01', operating), '2026-09-01')!;
    expect(change.computedLevel.to).toBe(3);
    expect(change).toMatchObject({ proposalBelowCriteria: true, automatic: false });
    expect(change.message).toContain('Cấp độ đề xuất hiện tại (2) thấp hơn cấp độ 3');
  });

  it('switches without the officer only when the same level is settled and nothing is missing', () => {
    const draft = draftOf(INTERNAL);
    const review = regimeChangeAt(draft, regimeAtAct('2026-09-01', operating), '2026-09-01')!;
    expect(review.change).toMatchObject({ automatic: true, neededFacts: [], proposalBelowCriteria: false });
    expect(review.change.computedLevel).toEqual({ from: draft.computedLevel, to: draft.computedLevel });
    const fields = switchedRegimeFields(review.change, review.result!, INTERNAL as unknown as ClassificationFacts);
    expect(fields).toMatchObject({ regime: 'ND331', catalogueId: 'TT12-2022', transitionalProject: false });
    expect(fields.classification.asOf).toBe('2026-09-01');
    expect(fields.rulebookVersion).toBe(review.result!.rulebookVersion);
  });

  it('Khoản 1 Điều 39 Nghị định 331/2026/NĐ-CP: a transitional system keeps Decree 85 inside its window, not after', () => {
    expect(regimeChangeAt(draftOf(ONE_STOP_ND85), regimeAtAct('2026-12-31', building), '2026-12-31')).toBeUndefined();
    const { change } = regimeChangeAt(draftOf(ONE_STOP_ND85), regimeAtAct('2027-01-04', building), '2027-01-04')!;
    expect(change).toMatchObject({ to: 'ND331', basis: 'ND331_AFTER_ART_39_1_WINDOW' });
    expect(change.message).toContain('Khoản 1 Điều 39');
  });

  it('a dossier that cannot be edited any more is told to be withdrawn and drafted again', () => {
    const { change } = regimeChangeAt(draftOf(ONE_STOP_ND85), regimeAtAct('2026-09-01', operating), '2026-09-01', false)!;
    expect(change.message).toContain('rút hồ sơ');
  });
});

describe('neededFacts', () => {
  it('asks component subsystems too, by path', () => {
    const facts = {
      systemType: 'INTERNAL',
      infoTypes: ['PUBLIC'],
      components: [{ systemType: 'CITIZEN_BUSINESS', infoTypes: ['PERSONAL'] }],
    };
    expect(neededFacts(facts, 'ND331').map((f) => f.field)).toEqual(
      expect.arrayContaining(['facts.components[0].handlesAdminProcedures', 'facts.components[0].basicPersonalDataSubjects']),
    );
  });
});

describe('transitionalFlagContradiction (the flag follows the system, Khoản 1 Điều 39 Nghị định 331/2026/NĐ-CP)', () => {
  it('accepts no flag or an agreeing one, refuses one the system contradicts', () => {
    expect(transitionalFlagContradiction(undefined, false)).toBeUndefined();
    expect(transitionalFlagContradiction(true, true)).toBeUndefined();
    expect(transitionalFlagContradiction(true, false)).toContain('không thuộc trường hợp chuyển tiếp');
    expect(transitionalFlagContradiction(false, true)).toContain('thuộc trường hợp chuyển tiếp');
  });
});
