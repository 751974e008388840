import { documentUnavailableReason, type DocumentAvailabilityFacts } from './document-availability';
import { procedurePath } from './dossier-path';

const SUITABLE = { conclusion: 'SUITABLE' as const };

function facts(level: number, status: string, extra: Partial<DocumentAvailabilityFacts> & { onNationalList?: boolean } = {}) {
  const { onNationalList = false, ...rest } = extra;
  const regime = rest.regime ?? 'ND331';
  return {
    regime,
    path: procedurePath({ proposedLevel: level, regime, onNationalList }),
    status,
    proposedLevel: level,
    appraisal: null,
    hasDecision: false,
    hasPlanDecision: false,
    ...rest,
  } satisfies DocumentAvailabilityFacts;
}

const available = (form: string, d: DocumentAvailabilityFacts) => documentUnavailableReason(form, d) === undefined;

describe('Mẫu 03: professional opinion of the owner’s specialised unit (ND331 điểm d khoản 1 Điều 20)', () => {
  it.each([4, 5])('is the form of a level %i dossier, already while drafting (the preview to sign)', (level) => {
    expect(available('mau-03', facts(level, 'DRAFT'))).toBe(true);
    expect(available('mau-03', facts(level, 'AWAITING_OPINION'))).toBe(true);
    expect(available('mau-03', facts(level, 'APPROVED'))).toBe(true);
  });

  it('is the form of a level 3 system on the national-security List (khoản 4 Điều 20)', () => {
    expect(available('mau-03', facts(3, 'DRAFT', { onNationalList: true }))).toBe(true);
  });

  it.each([1, 2, 3])('is refused for a level %i system not on the List, citing điểm d khoản 1 Điều 20', (level) => {
    const reason = documentUnavailableReason('mau-03', facts(level, 'DRAFT'));
    expect(reason).toContain('Mẫu 03 chỉ dùng cho hệ thống đề xuất cấp độ 4, 5');
    expect(reason).toContain('điểm d khoản 1 Điều 20 Nghị định 331/2026/NĐ-CP');
  });

  it('cites Decree 85 without an article for a Decree 85 dossier', () => {
    const reason = documentUnavailableReason('mau-03', facts(3, 'DRAFT', { regime: 'ND85' }));
    expect(reason).toContain('Nghị định 85/2016/NĐ-CP');
    expect(reason).not.toContain('331/2026');
  });
});

describe('Mẫu 05: Tờ trình to the owner once the appraisal is "phù hợp" (ND331 điểm b, c khoản 3 Điều 20, khoản 1 Điều 24)', () => {
  it.each(['APPRAISED', 'AWAITING_APPROVAL', 'AWAITING_LISTING', 'APPROVED', 'SUPERSEDED'])(
    'is available for a level 3 dossier in %s after a suitable appraisal',
    (status) => {
      expect(available('mau-05', facts(3, status, { appraisal: SUITABLE }))).toBe(true);
    },
  );

  it.each([4, 5])('is available for level %i (owner approves the level, or the plan for level 5)', (level) => {
    expect(available('mau-05', facts(level, 'APPRAISED', { appraisal: SUITABLE }))).toBe(true);
  });

  it.each(['DRAFT', 'AWAITING_OPINION', 'OPINION_GIVEN', 'SUBMITTED', 'UNDER_APPRAISAL', 'RETURNED', 'WITHDRAWN'])(
    'is refused before a suitable appraisal (%s), naming the stage',
    (status) => {
      const reason = documentUnavailableReason('mau-05', facts(3, status));
      expect(reason).toContain('chỉ lập sau khi hồ sơ được thẩm định là phù hợp');
      expect(reason).toContain('khoản 1 Điều 24');
    },
  );

  it('is refused after an unsuitable appraisal even at a later status', () => {
    expect(available('mau-05', facts(3, 'APPRAISED', { appraisal: { conclusion: 'NOT_SUITABLE' } }))).toBe(false);
  });

  it.each([1, 2])('is refused for level %i: the specialised unit approves, no Tờ trình (khoản 1 Điều 18)', (level) => {
    const reason = documentUnavailableReason('mau-05', facts(level, 'APPRAISED', { appraisal: SUITABLE }));
    expect(reason).toContain('cấp độ 1, 2 do đơn vị chuyên trách phê duyệt, không lập Tờ trình');
    expect(reason).toContain('khoản 1 Điều 18');
  });
});

describe('Mẫu 06 and Mẫu 07: level decision or plan decision (ND331 điểm d, đ khoản 3 Điều 18; khoản 4 Điều 20)', () => {
  it('Mẫu 06 is never the form of a level 5 dossier, even with a decision recorded', () => {
    const reason = documentUnavailableReason('mau-06', facts(5, 'APPROVED', { hasDecision: true }));
    expect(reason).toContain('không phê duyệt cấp độ bằng Mẫu 06');
    expect(reason).toContain('Thủ tướng Chính phủ phê duyệt Danh mục');
    expect(reason).toContain('điểm d, đ khoản 3 Điều 18');
  });

  it('Mẫu 06 is refused for a level 4 system on the List (khoản 4 Điều 20)', () => {
    expect(available('mau-06', facts(4, 'APPROVED', { hasDecision: true, onNationalList: true }))).toBe(false);
  });

  it.each([2, 3, 4])('Mẫu 06 is the form of a level %i dossier once approved, not before', (level) => {
    expect(available('mau-06', facts(level, 'APPROVED', { hasDecision: true }))).toBe(true);
    expect(documentUnavailableReason('mau-06', facts(level, 'AWAITING_APPROVAL'))).toBe('Hồ sơ chưa được phê duyệt.');
  });

  it('Mẫu 07 is the form of a level 5 dossier once the owner approved the plan', () => {
    expect(available('mau-07', facts(5, 'AWAITING_LISTING', { hasPlanDecision: true }))).toBe(true);
    expect(available('mau-07', facts(3, 'APPROVED', { hasPlanDecision: true, onNationalList: true }))).toBe(true);
    expect(documentUnavailableReason('mau-07', facts(5, 'AWAITING_APPROVAL'))).toContain('Chủ quản chưa phê duyệt phương án');
  });

  it.each([2, 3, 4])('Mẫu 07 is refused for a level %i system not on the List: its level is approved with Mẫu 06', (level) => {
    const reason = documentUnavailableReason('mau-07', facts(level, 'APPROVED', { hasDecision: true, hasPlanDecision: true }));
    expect(reason).toContain('Mẫu 07 chỉ dùng cho hệ thống cấp độ 5');
    expect(reason).toContain('Mẫu 06');
  });
});

describe('Mẫu 01, 02, 04 keep their rules (ND331 Điều 20, Điều 23)', () => {
  it('Mẫu 01 for levels 1–2 and Mẫu 02 from level 3', () => {
    expect(available('mau-01', facts(2, 'DRAFT'))).toBe(true);
    expect(available('mau-01', facts(3, 'DRAFT'))).toBe(false);
    expect(available('mau-02', facts(2, 'DRAFT'))).toBe(false);
    expect(available('mau-02', facts(5, 'DRAFT'))).toBe(true);
  });

  it('Mẫu 04 once an appraisal is recorded', () => {
    expect(documentUnavailableReason('mau-04', facts(3, 'UNDER_APPRAISAL'))).toBe('Hồ sơ chưa có ý kiến thẩm định.');
    expect(available('mau-04', facts(3, 'APPRAISED', { appraisal: SUITABLE }))).toBe(true);
  });
});
