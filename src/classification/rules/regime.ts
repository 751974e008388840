/**
 * Which rulebook applies on a given date. A dossier is judged under the rules in force on its date
 * (LEGAL-BRIEF §0, "Legal timeline"), so both regimes stay available.
 */
import type { Regime, Rulebook } from './classification.types';
import { ND331_RULEBOOK } from './nd331.rulebook';
import { ND85_RULEBOOK } from './nd85.rulebook';

/** Decree 85/2016 Art. 25. */
export const ND85_EFFECTIVE_FROM = '2016-07-01';
/** Last day Decree 85 governs ordinary dossiers. */
export const ND85_LAST_DAY = '2026-08-18';
/** Decree 331/2026 Art. 38. */
export const ND331_EFFECTIVE_FROM = '2026-08-19';
/** Law 116/2025/QH15 Art. 44; also the cut-off of ND331 Art. 39.1 ("trước ngày 01 tháng 7 năm 2026"). */
export const LAW_116_EFFECTIVE_FROM = '2026-07-01';
/**
 * ND331 Art. 39.1: a system being invested in or built before 1/7/2026 finishes appraisal and approval under
 * Decree 85 "trong thời hạn 06 tháng kể từ ngày Luật An ninh mạng … có hiệu lực". Read here as up to and including
 * 31/12/2026. Counting under the Civil Code (Art. 147–148, first day excluded) could give 01/01/2027; change
 * this constant if the Ministry of Public Security says so.
 */
export const TRANSITIONAL_ND85_LAST_DAY = '2026-12-31';
/**
 * ND331 Art. 39.1, second sentence: the same systems meet Decree 331's conditions, standards and protection measures for
 * their level "trong thời hạn 12 tháng kể từ ngày Luật An ninh mạng … có hiệu lực" (Law 116 in force 01/07/2026). Read
 * the same way as the six months above: up to and including 30/06/2027.
 */
export const TRANSITIONAL_COMPLIANCE_DUE_ON = '2027-06-30';

export const RULEBOOKS: Readonly<Record<Regime, Rulebook>> = {
  ND85: ND85_RULEBOOK,
  ND331: ND331_RULEBOOK,
};

export interface RegimeOptions {
  /** ND331 Art. 39.1: the system was being invested in or built before 1/7/2026. */
  transitionalProject?: boolean;
}

/**
 * The regime in force on `asOf` ('YYYY-MM-DD'). Throws RangeError for a malformed or impossible date, or a date
 * before Decree 85 took effect: callers validate dates first, this is the last guard.
 */
export function regimeFor(asOf: string, opts: RegimeOptions = {}): Regime {
  assertIsoDate(asOf);
  if (asOf < ND85_EFFECTIVE_FROM) {
    throw new RangeError(`Ngày ${asOf} trước ngày Nghị định 85/2016/NĐ-CP có hiệu lực (${ND85_EFFECTIVE_FROM}).`);
  }
  // ISO dates compare correctly as strings.
  if (asOf <= ND85_LAST_DAY) return 'ND85';
  if (opts.transitionalProject === true && asOf <= TRANSITIONAL_ND85_LAST_DAY) return 'ND85';
  return 'ND331';
}

/** What a system record says about its investment, as ND331 Art. 39.1 asks (lifecycle values of src/systems/system-enums.ts). */
export interface TransitionalFacts {
  lifecycle: string;
  /** The day the investment or construction (or the upgrade, extension) began; null when not recorded. */
  investmentStartDate: string | null;
  goLiveDate: string | null;
}

/**
 * ND331 Art. 39.1: "hệ thống thông tin đang trong quá trình đầu tư, xây dựng trước ngày 01 tháng 7 năm 2026". Read as:
 * the investment began before 01/07/2026 and the system was not yet in use on that day — still being invested in or built
 * (PLANNED), upgraded or extended (UPGRADING), or gone live on or after 01/07/2026. A system with no start date recorded
 * does not qualify: the carve-out is an exception, the officer records the date to claim it.
 */
export function isTransitionalSystem(facts: TransitionalFacts): boolean {
  const start = facts.investmentStartDate;
  if (!start || !isIsoDate(start) || start >= LAW_116_EFFECTIVE_FROM) return false;
  if (facts.lifecycle === 'PLANNED' || facts.lifecycle === 'UPGRADING') return true;
  return facts.lifecycle === 'IN_OPERATION' && !!facts.goLiveDate && facts.goLiveDate >= LAW_116_EFFECTIVE_FROM;
}

/** ND331 Art. 39.1: the day a transitional system must meet Decree 331's measures for its level; null for other systems. */
export function transitionalComplianceDueOn(facts: TransitionalFacts): string | null {
  return isTransitionalSystem(facts) ? TRANSITIONAL_COMPLIANCE_DUE_ON : null;
}

/** Why an act falls under the regime it does; each reason names its article. */
export type RegimeBasis = 'ND85_IN_FORCE' | 'ND331_IN_FORCE' | 'ND331_ART_39_1_WINDOW' | 'ND331_AFTER_ART_39_1_WINDOW';

export interface RegimeAtAct {
  regime: Regime;
  /** The Art. 39.1 carve-out decided the regime (Decree 85 kept after 19/08/2026). */
  transitional: boolean;
  basis: RegimeBasis;
}

/**
 * The regime of one act (drafting, submission) done on `actDate`, for a system with these facts. Law 64/2025 Art. 58.2:
 * a legal document applies to acts and events that happen while it is in force; so the day of the act decides, not the
 * day the draft was opened. Decree 331 is in force from 19/08/2026 (Art. 38); its Art. 39.1 keeps Decree 85 for the
 * appraisal and approval of transitional systems up to TRANSITIONAL_ND85_LAST_DAY, after which Decree 331 applies.
 */
export function regimeAtAct(actDate: string, system: TransitionalFacts): RegimeAtAct {
  const transitionalSystem = isTransitionalSystem(system);
  const regime = regimeFor(actDate, { transitionalProject: transitionalSystem });
  if (regime === 'ND85') {
    const transitional = actDate >= ND331_EFFECTIVE_FROM;
    return { regime, transitional, basis: transitional ? 'ND331_ART_39_1_WINDOW' : 'ND85_IN_FORCE' };
  }
  return { regime, transitional: false, basis: transitionalSystem ? 'ND331_AFTER_ART_39_1_WINDOW' : 'ND331_IN_FORCE' };
}

/** The basis of a regime decision in words, for the officer (Vietnamese). */
export function regimeBasisText(basis: RegimeBasis): string {
  const day = (iso: string) => iso.split('-').reverse().join('/');
  switch (basis) {
    case 'ND85_IN_FORCE':
      return `Nghị định 85/2016/NĐ-CP áp dụng cho hành vi xảy ra đến hết ngày ${day(ND85_LAST_DAY)}`;
    case 'ND331_IN_FORCE':
      return `Nghị định 331/2026/NĐ-CP có hiệu lực từ ngày ${day(ND331_EFFECTIVE_FROM)} (Điều 38) và áp dụng cho hành vi xảy ra từ ngày đó (Khoản 2 Điều 58 Luật số 64/2025/QH15)`;
    case 'ND331_ART_39_1_WINDOW':
      return `hệ thống đang đầu tư, xây dựng trước ngày ${day(LAW_116_EFFECTIVE_FROM)} được thẩm định, phê duyệt cấp độ theo Nghị định 85/2016/NĐ-CP đến hết ngày ${day(TRANSITIONAL_ND85_LAST_DAY)} (Khoản 1 Điều 39 Nghị định 331/2026/NĐ-CP)`;
    case 'ND331_AFTER_ART_39_1_WINDOW':
      return `thời hạn chuyển tiếp tại Khoản 1 Điều 39 Nghị định 331/2026/NĐ-CP đã hết ngày ${day(TRANSITIONAL_ND85_LAST_DAY)}, hồ sơ theo Nghị định 331/2026/NĐ-CP`;
  }
}

export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function assertIsoDate(value: string): void {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new RangeError(`Ngày không hợp lệ: "${String(value)}" (định dạng YYYY-MM-DD).`);
  }
}
