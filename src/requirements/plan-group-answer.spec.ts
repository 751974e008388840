import { answerGroup, GroupAnswer, PlanRowState } from './plan-group-answer';

const rows: PlanRowState[] = [
  { code: 'P1', group: 'POLICY', status: null, text: null },
  { code: 'P2', group: 'POLICY', status: 'IMPLEMENTED', text: 'Quy chế số 12/QĐ-UBND' },
  { code: 'P3', group: 'POLICY', status: null, text: 'Rà soát hằng năm' },
  { code: 'S1', group: 'SERVER', status: null, text: null },
];
const answer = (a: Partial<GroupAnswer>): GroupAnswer => ({ status: null, plannedDate: null, text: null, scope: null, ...a });

describe('answerGroup — one answer for a group of TT12 Art. 9.3–9.4, one entry per requirement (ND331 Art. 22.6)', () => {
  it("answers only the unanswered requirements of the group by default, keeping each row's own description", () => {
    const r = answerGroup(rows, 'POLICY', answer({ status: 'IMPLEMENTED', text: 'Theo quy chế an toàn thông tin' }));
    expect(r).toEqual({
      ok: true,
      entries: [
        { code: 'P1', status: 'IMPLEMENTED', plannedDate: null, reason: null, description: 'Theo quy chế an toàn thông tin' },
        { code: 'P3', status: 'IMPLEMENTED', plannedDate: null, reason: null, description: 'Rà soát hằng năm' },
      ],
    });
  });

  it('"all" answers again the requirements already answered, and never another group', () => {
    const r = answerGroup(rows, 'POLICY', answer({ status: 'NOT_APPLICABLE', text: 'Hệ thống thuê dịch vụ của tỉnh', scope: 'ALL' }));
    expect(r.ok && r.entries.map((e) => [e.code, e.reason, e.description])).toEqual([
      ['P1', 'Hệ thống thuê dịch vụ của tỉnh', null],
      ['P2', 'Hệ thống thuê dịch vụ của tỉnh', null],
      ['P3', 'Hệ thống thuê dịch vụ của tỉnh', null],
    ]);
  });

  it('"không áp dụng" without a reason is refused at the text box', () => {
    expect(answerGroup(rows, 'SERVER', answer({ status: 'NOT_APPLICABLE' }))).toEqual({
      ok: false,
      errors: { text: ['hãy ghi lý do không áp dụng'] },
    });
  });

  it('"có kế hoạch" without a date is refused at the date (ND331 Art. 22.6: how and when each requirement is met)', () => {
    const r = answerGroup(rows, 'SERVER', answer({ status: 'PLANNED', text: 'Mua phần mềm' }));
    expect(r).toEqual({ ok: false, errors: { plannedDate: ['hãy ghi thời hạn triển khai (ngày/tháng/năm)'] } });
    const planned = answerGroup(rows, 'SERVER', answer({ status: 'PLANNED', text: 'Mua phần mềm', plannedDate: '2027-06-30' }));
    expect(planned.ok && planned.entries[0].plannedDate).toBe('2027-06-30');
  });

  it('"đã triển khai" without a description is refused when a requirement has none of its own', () => {
    expect(answerGroup(rows, 'POLICY', answer({ status: 'IMPLEMENTED' }))).toMatchObject({
      ok: false,
      errors: { text: [expect.stringContaining('mô tả')] },
    });
    // P3 is the only unanswered one left once P1 has text: then no group text is needed.
    const withText = rows.map((r) => (r.code === 'P1' ? { ...r, text: 'Có quy chế' } : r));
    expect(answerGroup(withText, 'POLICY', answer({ status: 'IMPLEMENTED' })).ok).toBe(true);
  });

  it('no choice, an unknown choice, or nothing left to answer is refused with the field named', () => {
    expect(answerGroup(rows, 'POLICY', answer({}))).toMatchObject({ ok: false, errors: { status: [expect.any(String)] } });
    expect(answerGroup(rows, 'POLICY', answer({ status: 'DONE', text: 'x' }))).toMatchObject({
      ok: false,
      errors: { status: [expect.any(String)] },
    });
    expect(answerGroup(rows, 'POLICY', answer({ status: 'IMPLEMENTED', text: 'x', scope: 'SOME' }))).toMatchObject({
      ok: false,
      errors: { scope: [expect.any(String)] },
    });
    const answered = rows.map((r) => ({ ...r, status: 'IMPLEMENTED' }));
    expect(answerGroup(answered, 'POLICY', answer({ status: 'IMPLEMENTED', text: 'x' }))).toMatchObject({
      ok: false,
      errors: { scope: [expect.stringContaining('không còn yêu cầu chưa trả lời')] },
    });
  });
});
