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
