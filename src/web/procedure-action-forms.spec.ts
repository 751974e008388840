import { FormReader } from './form-input';
import { councilMembers, independentAppraiserFromForm, memberErrorsByLine, PROCEDURE_FORMS } from './procedure-action-forms';

describe('the procedure forms of the dossier page', () => {
  it('reads the council members one per line as "Họ tên – chức vụ" (ND331 Art. 18.4.b: an independent council)', () => {
    expect(
      councilMembers('Nguyễn Văn A – Phó Giám đốc Sở, Chủ tịch Hội đồng\n  Trần Thị B - Trưởng phòng\r\nLê Văn C, Chuyên viên\n\nPhạm D'),
    ).toEqual([
      { name: 'Nguyễn Văn A', title: 'Phó Giám đốc Sở, Chủ tịch Hội đồng' },
      { name: 'Trần Thị B', title: 'Trưởng phòng' },
      { name: 'Lê Văn C', title: 'Chuyên viên' },
      // No title: kept empty, so that the API's validation names the missing title.
      { name: 'Phạm D', title: '' },
    ]);
    expect(councilMembers(undefined)).toEqual([]);
  });

  it('keeps only the chosen kind’s fields of the independent appraiser: a unit’s agency, a council’s members', () => {
    const body = { version: '3', name: 'X', decisionNumber: '15/QĐ', decisionDate: '02/11/2026', agencyId: 'a', members: 'A – B' };
    expect(independentAppraiserFromForm(new FormReader({ ...body, kind: 'UNIT' }))).toMatchObject({
      version: 3,
      kind: 'UNIT',
      agencyId: 'a',
      members: undefined,
      decisionDate: '2026-11-02',
    });
    expect(independentAppraiserFromForm(new FormReader({ ...body, kind: 'COUNCIL' }))).toMatchObject({
      kind: 'COUNCIL',
      agencyId: undefined,
      members: [{ name: 'A', title: 'B' }],
    });
  });

  it('reads a decision form: dates as typed, the level as a number; only the decisions carry a file', () => {
    const f = new FormReader({
      version: '4',
      decisionNumber: ' 125/QĐ ',
      decisionDate: '26/11/2026',
      signerName: 'A',
      signerTitle: 'B',
      level: '3',
    });
    expect(PROCEDURE_FORMS.approve.read(f)).toMatchObject({ version: 4, decisionNumber: '125/QĐ', decisionDate: '2026-11-26', level: 3 });
    const bad = new FormReader({ version: '4', decisionDate: '30/02/2026' });
    PROCEDURE_FORMS['approve-plan'].read(bad);
    expect(bad.errors.decisionDate?.[0]).toContain('không có ngày này');
    const withFile = Object.entries(PROCEDURE_FORMS)
      .filter(([, form]) => form.file)
      .map(([action]) => action);
    expect(withFile).toEqual(['approve', 'approve-plan', 'record-listing']);
  });

  it("names a council member's error by its line, beside the members box", () => {
    expect(memberErrorsByLine({ 'members[1].title': ['không được để trống'], name: ['x'] })).toEqual({
      members: ['dòng 2: không được để trống'],
      name: ['x'],
    });
  });
});
