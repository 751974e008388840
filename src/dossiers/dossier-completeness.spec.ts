import { CompletenessInput, missingItems } from './dossier-completeness';
import { PLAN_SECTION_KEYS } from './dossier-plan';

const requirements = [
  { code: 'R1', title: 'Chính sách an toàn' },
  { code: 'R2', title: 'Tường lửa' },
  { code: 'R3', title: 'Sao lưu' },
];

function complete(overrides: Partial<CompletenessInput> = {}): CompletenessInput {
  return {
    regime: 'ND85',
    proposedLevel: 3,
    levelUndetermined: false,
    levelJustification: 'Hệ thống cung cấp dịch vụ công trực tuyến toàn trình.',
    description: { overview: 'Cổng thông tin', scope: 'Toàn tỉnh', servedPopulation: 'Người dân, doanh nghiệp' },
    requirements,
    planEntries: {
      R1: { status: 'IMPLEMENTED', description: 'Đã ban hành' },
      R2: { status: 'PLANNED', plannedDate: '2026-12-31', description: 'Mua sắm tường lửa' },
      R3: { status: 'NOT_APPLICABLE', reason: 'Dùng dịch vụ sao lưu của tỉnh' },
    },
    planSections: Object.fromEntries(PLAN_SECTION_KEYS.map((k) => [k, 'Nội dung'])),
    attachmentKinds: ['DESIGN_DOCUMENT'],
    internalRegulation: { number: '12/QC-SXD', date: '2025-06-01' },
    ...overrides,
  };
}

const codes = (input: CompletenessInput) => missingItems(input).map((m) => m.code);

describe('dossier completeness', () => {
  it('finds nothing missing in a complete level-3 ND85 dossier', () => {
    expect(missingItems(complete())).toEqual([]);
  });

  it('requires the general description fields (part 1)', () => {
    expect(codes(complete({ description: { overview: ' ', scope: null, servedPopulation: '' } }))).toEqual([
      'DESCRIPTION_OVERVIEW_MISSING',
      'DESCRIPTION_SCOPE_MISSING',
      'DESCRIPTION_SERVED_POPULATION_MISSING',
    ]);
  });

  it('requires a design document attachment (part 2)', () => {
    expect(codes(complete({ attachmentKinds: ['OTHER'] }))).toEqual(['DESIGN_DOCUMENT_MISSING']);
  });

  it('requires the level justification, and says so twice when the level is undetermined', () => {
    expect(codes(complete({ levelJustification: '' }))).toEqual(['LEVEL_JUSTIFICATION_MISSING']);
    expect(codes(complete({ levelJustification: '', levelUndetermined: true }))).toEqual([
      'LEVEL_JUSTIFICATION_MISSING',
      'LEVEL_UNDETERMINED',
    ]);
  });

  it('requires a risk assessment under ND331 only (Art. 10)', () => {
    expect(codes(complete({ regime: 'ND331' }))).toEqual(['RISK_ASSESSMENT_MISSING']);
    expect(codes(complete({ regime: 'ND331', attachmentKinds: ['DESIGN_DOCUMENT', 'RISK_ASSESSMENT'] }))).toEqual([]);
  });

  it('lists each of the seven plan sections left empty, with its key', () => {
    const items = missingItems(complete({ planSections: { a: 'x', b: 'x', c: 'x', d: 'x', e: 'x' } }));
    expect(items.map((m) => [m.code, m.ref])).toEqual([
      ['PLAN_SECTION_MISSING', 'dd'],
      ['PLAN_SECTION_MISSING', 'g'],
    ]);
  });

  it('lists every requirement with no answer, and incomplete answers by kind', () => {
    const items = missingItems(
      complete({
        planEntries: {
          R1: { status: 'IMPLEMENTED', description: ' ' },
          R2: { status: 'PLANNED', description: 'x' },
        },
      }),
    );
    expect(items.map((m) => [m.code, m.ref])).toEqual([
      ['PLAN_REQUIREMENT_DESCRIPTION_MISSING', 'R1'],
      ['PLAN_REQUIREMENT_DATE_MISSING', 'R2'],
      ['PLAN_REQUIREMENT_UNANSWERED', 'R3'],
    ]);
    expect(codes(complete({ planEntries: { ...complete().planEntries, R3: { status: 'NOT_APPLICABLE' } } }))).toEqual([
      'PLAN_REQUIREMENT_REASON_MISSING',
    ]);
  });

  it('requires the internal security regulation to be issued (TT12 Art. 9.7)', () => {
    expect(codes(complete({ internalRegulation: { number: '12/QC', date: null } }))).toEqual(['INTERNAL_REGULATION_MISSING']);
  });

  it('requires the professional opinion for levels 4 and 5 only', () => {
    expect(codes(complete({ proposedLevel: 3 }))).toEqual([]);
    expect(codes(complete({ proposedLevel: 4 }))).toEqual(['EXPERT_OPINION_MISSING']);
    expect(codes(complete({ proposedLevel: 5, expertOpinion: { unit: 'Phòng An ninh mạng', summary: 'Nhất trí' } }))).toEqual([]);
    expect(codes(complete({ proposedLevel: 4, attachmentKinds: ['DESIGN_DOCUMENT', 'EXPERT_OPINION'] }))).toEqual([]);
    expect(codes(complete({ proposedLevel: 4, expertOpinion: { unit: 'Phòng An ninh mạng', summary: '' } }))).toEqual([
      'EXPERT_OPINION_MISSING',
    ]);
  });
});
