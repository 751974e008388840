import type { Dossier } from '../dossiers/dossier.entity';
import { dossierNotices } from './dossier-notices';

const base = {
  ownerAgencyId: 'owner',
  operatorAgencyId: 'operator',
  appraiserAgencyId: 'appraiser',
  appraiserName: 'Sở Khoa học và Công nghệ',
  approverKind: 'AGENCY',
  approverAgencyId: 'approver',
  proposedLevel: 3,
  currentRevision: 2,
  dueOn: '2026-12-02',
  returnItems: null,
  appraisal: null,
  decision: null,
} as unknown as Dossier;
const SYSTEM = 'Cổng dịch vụ công';

describe('dossier notices', () => {
  it('submit tells the routed appraising body, with the validity deadline as a Vietnamese date', () => {
    expect(dossierNotices(base, 'submit', 'SUBMITTED', SYSTEM)).toEqual([
      {
        kind: 'DOSSIER_ROUTED',
        agencyIds: ['appraiser'],
        roles: ['APPRAISER'],
        title: 'Hồ sơ mới cần thẩm định: Cổng dịch vụ công',
        body: 'Hồ sơ đề xuất cấp độ 3 của hệ thống "Cổng dịch vụ công" (lần gửi 2) đã được gửi đến Sở Khoa học và Công nghệ. Hạn kiểm tra tính hợp lệ: 02/12/2026.',
      },
    ]);
  });

  it('return and a NOT_SUITABLE appraisal tell the owner and the operator what to change', () => {
    expect(dossierNotices({ ...base, returnItems: ['Sơ đồ mạng', 'Quy chế'] }, 'return', 'RETURNED', SYSTEM)).toEqual([
      expect.objectContaining({
        kind: 'DOSSIER_RETURNED',
        agencyIds: ['owner', 'operator'],
        roles: ['AGENCY_OFFICER'],
        body: 'Sở Khoa học và Công nghệ yêu cầu bổ sung: Sơ đồ mạng; Quy chế',
      }),
    ]);
    const appraisal = { conclusion: 'NOT_SUITABLE', reasons: ['Thiếu phương án sao lưu'] } as Dossier['appraisal'];
    expect(dossierNotices({ ...base, appraisal }, 'appraise', 'DRAFT', SYSTEM)).toEqual([
      expect.objectContaining({
        kind: 'DOSSIER_APPRAISED',
        body: 'Kết luận: chưa phù hợp. Nội dung chưa phù hợp: Thiếu phương án sao lưu',
      }),
    ]);
  });

  it('a suitable appraisal also tells a separate approving body its deadline; the same body is not told twice', () => {
    const appraisal = { conclusion: 'SUITABLE', reasons: [] } as unknown as Dossier['appraisal'];
    expect(dossierNotices({ ...base, appraisal }, 'appraise', 'APPRAISED', SYSTEM).map((n) => [n.kind, n.agencyIds, n.body])).toEqual([
      ['DOSSIER_APPRAISED', ['owner', 'operator'], 'Kết luận: phù hợp.'],
      ['DOSSIER_ROUTED', ['approver'], 'Hạn phê duyệt: 02/12/2026.'],
    ]);
    expect(dossierNotices({ ...base, appraisal, approverAgencyId: 'appraiser' }, 'appraise', 'APPRAISED', SYSTEM)).toHaveLength(1);
  });

  it('approval tells the preparers the decision; start-appraisal and withdraw tell nobody', () => {
    const decision = { number: '125/QĐ-UBND', date: '2026-11-24', level: 3 } as Dossier['decision'];
    expect(dossierNotices({ ...base, decision }, 'approve', 'APPROVED', SYSTEM)).toEqual([
      expect.objectContaining({
        kind: 'DOSSIER_APPROVED',
        title: 'Đã phê duyệt cấp độ: Cổng dịch vụ công',
        body: 'Quyết định số 125/QĐ-UBND ngày 24/11/2026 phê duyệt cấp độ 3.',
      }),
    ]);
    expect(dossierNotices(base, 'start-appraisal', 'UNDER_APPRAISAL', SYSTEM)).toEqual([]);
    expect(dossierNotices(base, 'withdraw', 'WITHDRAWN', SYSTEM)).toEqual([]);
  });
});
