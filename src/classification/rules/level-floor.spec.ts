import { checkProposedLevel } from './level-floor';

const refused = { ok: false, code: 'LEVEL_BELOW_COMPUTED_UNJUSTIFIED', message: expect.any(String) };
const longEnough = 'Hệ thống chỉ phục vụ một phòng ban.'; // over 20 characters

describe('checkProposedLevel', () => {
  it.each([3, 4, 5] as const)('accepts a proposal at or above the computed level (%d) without justification', (proposedLevel) => {
    expect(checkProposedLevel({ computedLevel: 3, proposedLevel })).toEqual({ ok: true });
  });

  it('refuses a proposal below the computed level without justification', () => {
    const result = checkProposedLevel({ computedLevel: 3, proposedLevel: 2 });
    expect(result).toEqual(refused);
    expect(result.ok === false && result.message).toContain('Cấp độ đề xuất (2) thấp hơn cấp độ xác định theo tiêu chí (3)');
  });

  it('accepts a proposal below the computed level with a written justification', () => {
    expect(checkProposedLevel({ computedLevel: 3, proposedLevel: 2, justification: longEnough })).toEqual({ ok: true });
  });

  it('counts at least 20 characters after trimming', () => {
    const nineteen = 'a'.repeat(19);
    expect(checkProposedLevel({ computedLevel: 3, proposedLevel: 1, justification: `   ${nineteen}   ` })).toEqual(refused);
    expect(checkProposedLevel({ computedLevel: 3, proposedLevel: 1, justification: `${nineteen}b` })).toEqual({ ok: true });
    expect(checkProposedLevel({ computedLevel: 3, proposedLevel: 1, justification: ' '.repeat(40) })).toEqual(refused);
    expect(checkProposedLevel({ computedLevel: 3, proposedLevel: 1, justification: null })).toEqual(refused);
  });

  it('counts Vietnamese letters once even when typed with combining marks', () => {
    const decomposed = 'Ở'.normalize('NFD').repeat(19); // 38 UTF-16 units, 19 letters
    expect(checkProposedLevel({ computedLevel: 3, proposedLevel: 1, justification: decomposed })).toEqual(refused);
  });

  it('requires a justification whatever the proposal when the level is undetermined', () => {
    expect(checkProposedLevel({ computedLevel: null, proposedLevel: 5 })).toEqual(refused);
    expect(checkProposedLevel({ computedLevel: null, proposedLevel: 1, justification: longEnough })).toEqual({ ok: true });
    const floor = checkProposedLevel({ computedLevel: 2, proposedLevel: 3, undetermined: true });
    expect(floor).toEqual(refused);
    expect(floor.ok === false && floor.message).toContain('mức tối thiểu đã xác định: cấp độ 2');
  });
});
