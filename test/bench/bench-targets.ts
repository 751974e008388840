import { Measurement } from './measure';

/** The measurements' names, as the results and the "before" files of earlier runs hold them. */
export const LOGIN = 'login';
export const DOSSIER = 'dossier (GET /dossiers/:id)';
export const SYSTEMS_PROVINCE = 'systems list, province (leader)';
export const SYSTEMS_NATIONAL = 'systems list, national (admin)';
export const PROVINCE_REPORT = 'approval-rate report, province (leader)';
export const NATIONAL_REPORT = 'approval-rate report, national (admin)';
export const DOSSIER_PDF = 'dossier PDF (thuyet-minh.pdf)';
/** What any request costs on this machine: the health check (one `SELECT 1`), and an authenticated request reading one row. */
export const HEALTH = 'health check (GET /api/health)';
export const SESSION = 'own account (GET /api/v1/auth/me, leader)';
/**
 * The reports for a day not asked before (another day each time: no kept answer can serve it; the server computes it from the
 * timelines it keeps). The names are those of earlier runs' files.
 */
export const COLD_PROVINCE = 'approval-rate report, province, computed every request (leader)';
export const COLD_NATIONAL = 'approval-rate report, national, computed every request (admin)';
/** The reports right after a change of a fact they read, in one province (the next province each time). */
export const AFTER_CHANGE_PROVINCE = 'approval-rate report, province, right after a change in it (leader)';
export const AFTER_CHANGE_NATIONAL = 'approval-rate report, national, right after a change in one province (admin)';
/** The leader's after-approval dashboard (issue 20), a province's leader each time. */
export const AFTER_APPROVAL_PROVINCE = 'after-approval dashboard, province (leader)';

export const ANNUAL_FORMATS = ['json', 'xlsx', 'pdf'] as const;
export type AnnualFormat = (typeof ANNUAL_FORMATS)[number];
/** Mẫu 08, the annual report (GET /reports/annual), for a province by its leader or for the country by the administrator. */
export const annualName = (scope: 'province' | 'national', format: AnnualFormat): string =>
  `Mẫu 08 annual report, ${scope === 'province' ? 'province (leader)' : 'national (admin)'}, ${format.toUpperCase()}`;

export interface Target {
  label: string;
  /** Every limit must hold (ms). */
  limits: { p50?: number; p99?: number };
}

/** Issue 9's targets, and issue 25's for the approval-rate report on a day not asked before, on a 2-core machine. */
export const TARGETS: Record<string, Target> = {
  [SYSTEMS_PROVINCE]: { label: 'p99 ≤ 30 ms', limits: { p99: 30 } },
  [SYSTEMS_NATIONAL]: { label: 'p99 ≤ 30 ms', limits: { p99: 30 } },
  [PROVINCE_REPORT]: { label: 'p50 ≤ 20 ms', limits: { p50: 20 } },
  [NATIONAL_REPORT]: { label: 'p50 ≤ 100 ms', limits: { p50: 100 } },
  [COLD_PROVINCE]: { label: 'p50 ≤ 3 ms', limits: { p50: 3 } },
  [COLD_NATIONAL]: { label: 'p50 ≤ 20 ms, p99 ≤ 40 ms', limits: { p50: 20, p99: 40 } },
  [AFTER_CHANGE_PROVINCE]: { label: 'p50 ≤ 20 ms', limits: { p50: 20 } },
  [AFTER_CHANGE_NATIONAL]: { label: 'p50 ≤ 100 ms', limits: { p50: 100 } },
  [DOSSIER_PDF]: { label: 'p50 ≤ 150 ms', limits: { p50: 150 } },
};

/** "yes", "no", "no (n failed responses)", or "—" when the measurement has no target. */
export function met(m: Measurement | undefined): string {
  if (!m) return '—';
  if (m.failures > 0) return `no (${m.failures} failed responses)`;
  const target = TARGETS[m.name];
  if (!target) return '—';
  const { p50, p99 } = target.limits;
  return (p50 === undefined || m.p50 <= p50) && (p99 === undefined || m.p99 <= p99) ? 'yes' : 'no';
}

export const targetLabel = (name: string): string => TARGETS[name]?.label ?? '—';
