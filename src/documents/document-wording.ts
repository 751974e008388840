/**
 * The wording an official form takes from its date, its regime and its issuing body (docs/legal/forms-wording.md).
 * Pure: the documents service passes the facts in; each rule is one constant or one function, easy to change.
 */

/**
 * Law 116/2025/QH15 Art. 44: in force from 01/07/2026, and from that day the Law on Network Information Security
 * (86/2015/QH13) is no longer. A form cites the law in force on its own date (Law 64/2025 Art. 58: a document governs
 * the acts done while it is in force), whatever decree the dossier is filed under.
 */
export const LAW_116_IN_FORCE = '2026-07-01';
export const LAW_116 = 'Luật An ninh mạng số 116/2025/QH15';
export const LAW_86 = 'Luật An toàn thông tin mạng ngày 19 tháng 11 năm 2015';

export function lawBasisOn(date: string): string {
  return date >= LAW_116_IN_FORCE ? LAW_116 : LAW_86;
}

export type FormRegime = 'ND85' | 'ND331';

/**
 * Per regime, what Mẫu 06 names: the national technical regulation the plan conforms to besides the dossier's
 * standard (none is confirmed for either regime: a dotted gap for the clerk), and the article setting the operating
 * unit's duties (Decree 85 Art. 22; Decree 331 Art. 33, which the annex cites as "Điều 33 Nghị định này").
 */
export const REGIME_WORDING: Record<FormRegime, { regulation: string | null; operatorDuties: string }> = {
  ND85: { regulation: null, operatorDuties: 'Điều 22 Nghị định số 85/2016/NĐ-CP' },
  ND331: { regulation: null, operatorDuties: 'Điều 33 Nghị định số 331/2026/NĐ-CP' },
};

/** An issuing body as the place and the authority line need it. */
export interface IssuerUnit {
  name: string;
  kind: string;
  /** The body above it, when that one is a commune or ward (a commune's office, its police). */
  parent?: { name: string; kind: string } | null;
}

const LOCAL_UNITS = ['ward', 'commune'];
const UNIT_PREFIX = /^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân)\s+/i;
const UNIT_KIND = /^(xã|phường|thị trấn|đặc khu)\s+/i;

/**
 * Decree 30/2020 Annex I, Part I, II.4.a: a local body's documents carry the official name of the administrative unit
 * where it sits. A commune or a ward (or a body under one) names the commune or ward ("Quỳnh Nhai" for UBND xã Quỳnh
 * Nhai); a unit named by a number keeps its kind ("Phường 12"). Every other body of the province names the province.
 */
export function placeOf(issuer: IssuerUnit | null | undefined, provincePlace: string): string {
  const unit =
    issuer && LOCAL_UNITS.includes(issuer.kind)
      ? issuer
      : issuer?.parent && LOCAL_UNITS.includes(issuer.parent.kind)
        ? issuer.parent
        : null;
  if (!unit) return provincePlace;
  const name = unit.name.replace(UNIT_PREFIX, '').trim();
  const bare = name.replace(UNIT_KIND, '').trim();
  if (!bare) return provincePlace;
  // "Phường 12", "Xã 3": a name made of a number keeps its kind (Annex I, Part I, II.4.a, second paragraph).
  return /^\d/.test(bare) ? name.charAt(0).toLocaleUpperCase('vi') + name.slice(1) : bare;
}

/** The province's place name from its committee's name: "UBND tỉnh Sơn La" → "Sơn La". */
export function provincePlaceOf(committeeName: string | undefined, fallback: string): string {
  return (committeeName ?? '').replace(/^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+(tỉnh|thành phố)\s+/i, '').trim() || fallback;
}

/**
 * The authority line of a decision (Mẫu 06, "(THỦ TRƯỞNG CƠ QUAN TỔ CHỨC)"): the head of the issuing body. A
 * People's Committee's is its Chairman; a department's or the provincial police's, its Director; any other body's,
 * its head ("Thủ trưởng").
 */
const HEAD_BY_KIND: Record<string, string> = {
  province_committee: 'Chủ tịch',
  ward: 'Chủ tịch',
  commune: 'Chủ tịch',
  department: 'Giám đốc',
  police: 'Giám đốc',
};

export function authorityLineOf(issuer: { name: string; kind?: string | null }): string {
  const name = issuer.name.replace(/^UBND\s+/, 'Ủy ban nhân dân ');
  return `${HEAD_BY_KIND[issuer.kind ?? ''] ?? 'Thủ trưởng'} ${name}`;
}
