/**
 * Mẫu 08 of Decree 331/2026 as the official letter it is (docs/legal/forms-wording.md): the issuer's header, its
 * number, "V/v", "Kính gửi", the general figures in the form's words, Part 2 on the owner and its specialised unit,
 * and the signature. Pure: the annual report service passes the issuer's details in.
 */
import { formatLongDate } from '../documents/form-template.helpers';
import type { Mau08SummaryDto } from './dto/annual-report.dto';
import type { ReportingPeriod } from './mau08';

/** An agency's details as Part 2 of the form asks for them; absent details print a dotted gap. */
export interface LetterAgency {
  name: string;
  parentName?: string | null;
  functionsDocument?: string | null;
  representativeName?: string | null;
  representativeTitle?: string | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
}

export interface LetterIssuer {
  owner: LetterAgency;
  specialisedUnit: LetterAgency | null;
  /** The place of its documents (Decree 30/2020 Annex I, II.4.a). */
  place: string;
}

/** Decree 331/2026 takes effect on 19/08/2026 (Art. 38): from then the report is a cybersecurity matter. */
export const ND331_IN_FORCE = '2026-08-19';

/**
 * Who the owner's report goes to, by the day it is due: the Ministry of Public Security under Decree 331 (Art. 36),
 * the Ministry of Information and Communications under Decree 85 and Circular 12/2022 before it (LEGAL-BRIEF §6.4,
 * Decree 85's text is not in the sources).
 */
export function mau08Addressee(period: ReportingPeriod): string {
  return period.ownerReportBy >= ND331_IN_FORCE ? 'Bộ Công an' : 'Bộ Thông tin và Truyền thông';
}

export function mau08Subject(period: ReportingPeriod): string {
  return period.ownerReportBy >= ND331_IN_FORCE
    ? 'V/v kết quả công tác bảo đảm an ninh mạng hệ thống thông tin'
    : 'V/v kết quả công tác bảo đảm an toàn hệ thống thông tin theo cấp độ';
}

export function mau08PlaceDate(place: string, day: string): string {
  return `${place}, ${formatLongDate(day)}`;
}

const GAP = '……………………';
const orGap = (value: string | null | undefined) => (value && value.trim() ? value.trim() : GAP);

/** Part 1 in the form's words; "đã được phân loại" counts systems whose type is determined. */
export function mau08GeneralLines(s: Mau08SummaryDto): string[] {
  return [
    `- Tổng số hệ thống thông tin thuộc phạm vi quản lý: ${s.systems};`,
    `- Tổng số hệ thống thông tin đã được phân loại (đã xác định được loại hình hệ thống thông tin): ${s.classified};`,
    `- Tổng số hệ thống thông tin đã xây dựng hồ sơ đề xuất cấp độ: ${s.dossiersBuilt};`,
    `- Tổng số hệ thống thông tin đã được thẩm định hồ sơ đề xuất cấp độ: ${s.appraised};`,
    `- Tổng số hệ thống thông tin đã được phê duyệt cấp độ: ${s.approved};`,
    `- Tổng số hệ thống thông tin đã phê duyệt cấp độ được kiểm tra, đánh giá an ninh mạng định kỳ theo quy định: ${s.approvedAndInspected};`,
    `- Dự kiến thời gian hoàn thành phê duyệt đề xuất cấp độ hệ thống thông tin đối với tất cả các hệ thống thông tin thuộc phạm vi quản lý: ${GAP}`,
  ];
}

/** Part 2: (1)–(5) for the owner and for its specialised unit. */
export function mau08AgencyLines(issuer: LetterIssuer): { heading: string; lines: string[] }[] {
  const unit = issuer.specialisedUnit;
  const representative = (a: LetterAgency | null) =>
    a?.representativeName ? [a.representativeName, a.representativeTitle].filter(Boolean).join(', ') : GAP;
  const contacts = (a: LetterAgency | null) =>
    a?.phone || a?.email ? [a.phone && `điện thoại ${a.phone}`, a.email && `thư điện tử ${a.email}`].filter(Boolean).join('; ') : GAP;
  return [
    {
      heading: 'a) Thông tin về chủ quản hệ thống thông tin:',
      lines: [
        `(1) Tên chủ quản hệ thống thông tin: ${issuer.owner.name};`,
        `(2) Quy định chức năng, nhiệm vụ và quyền hạn: ${issuer.owner.functionsDocument?.trim() || ''};`,
        `(3) Người đại diện, chức vụ: ${representative(issuer.owner)};`,
        `(4) Địa chỉ liên lạc: ${orGap(issuer.owner.address)};`,
        `(5) Thông tin liên hệ: ${contacts(issuer.owner)}.`,
      ],
    },
    {
      heading: 'b) Thông tin về đơn vị chuyên trách về an ninh mạng:',
      lines: [
        `(1) Tên đơn vị chuyên trách về an ninh mạng: ${orGap(unit?.name)};`,
        `(2) Quy định chức năng, nhiệm vụ và quyền hạn: ${orGap(unit?.functionsDocument)};`,
        `(3) Người đại diện, chức vụ: ${representative(unit)};`,
        `(4) Địa chỉ liên lạc: ${orGap(unit?.address)};`,
        `(5) Thông tin liên hệ: ${contacts(unit)}.`,
      ],
    },
  ];
}
