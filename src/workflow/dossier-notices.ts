/**
 * Who is told what when a dossier moves: the appraising body when a dossier reaches it, the approving body when an
 * appraised dossier awaits its decision, the preparing agencies (owner and operator) when it is returned, appraised or
 * approved. Pure wording; the workflow service sends the notices in the action's transaction.
 */
import type { Role } from '../users/role';
import type { Dossier } from '../dossiers/dossier.entity';
import type { DossierStatus } from '../dossiers/dossier-status';
import type { NotificationKind } from '../notifications/notification-kinds';
import type { DossierAction } from './dossier-transitions';

export interface DossierNotice {
  kind: NotificationKind;
  /** Agencies whose officers of `roles` receive it; empty and repeated ids are the sender's to skip. */
  agencyIds: (string | null)[];
  roles: Role[];
  title: string;
  body: string;
}

/** The notices an action raises, given the dossier after it and its system's name. */
export function dossierNotices(d: Dossier, action: DossierAction, to: DossierStatus, system: string): DossierNotice[] {
  const preparers = [d.ownerAgencyId, d.operatorAgencyId];
  const notices: DossierNotice[] = [];
  const add = (kind: NotificationKind, agencyIds: (string | null)[], roles: Role[], title: string, body: string) =>
    notices.push({ kind, agencyIds, roles, title, body });
  if (action === 'submit' || action === 'owner-submit')
    add(
      'DOSSIER_ROUTED',
      [d.appraiserAgencyId],
      ['APPRAISER'],
      `Hồ sơ mới cần thẩm định: ${system}`,
      `Hồ sơ đề xuất cấp độ ${d.proposedLevel} của hệ thống "${system}" (lần gửi ${d.currentRevision}) đã được gửi đến ${d.appraiserName}. Hạn kiểm tra tính hợp lệ: ${formatDate(d.dueOn)}.`,
    );
  if (action === 'return')
    add(
      'DOSSIER_RETURNED',
      preparers,
      ['AGENCY_OFFICER'],
      `Hồ sơ cần bổ sung: ${system}`,
      `${d.appraiserName} yêu cầu bổ sung: ${(d.returnItems ?? []).join('; ')}`,
    );
  if (action === 'appraise')
    add(
      'DOSSIER_APPRAISED',
      preparers,
      ['AGENCY_OFFICER', 'AGENCY_HEAD'],
      `Đã có ý kiến thẩm định: ${system}`,
      `Kết luận: ${to === 'APPRAISED' ? 'phù hợp' : 'chưa phù hợp'}.${d.appraisal?.reasons.length ? ` Nội dung chưa phù hợp: ${d.appraisal.reasons.join('; ')}` : ''}`,
    );
  if (action === 'appraise' && to === 'APPRAISED' && d.approverKind === 'AGENCY' && d.approverAgencyId !== d.appraiserAgencyId) {
    add('DOSSIER_ROUTED', [d.approverAgencyId], ['APPRAISER'], `Hồ sơ chờ phê duyệt: ${system}`, `Hạn phê duyệt: ${formatDate(d.dueOn)}.`);
  }
  if (action === 'request-opinion')
    add(
      'DOSSIER_ROUTED',
      [d.specialisedUnitAgencyId],
      ['APPRAISER'],
      `Hồ sơ xin ý kiến chuyên môn: ${system}`,
      `Đơn vị vận hành xin ý kiến chuyên môn về hồ sơ đề xuất cấp độ ${d.proposedLevel} của hệ thống "${system}" (Mẫu 03).`,
    );
  if (action === 'give-opinion') {
    const suitable = to === 'OPINION_GIVEN';
    add(
      'DOSSIER_APPRAISED',
      preparers,
      ['AGENCY_OFFICER', 'AGENCY_HEAD'],
      `Đã có ý kiến chuyên môn: ${system}`,
      suitable
        ? `${d.specialisedUnitName}: phù hợp. Chủ quản gửi hồ sơ đến ${d.appraiserName} để thẩm định.`
        : `${d.specialisedUnitName}: chưa phù hợp. ${(d.expertOpinion?.reasons ?? []).join('; ')}`,
    );
  }
  if (action === 'request-approval')
    add(
      'DOSSIER_ROUTED',
      [d.ownerAgencyId],
      ['AGENCY_HEAD'],
      `Tờ trình chờ phê duyệt: ${system}`,
      `Đơn vị vận hành trình phê duyệt hồ sơ đề xuất cấp độ ${d.proposedLevel} của hệ thống "${system}". Hạn phê duyệt: ${formatDate(d.dueOn)}.`,
    );
  if (action === 'approve-plan')
    add(
      'DOSSIER_APPROVED',
      preparers,
      ['AGENCY_OFFICER', 'AGENCY_HEAD'],
      `Đã phê duyệt phương án: ${system}`,
      `Quyết định số ${d.planDecision?.number} ngày ${formatDate(d.planDecision?.date ?? null)} phê duyệt phương án bảo đảm an ninh mạng; chờ Thủ tướng Chính phủ phê duyệt Danh mục.`,
    );
  if (action === 'approve' || action === 'record-listing')
    add(
      'DOSSIER_APPROVED',
      preparers,
      ['AGENCY_OFFICER', 'AGENCY_HEAD'],
      `Đã phê duyệt cấp độ: ${system}`,
      `Quyết định số ${d.decision?.number} ngày ${formatDate(d.decision?.date ?? null)} phê duyệt cấp độ ${d.decision?.level}.`,
    );
  return notices;
}

/** "2026-11-25" → "25/11/2026". */
function formatDate(day: string | null): string {
  return day ? day.split('-').reverse().join('/') : '';
}
