import type { RequirementKind, RequirementPart } from './requirement.types';

/**
 * Titles as people read them. The appendices of Circular 12/2022 repeat short titles in each technical group
 * ("Nhật ký hệ thống" under the network, the servers and the applications); a title that appears more than once in
 * a level's list is followed by its group ("Nhật ký hệ thống — Bảo đảm an toàn máy chủ"). Keyed by code.
 */
export function displayTitles(requirements: readonly { code: string; title: string; groupName?: string }[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const r of requirements) count.set(r.title, (count.get(r.title) ?? 0) + 1);
  return new Map(requirements.map((r) => [r.code, (count.get(r.title) ?? 0) > 1 && r.groupName ? `${r.title} — ${r.groupName}` : r.title]));
}

/** The two kinds of Circular 12/2022 Art. 9.2 (= Decree 331 Art. 30.2), with the article listing their groups. */
export const KIND_HEADINGS: Readonly<Record<RequirementKind, { label: string; basis: string }>> = {
  MANAGEMENT: { label: 'Yêu cầu quản lý', basis: 'khoản 3 Điều 9 Thông tư 12/2022/TT-BTTTT; khoản 3 Điều 30 Nghị định 331/2026/NĐ-CP' },
  TECHNICAL: { label: 'Yêu cầu kỹ thuật', basis: 'khoản 4 Điều 9 Thông tư 12/2022/TT-BTTTT; khoản 4 Điều 30 Nghị định 331/2026/NĐ-CP' },
};

/** Where in the appendix a technical item sits, in small print beside its code. */
export const PART_LABELS: Readonly<Record<RequirementPart, string>> = {
  DESIGN_ZONES: 'Thiết kế — vùng mạng tối thiểu',
  DESIGN_SOLUTIONS: 'Thiết kế — phương án',
  CONFIGURATION: 'Thiết lập, cấu hình',
};
