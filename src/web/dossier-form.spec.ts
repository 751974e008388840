import { DossierDto } from '../dossiers/dto/dossier.dto';
import {
  conflictChanges,
  dossierDtoFromForm,
  dossierFieldAnchor,
  dossierFieldLabel,
  dossierFormEcho,
  dossierFormValues,
  UNANSWERED_WITH_TEXT,
} from './dossier-form';

const dossier = (over: Partial<DossierDto> = {}): DossierDto =>
  ({
    status: 'DRAFT',
    version: 3,
    proposedLevel: 2,
    levelJustification: '',
    noteToAppraiser: '',
    description: {},
    planSections: [],
    expertOpinion: null,
    plan: [
      { code: 'TT12.L2.QL.1.1.1', title: 'Chính sách an toàn', status: null, plannedDate: null, description: null, reason: null },
      { code: 'TT12.L2.KT.2.1', title: 'Nhật ký hệ thống', status: 'IMPLEMENTED', plannedDate: null, description: 'Có', reason: null },
    ],
    workflow: { returnItems: null, returnItemsDone: [] },
    ...over,
  }) as unknown as DossierDto;

describe('the dossier form: nothing typed is lost (issue 21 point 2)', () => {
  it('refuses a text typed into a requirement still "Chưa trả lời", with the row marked, instead of dropping it', () => {
    const { reader, plain } = dossierDtoFromForm(
      { version: '3', proposedLevel: '2', 'plan.TT12.L2.QL.1.1.1.status': '', 'plan.TT12.L2.QL.1.1.1.text': 'Đã ban hành quy chế' },
      dossier(),
    );
    expect(reader.errors).toEqual({ 'plan.TT12.L2.QL.1.1.1.status': [UNANSWERED_WITH_TEXT] });
    expect(plain.planEntries).toEqual([]);
  });

  it('refuses a date typed into a requirement still "Chưa trả lời" too', () => {
    const { reader } = dossierDtoFromForm({ version: '3', 'plan.TT12.L2.QL.1.1.1.plannedDate': '31/12/2026' }, dossier());
    expect(Object.keys(reader.errors)).toEqual(['plan.TT12.L2.QL.1.1.1.status']);
  });

  it('lets an untouched unanswered row pass and keeps the answered ones', () => {
    const { reader, plain } = dossierDtoFromForm(
      { version: '3', 'plan.TT12.L2.KT.2.1.status': 'IMPLEMENTED', 'plan.TT12.L2.KT.2.1.text': 'Có' },
      dossier(),
    );
    expect(reader.errors).toEqual({});
    expect(plain.planEntries).toEqual([
      { code: 'TT12.L2.KT.2.1', status: 'IMPLEMENTED', plannedDate: null, reason: null, description: 'Có' },
    ]);
  });
});

describe('the return requests marked "đã bổ sung" on the page (issue 21 point 1)', () => {
  const returned = dossier({ status: 'RETURNED', workflow: { returnItems: ['Sơ đồ mạng', 'Quy chế'], returnItemsDone: [1] } as never });

  it('sends the ticked requests with the save, and none when all are unticked', () => {
    expect(
      dossierDtoFromForm({ version: '3', returnItemsShown: '1', returnItemsDone: ['0', '1'] }, returned).plain.returnItemsDone,
    ).toEqual([0, 1]);
    expect(dossierDtoFromForm({ version: '3', returnItemsShown: '1' }, returned).plain.returnItemsDone).toEqual([]);
  });

  it('leaves the marks alone when the list was not on the page, or the dossier is not being supplemented', () => {
    expect(dossierDtoFromForm({ version: '3' }, returned).plain.returnItemsDone).toBeUndefined();
    expect(
      dossierDtoFromForm({ version: '3', returnItemsShown: '1', returnItemsDone: '0' }, dossier()).plain.returnItemsDone,
    ).toBeUndefined();
  });

  it('shows the saved marks, and the typed ones after a refused save', () => {
    expect(dossierFormValues(returned)['returnItemsDone.1']).toBe('on');
    expect(dossierFormValues(returned)['returnItemsDone.0']).toBeUndefined();
    expect(dossierFormEcho({ returnItemsDone: ['0'] })['returnItemsDone.0']).toBe('on');
  });
});

describe('an edit conflict shows what the other save changed (issue 21 point 2)', () => {
  it('lists each field whose saved value differs from the typed one, with its label and anchor', () => {
    const changes = conflictChanges(
      { levelJustification: 'Bản của tab kia', 'description.overview': 'Giống nhau', 'plan.TT12.L2.KT.2.1.text': 'Có' },
      {
        _csrf: 'x',
        version: '3',
        'nhom.POLICY.scope': 'ALL',
        levelJustification: 'Bản của tôi',
        'description.overview': 'Giống nhau\r\n',
        'plan.TT12.L2.KT.2.1.text': 'Có nhật ký',
      },
      dossier(),
    );
    expect(changes).toEqual([
      { field: 'levelJustification', label: 'Thuyết minh', anchor: 'f-levelJustification', saved: 'Bản của tab kia', typed: 'Bản của tôi' },
      {
        field: 'plan.TT12.L2.KT.2.1.text',
        label: 'Yêu cầu "Nhật ký hệ thống" (TT12.L2.KT.2.1) — cách đáp ứng',
        anchor: 'yc-TT12-L2-KT-2-1',
        saved: 'Có',
        typed: 'Có nhật ký',
      },
    ]);
  });
});

describe('field errors name and link their field (issue 21 point 9)', () => {
  it('names content-table cells, plan sections and uploads as the page does', () => {
    expect(dossierFieldLabel('description.equipment.1.name', dossier())).toBe(
      'Danh mục thiết bị và thiết bị mạng chính, dòng 2, Tên thiết bị/chủng loại',
    );
    expect(dossierFieldLabel('planSections.dd', dossier())).toBe('Phương án, mục (đ) Giám sát an toàn hệ thống');
    expect(dossierFieldLabel('tep.kind', dossier())).toBe('Loại tài liệu');
  });

  it('links to the input ids the page renders', () => {
    expect(dossierFieldAnchor('description.equipment.1.name')).toBe('f-description-equipment-1-name');
    expect(dossierFieldAnchor('plan.TT12.L2.QL.1.1.1.status')).toBe('yc-TT12-L2-QL-1-1-1');
    expect(dossierFieldAnchor('tep.file')).toBe('f-file');
  });
});
