import { EntityManager } from 'typeorm';
import type { RedeterminationFlagDto } from './dto/redetermination.dto';
import { FlagSource, FlagStatus, RISK_EVENT_LABELS, RiskEvent, SOURCE_LABELS, STATUS_LABELS } from './redetermination-rules';

/** The one read of `redetermination_flags` with its system and the users who acted (feature-owned table). */
export const FLAG_COLUMNS = `f.id, f.system_id, f.source, f.risk_event, f.approved_level, f.computed_level, f.level_is_floor, f.regime,
  f.articles, f.reasons, f.note, f.status, f.raised_at, f.resolved_at, f.resolution_note, f.cleared_by_dossier_id, f.version,
  s.code AS system_code, s.name AS system_name, s.province_code, o.name AS owner_name,
  ru.username AS raised_by_username, vu.username AS resolved_by_username`;

export const FLAG_FROM = `redetermination_flags f
  JOIN systems s ON s.id = f.system_id
  JOIN agencies o ON o.id = s.owner_agency_id
  LEFT JOIN users ru ON ru.id = f.raised_by
  LEFT JOIN users vu ON vu.id = f.resolved_by`;

export interface FlagRow {
  id: string;
  system_id: string;
  source: FlagSource;
  risk_event: RiskEvent | null;
  approved_level: number;
  computed_level: number | null;
  level_is_floor: boolean;
  regime: string;
  articles: string[];
  reasons: string[];
  note: string | null;
  status: FlagStatus;
  raised_at: Date;
  resolved_at: Date | null;
  resolution_note: string | null;
  cleared_by_dossier_id: string | null;
  version: number;
  system_code: string;
  system_name: string;
  province_code: string;
  owner_name: string;
  raised_by_username: string | null;
  resolved_by_username: string | null;
}

export async function flagById(em: EntityManager, id: string): Promise<FlagRow | undefined> {
  const [row]: FlagRow[] = await em.query(`SELECT ${FLAG_COLUMNS} FROM ${FLAG_FROM} WHERE f.id = $1`, [id]);
  return row;
}

export async function flagsOfSystem(em: EntityManager, systemId: string): Promise<FlagRow[]> {
  return em.query(`SELECT ${FLAG_COLUMNS} FROM ${FLAG_FROM} WHERE f.system_id = $1 ORDER BY (f.status = 'OPEN') DESC, f.raised_at DESC`, [
    systemId,
  ]);
}

export function mapFlag(row: FlagRow): RedeterminationFlagDto {
  return {
    id: row.id,
    system: {
      id: row.system_id,
      code: row.system_code,
      name: row.system_name,
      ownerName: row.owner_name,
      provinceCode: row.province_code,
    },
    source: row.source,
    sourceLabel: SOURCE_LABELS[row.source],
    riskEvent: row.risk_event,
    riskEventLabel: row.risk_event ? RISK_EVENT_LABELS[row.risk_event] : null,
    approvedLevel: Number(row.approved_level),
    computedLevel: row.computed_level === null ? null : Number(row.computed_level),
    levelIsFloor: row.level_is_floor,
    regime: row.regime,
    articles: row.articles,
    reasons: row.reasons,
    note: row.note,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    raisedAt: new Date(row.raised_at).toISOString(),
    raisedBy: row.raised_by_username,
    resolvedAt: row.resolved_at ? new Date(row.resolved_at).toISOString() : null,
    resolvedBy: row.resolved_by_username,
    resolutionNote: row.resolution_note,
    clearedByDossierId: row.cleared_by_dossier_id,
    version: row.version,
  };
}
