import { DUE_KIND_LABELS, isOverdue } from './dossier-due';

describe('dossier due', () => {
  it('is overdue only after the due day', () => {
    expect(isOverdue('2026-11-20', '2026-11-20')).toBe(false);
    expect(isOverdue('2026-11-20', '2026-11-21')).toBe(true);
    expect(isOverdue(null, '2030-01-01')).toBe(false);
  });

  it('words every limit in Vietnamese', () => {
    expect(DUE_KIND_LABELS).toEqual({
      VALIDITY: 'Hạn kiểm tra tính hợp lệ của hồ sơ',
      APPRAISAL: 'Hạn thẩm định',
      APPRAISAL_INTERNAL: 'Hạn thẩm định (nội bộ, pháp luật không quy định)',
      APPROVAL: 'Hạn phê duyệt',
    });
  });
});
