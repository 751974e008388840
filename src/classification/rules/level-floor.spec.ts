import { evaluate } from './evaluator';
import { checkProposedLevel, criteriaBasis, levelFloor } from './level-floor';

const below = { ok: false, code: 'PROPOSED_LEVEL_BELOW_CRITERIA', message: expect.any(String) };
const unjustified = { ok: false, code: 'PROPOSED_LEVEL_UNJUSTIFIED', message: expect.any(String) };
const longEnough = 'Hệ thống chỉ phục vụ một phòng ban.'; // over 20 characters
const ART_13_2_B = 'Điểm b Khoản 2 Điều 13 Nghị định 331/2026/NĐ-CP';

describe('checkProposedLevel', () => {
  describe('ND85 Arts. 7–11 / ND331 Arts. 11–15, 8.2: the level the criteria give is the level', () => {
    it('accepts the computed level itself without a justification', () => {
      expect(checkProposedLevel({ computedLevel: 3, proposedLevel: 3 })).toEqual({ ok: true });
    });

    it.each([1, 2] as const)('refuses %d below a settled level 3, even with a justification', (proposedLevel) => {
      expect(checkProposedLevel({ computedLevel: 3, proposedLevel })).toEqual(below);
      expect(checkProposedLevel({ computedLevel: 3, proposedLevel, justification: longEnough })).toEqual(below);
    });

    it('names the computed level, the article that set it and the two ways out', () => {
      const check = checkProposedLevel({ computedLevel: 3, proposedLevel: 2, basis: [ART_13_2_B] });
      expect(check.ok === false && check.message).toBe(
        `Cấp độ đề xuất (2) thấp hơn cấp độ 3 xác định theo ${ART_13_2_B}. Cấp độ do tiêu chí xác định, không đề xuất thấp hơn. ` +
          'Nếu thông tin xác định cấp độ chưa đúng, hãy sửa thông tin (việc sửa được ghi lại); nếu không đồng ý với kết quả, hãy ghi ý kiến gửi đơn vị thẩm định.',
      );
    });
  });

  describe('ND85 Art. 15.3 / ND331 Art. 22.4: a higher proposal is justified in writing', () => {
    it.each([4, 5] as const)('refuses %d above a settled level 3 without a justification, accepts it with one', (proposedLevel) => {
      expect(checkProposedLevel({ computedLevel: 3, proposedLevel })).toEqual(unjustified);
      expect(checkProposedLevel({ computedLevel: 3, proposedLevel, justification: longEnough })).toEqual({ ok: true });
    });

    it('counts at least 20 characters after trimming', () => {
      const nineteen = 'a'.repeat(19);
      expect(checkProposedLevel({ computedLevel: 3, proposedLevel: 4, justification: `   ${nineteen}   ` })).toEqual(unjustified);
      expect(checkProposedLevel({ computedLevel: 3, proposedLevel: 4, justification: `${nineteen}b` })).toEqual({ ok: true });
      expect(checkProposedLevel({ computedLevel: 3, proposedLevel: 4, justification: ' '.repeat(40) })).toEqual(unjustified);
      expect(checkProposedLevel({ computedLevel: 3, proposedLevel: 4, justification: null })).toEqual(unjustified);
    });

    it('counts Vietnamese letters once even when typed with combining marks', () => {
      const decomposed = 'Ở'.normalize('NFD').repeat(19); // 38 UTF-16 units, 19 letters
      expect(checkProposedLevel({ computedLevel: 3, proposedLevel: 4, justification: decomposed })).toEqual(unjustified);
    });
  });

  describe('undetermined result: the known level is a floor', () => {
    it('refuses a proposal below the floor, even justified, naming the floor', () => {
      const check = checkProposedLevel({ computedLevel: 2, undetermined: true, proposedLevel: 1, justification: longEnough });
      expect(check).toEqual(below);
      expect(check.ok === false && check.message).toContain('thấp hơn cấp độ tối thiểu 2');
    });

    it('needs a justification for any proposal at or above the floor', () => {
      const floor = checkProposedLevel({ computedLevel: 2, undetermined: true, proposedLevel: 2 });
      expect(floor).toEqual(unjustified);
      expect(floor.ok === false && floor.message).toContain('cấp độ tối thiểu: cấp độ 2');
      expect(checkProposedLevel({ computedLevel: 2, undetermined: true, proposedLevel: 3, justification: longEnough })).toEqual({
        ok: true,
      });
    });

    it('with nothing matched there is no floor, only the justification', () => {
      expect(levelFloor(null)).toBe(1);
      expect(checkProposedLevel({ computedLevel: null, proposedLevel: 5 })).toEqual(unjustified);
      expect(checkProposedLevel({ computedLevel: null, proposedLevel: 1, justification: longEnough })).toEqual({ ok: true });
    });
  });
});

describe('criteriaBasis', () => {
  it('ND331 Art. 13.2.b: a one-stop administrative-procedure system is level 3 by that article', () => {
    const result = evaluate({ systemType: 'CITIZEN_BUSINESS', infoTypes: ['PUBLIC', 'PERSONAL'], handlesAdminProcedures: true }, 'ND331');
    expect(result.level).toBe(3);
    expect(criteriaBasis(result)).toEqual([ART_13_2_B]);
  });

  it('ND331 Art. 8.2: the highest level of the components sets it, and lower rows are not named', () => {
    const result = evaluate(
      {
        systemType: 'INTERNAL',
        infoTypes: ['PRIVATE'],
        components: [{ systemType: 'INFRASTRUCTURE', infoTypes: ['PRIVATE'], infrastructureScope: 'SHARED_REGIONAL' }],
      },
      'ND331',
    );
    expect(result.level).toBe(3);
    expect(criteriaBasis(result)).toEqual(['Khoản 3 Điều 13 Nghị định 331/2026/NĐ-CP']);
  });

  it('nothing to name when no rule matched', () => {
    expect(criteriaBasis({ level: null, matchedRules: [] })).toEqual([]);
  });
});
