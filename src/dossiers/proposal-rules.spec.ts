import { evaluate } from '../classification/rules/evaluator';
import { DomainError } from '../common/errors/domain-error';
import { assertProposalStillLawful, factsCorrection, proposedLevelFor } from './proposal-rules';

const ONE_STOP = { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC', 'PERSONAL'], handlesAdminProcedures: true } as const;
const JUSTIFIED = 'Hệ thống kết nối với nhiều hệ thống dùng chung của tỉnh.';

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('proposedLevelFor', () => {
  const oneStop = evaluate({ ...ONE_STOP, infoTypes: [...ONE_STOP.infoTypes] }, 'ND331');

  it('defaults to the computed level', () => {
    expect(proposedLevelFor(undefined, oneStop, undefined)).toBe(3);
  });

  it('ND331 Art. 13.2.b: a one-stop administrative-procedure system is not proposed at level 2, justified or not', () => {
    const error = refusal(() => proposedLevelFor(2, oneStop, 'Hệ thống chỉ tiếp nhận hồ sơ, việc giải quyết do tỉnh thực hiện.'));
    expect(error.code).toBe('PROPOSED_LEVEL_BELOW_CRITERIA');
    expect(error.errors).toEqual({ proposedLevel: [error.detail] });
    expect(error.detail).toContain('thấp hơn cấp độ 3 xác định theo Điểm b Khoản 2 Điều 13 Nghị định 331/2026/NĐ-CP');
  });

  it('ND331 Art. 22.4: a higher proposal carries its justification', () => {
    expect(refusal(() => proposedLevelFor(4, oneStop, '')).code).toBe('PROPOSED_LEVEL_UNJUSTIFIED');
    expect(proposedLevelFor(4, oneStop, JUSTIFIED)).toBe(4);
  });

  it('asks for a level when nothing matched', () => {
    const nothing = evaluate({ systemType: 'OTHER', infoTypes: ['PUBLIC'] }, 'ND85');
    const error = refusal(() => proposedLevelFor(undefined, nothing, JUSTIFIED));
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', errors: { proposedLevel: ['cần chọn cấp độ đề xuất'] } });
    expect(proposedLevelFor(1, nothing, JUSTIFIED)).toBe(1);
  });

  it('an undetermined result is a floor: ND85 Art. 8.2.c/9.2.c users not declared, level 2 known', () => {
    const missingUsers = evaluate({ systemType: 'CITIZEN_BUSINESS', infoTypes: ['PERSONAL'] }, 'ND85');
    expect(missingUsers).toMatchObject({ level: 2, undetermined: true });
    expect(refusal(() => proposedLevelFor(1, missingUsers, JUSTIFIED)).code).toBe('PROPOSED_LEVEL_BELOW_CRITERIA');
    expect(refusal(() => proposedLevelFor(2, missingUsers, '')).code).toBe('PROPOSED_LEVEL_UNJUSTIFIED');
    expect(proposedLevelFor(3, missingUsers, JUSTIFIED)).toBe(3);
  });
});

describe('assertProposalStillLawful (at submission)', () => {
  it('refuses a stored proposal below a stored level, as one written before the rule', () => {
    const result = evaluate({ ...ONE_STOP, infoTypes: [...ONE_STOP.infoTypes] }, 'ND331');
    const legacy = { proposedLevel: 2, levelJustification: JUSTIFIED, classification: { result } };
    expect(refusal(() => assertProposalStillLawful(legacy)).code).toBe('PROPOSED_LEVEL_BELOW_CRITERIA');
    expect(() => assertProposalStillLawful({ ...legacy, proposedLevel: 3 })).not.toThrow();
  });
});

describe('factsCorrection', () => {
  it('keeps each corrected fact with its value before and after, and nothing unchanged', () => {
    expect(
      factsCorrection(
        { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC', 'PERSONAL'], handlesAdminProcedures: true, users: 10 },
        { systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC'], handlesAdminProcedures: false, conditionalBusiness: false, users: 10 },
      ),
    ).toEqual({
      infoTypes: { before: ['PUBLIC', 'PERSONAL'], after: ['PUBLIC'] },
      handlesAdminProcedures: { before: true, after: false },
      conditionalBusiness: { before: null, after: false },
    });
  });
});
