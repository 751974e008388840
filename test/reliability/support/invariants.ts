import { Client } from 'pg';
import { meetsNationalSecurityCriteria } from '../../../src/classification/rules/national-security';
import { procedurePath } from '../../../src/dossiers/dossier-path';
import { DossierStatus } from '../../../src/dossiers/dossier-status';
import { ActorRole, decideTransition, DOSSIER_ACTIONS, DossierAction } from '../../../src/workflow/dossier-transitions';
import { AcknowledgedWrite } from './http-ledger';

export interface InvariantReport {
  acknowledgedChecked: number;
  /** Acknowledged writes whose audit row, entity row or reported state is not in the database. Must be 0. */
  lost: string[];
  /** Dossiers whose history, audit trail, revisions or version disagree with their current state. */
  inconsistent: string[];
  /** Entities whose version went down since the previous round. */
  regressions: string[];
  dossiersChecked: number;
  eventsReplayed: number;
}

const ALL_ROLES: ActorRole[] = ['PREPARER', 'SPECIALIST', 'APPRAISER', 'APPROVER', 'OWNER', 'REGISTRAR', 'SYSTEM'];

interface EventRow {
  dossier_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  revision: number | null;
  details: Record<string, any> | null;
}

/**
 * The database after a crash must hold every acknowledged write, and every dossier's state must be explained by its
 * history: replaying its events through the transition table from DRAFT leads to its current status, one audit row
 * per event, one revision per submission, and a version that counts its changes.
 */
export async function checkInvariants(
  url: string,
  acknowledged: readonly AcknowledgedWrite[],
  previousVersions: Map<string, number>,
): Promise<InvariantReport> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    // One snapshot for every query, so the check may run while the load goes on: the acknowledgements passed in
    // were all received before it was taken, so their commits are in it.
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const report: InvariantReport = {
      acknowledgedChecked: acknowledged.length,
      lost: [],
      inconsistent: [],
      regressions: [],
      dossiersChecked: 0,
      eventsReplayed: 0,
    };
    await checkAcknowledged(db, acknowledged, report);
    await checkDossiers(db, report);
    await checkSystems(db, report);
    await checkAgencies(db, report);
    await checkVersionsDidNotGoBack(db, previousVersions, report);
    await db.query('COMMIT');
    return report;
  } finally {
    await db.end();
  }
}

async function checkAcknowledged(db: Client, acknowledged: readonly AcknowledgedWrite[], report: InvariantReport): Promise<void> {
  const audits = new Map<string, { entity_type: string; entity_id: string; action: string; after: any }[]>();
  const ids = acknowledged.map((a) => a.correlationId);
  for (let i = 0; i < ids.length; i += 5000) {
    const { rows } = await db.query(
      `SELECT correlation_id, entity_type, entity_id, action, after FROM audit_log WHERE correlation_id = ANY($1)`,
      [ids.slice(i, i + 5000)],
    );
    for (const row of rows) audits.set(row.correlation_id, [...(audits.get(row.correlation_id) ?? []), row]);
  }
  const versions = new Map<string, { version: number; status?: string }>();
  for (const table of ['systems', 'dossiers', 'agencies'] as const) {
    const { rows } = await db.query(`SELECT id, version${table === 'dossiers' ? ', status' : ''} FROM ${table}`);
    for (const row of rows) versions.set(`${singular(table)}:${row.id}`, { version: row.version, status: row.status });
  }
  const attachmentIds = new Set<string>((await db.query(`SELECT id FROM dossier_attachments`)).rows.map((r) => r.id));
  const seenVersions = new Map<string, Set<number>>();

  for (const ack of acknowledged) {
    const label = `${ack.op} ${ack.entityType}:${ack.entityId} (${ack.correlationId})`;
    const rows = (audits.get(ack.correlationId) ?? []).filter((r) => r.entity_type === ack.entityType && r.entity_id === ack.entityId);
    if (rows.length === 0) {
      report.lost.push(`${label}: no audit row`);
      continue;
    }
    const current = versions.get(`${ack.entityType}:${ack.entityId}`);
    if (!current) {
      report.lost.push(`${label}: row missing`);
      continue;
    }
    if (ack.version !== undefined && current.version < ack.version)
      report.lost.push(`${label}: version ${current.version} < acknowledged ${ack.version}`);
    if (ack.attachmentId && !attachmentIds.has(ack.attachmentId)) report.lost.push(`${label}: attachment ${ack.attachmentId} missing`);
    if (ack.op.startsWith('dossier.') && ack.status && !['dossier.create', 'dossier.update', 'dossier.attach'].includes(ack.op)) {
      const action = `DOSSIER_${ack.op.slice('dossier.'.length).toUpperCase().replace('-', '_')}`;
      if (!rows.some((r) => r.action === action && r.after?.status === ack.status))
        report.lost.push(`${label}: no ${action} audit row to ${ack.status}`);
    }
    // Two acknowledged writes of one entity may never report the same version: that would be a lost update.
    if (ack.version !== undefined && ack.op !== 'dossier.attach') {
      const key = `${ack.entityType}:${ack.entityId}`;
      const seen = seenVersions.get(key) ?? new Set<number>();
      if (seen.has(ack.version)) report.lost.push(`${label}: version ${ack.version} acknowledged twice`);
      seen.add(ack.version);
      seenVersions.set(key, seen);
    }
  }
}

async function checkDossiers(db: Client, report: InvariantReport): Promise<void> {
  const dossiers = (
    await db.query(
      `SELECT d.id, d.status, d.version, d.proposed_level, d.regime, d.classification, d.current_revision, d.appraiser_agency_id, d.approver_agency_id, d.system_id,
              (SELECT count(*)::int FROM dossier_revisions r WHERE r.dossier_id = d.id) AS revisions,
              (SELECT coalesce(max(number), 0)::int FROM dossier_revisions r WHERE r.dossier_id = d.id) AS max_revision,
              (SELECT count(*)::int FROM audit_log a WHERE a.entity_type = 'dossier' AND a.entity_id = d.id::text AND a.action LIKE 'DOSSIER\\_%' AND a.action <> 'DOSSIER_INDEPENDENT_APPRAISER') AS transition_audits,
              (SELECT count(*)::int FROM audit_log a WHERE a.entity_type = 'dossier' AND a.entity_id = d.id::text AND a.action IN ('UPDATE', 'DOSSIER_INDEPENDENT_APPRAISER')) AS update_audits,
              (SELECT count(*)::int FROM audit_log a WHERE a.entity_type = 'dossier' AND a.entity_id = d.id::text AND a.action = 'CREATE') AS create_audits
         FROM dossiers d`,
    )
  ).rows;
  const events = new Map<string, EventRow[]>();
  for (const row of (await db.query(`SELECT dossier_id, action, from_status, to_status, revision, details FROM dossier_events ORDER BY id`))
    .rows as EventRow[]) {
    events.set(row.dossier_id, [...(events.get(row.dossier_id) ?? []), row]);
  }
  for (const d of dossiers) {
    report.dossiersChecked++;
    const problems: string[] = [];
    let status: string = 'DRAFT';
    let submissions = 0;
    // The List (ND331 Art. 17, 20.4) changes the procedure from the owner's request on.
    let requested = false;
    const criteria = meetsNationalSecurityCriteria(d.classification.facts);
    for (const e of events.get(d.id) ?? []) {
      report.eventsReplayed++;
      if (!(DOSSIER_ACTIONS as readonly string[]).includes(e.action)) problems.push(`unknown action ${e.action}`);
      if (e.from_status !== status) problems.push(`event ${e.action} from ${e.from_status}, but history was at ${status}`);
      const decision = decideTransition(e.action as DossierAction, {
        status: status as DossierStatus,
        actorRoles: ALL_ROLES,
        proposedLevel: d.proposed_level,
        regime: d.regime,
        path: procedurePath({ proposedLevel: d.proposed_level, regime: d.regime, onNationalList: criteria || requested }),
        listingRequested: requested,
        decisionFile: true,
        requestNumber: e.details?.nationalListing?.requestNumber,
        sameBodyAppraisesAndApproves: !!d.appraiser_agency_id && d.appraiser_agency_id === d.approver_agency_id,
        missingCount: 0,
        routed: true,
        returnItems: e.details?.items ?? [],
        conclusion: e.details?.conclusion ?? e.details?.opinion?.conclusion,
        reasons: e.details?.reasons ?? e.details?.opinion?.reasons ?? [],
        decisionLevel: e.details?.decision?.level,
        internalRegulationIssued: true,
      });
      if (!decision.ok) problems.push(`${e.action} from ${status} is refused by the transition table (${decision.code})`);
      else if (decision.to !== e.to_status)
        problems.push(`${e.action} from ${status} leads to ${decision.to}, history says ${e.to_status}`);
      if (e.action === 'submit' || e.action === 'owner-submit') submissions++;
      if (e.action === 'request-listing') requested = true;
      status = e.to_status;
    }
    const eventCount = events.get(d.id)?.length ?? 0;
    if (status !== d.status) problems.push(`history ends at ${status}, dossier is ${d.status}`);
    if (eventCount !== d.transition_audits) problems.push(`${eventCount} events but ${d.transition_audits} transition audit rows`);
    if (d.create_audits !== 1) problems.push(`${d.create_audits} CREATE audit rows`);
    if (d.version !== 1 + d.update_audits + eventCount)
      problems.push(`version ${d.version} ≠ 1 + ${d.update_audits} updates + ${eventCount} transitions`);
    if (d.current_revision !== submissions || d.revisions !== submissions || d.max_revision !== submissions) {
      problems.push(`current_revision ${d.current_revision}, ${d.revisions} revisions (max ${d.max_revision}), ${submissions} submissions`);
    }
    if (problems.length) report.inconsistent.push(`dossier ${d.id}: ${problems.join('; ')}`);
  }
  const doubleApproved = (await db.query(`SELECT system_id FROM dossiers WHERE status = 'APPROVED' GROUP BY system_id HAVING count(*) > 1`))
    .rows;
  for (const row of doubleApproved) report.inconsistent.push(`system ${row.system_id}: more than one APPROVED dossier`);
  const unapproved = (
    await db.query(
      `SELECT s.id FROM systems s JOIN dossiers d ON d.system_id = s.id AND d.status = 'APPROVED' WHERE s.approved_level IS DISTINCT FROM d.proposed_level`,
    )
  ).rows;
  for (const row of unapproved) report.inconsistent.push(`system ${row.id}: approved level differs from its APPROVED dossier`);
}

/** A system's version counts its audited changes: edits, retirement, and each level on record written by an approval or a confirmed prior-approval claim. */
async function checkSystems(db: Client, report: InvariantReport): Promise<void> {
  const { rows } = await db.query(
    `SELECT s.id, s.version,
            (SELECT count(*)::int FROM audit_log a WHERE a.entity_type = 'system' AND a.entity_id = s.id::text AND a.action IN ('UPDATE', 'RETIRE', 'APPROVED_LEVEL', 'PRIOR_APPROVAL_CONFIRM')) AS changes,
            (SELECT count(*)::int FROM audit_log a WHERE a.entity_type = 'system' AND a.entity_id = s.id::text AND a.action = 'CREATE') AS creates
       FROM systems s`,
  );
  for (const row of rows) {
    if (row.creates !== 1 || row.version !== 1 + row.changes)
      report.inconsistent.push(`system ${row.id}: version ${row.version}, ${row.creates} CREATE and ${row.changes} change audit rows`);
  }
}

/** The name history kept by trigger: exactly one open version per agency, with the agency's current name. */
async function checkAgencies(db: Client, report: InvariantReport): Promise<void> {
  const { rows } = await db.query(
    `SELECT a.id, a.name, count(v.id) FILTER (WHERE v.valid_to IS NULL)::int AS open, max(v.name) FILTER (WHERE v.valid_to IS NULL) AS open_name
       FROM agencies a LEFT JOIN agency_versions v ON v.agency_id = a.id GROUP BY a.id, a.name`,
  );
  for (const row of rows) {
    if (row.open !== 1 || row.open_name !== row.name)
      report.inconsistent.push(`agency ${row.id}: ${row.open} open versions, named ${row.open_name} vs ${row.name}`);
  }
}

async function checkVersionsDidNotGoBack(db: Client, previous: Map<string, number>, report: InvariantReport): Promise<void> {
  for (const table of ['systems', 'dossiers', 'agencies']) {
    for (const row of (await db.query(`SELECT id, version FROM ${table}`)).rows) {
      const key = `${table}:${row.id}`;
      const before = previous.get(key);
      if (before !== undefined && row.version < before) report.regressions.push(`${key}: version ${row.version} after ${before}`);
      previous.set(key, Math.max(before ?? 0, row.version));
    }
  }
}

function singular(table: 'systems' | 'dossiers' | 'agencies'): 'system' | 'dossier' | 'agency' {
  return table === 'systems' ? 'system' : table === 'dossiers' ? 'dossier' : 'agency';
}
