import { Client } from 'pg';
import { hashPassword } from '../../src/auth/password';
import { foldDiacritics } from '../../src/common/text/vietnamese';
import { mapAttachment } from '../../src/dossiers/dossier.mapper';
import { copyRows, textArray, timestamp } from './copy-rows';
import { DISTRICTS_ENDED, STRUCTURE_FROM } from './national-agencies';
import { afterApprovalData, AfterApprovalData, INSPECTION_COLUMNS, PLAN_ITEM_COLUMNS } from './national-after-approval';
import { DossierRow } from './national-dossiers';
import {
  attachmentEntity,
  ATTACHMENT_PDF,
  ATTACHMENT_SHA256,
  buildNationalModel,
  dossierDescription,
  NationalModel,
  NationalOptions,
  planEntries,
  planSections,
  revisionContent,
} from './national-model';
import { NationalRandom } from './national-random';
import { SystemRow, systemSearchText } from './national-systems';

export interface LoadReport {
  options: NationalOptions;
  /** Rows per table, as loaded. */
  rows: Record<string, number>;
  /** Seconds: building the model in memory, COPY of all tables, VACUUM ANALYZE. */
  seconds: { model: number; copy: number; vacuum: number; total: number };
  databaseBytes: number;
  /** Set by the benchmark when it reused a dataset loaded by an earlier run. */
  reused?: boolean;
}

/** Password of every account of the national dataset (one argon2id hash, computed once). */
export const NATIONAL_PASSWORD = 'bench1234';

/**
 * Loads the national dataset into a migrated, empty database: every table with COPY FROM STDIN, in foreign-key
 * order, through the triggers (agency_versions is filled by the agencies trigger; audit_log and
 * dossier_revisions are only ever inserted into), then VACUUM ANALYZE so that plans and visibility are those of a
 * settled production database.
 */
export async function loadNationalDataset(
  url: string,
  options: NationalOptions,
  log: (message: string) => void = () => undefined,
): Promise<LoadReport> {
  const started = Date.now();
  const model = buildNationalModel(options);
  const modelSeconds = (Date.now() - started) / 1000;
  log(
    `Mô hình dữ liệu: ${model.systems.length} hệ thống, ${model.dossiers.length} hồ sơ, ${model.auditRows} dòng nhật ký (${modelSeconds.toFixed(1)} s).`,
  );
  const client = new Client({ connectionString: url, application_name: 'capdo-national-seed' });
  await client.connect();
  const rows: Record<string, number> = {};
  try {
    await client.query(`SET synchronous_commit = off`);
    const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM agencies`)).rows;
    if (n > 0) throw new Error('Cơ sở dữ liệu đã có dữ liệu: bộ dữ liệu quốc gia chỉ nạp vào cơ sở dữ liệu trống.');
    const copyStarted = Date.now();
    const hash = await hashPassword(NATIONAL_PASSWORD);
    const extra = new NationalRandom(options.seed + 1);
    const step = async (table: string, columns: string[], data: Iterable<readonly unknown[]>) => {
      const t = Date.now();
      rows[table] = await copyRows(client, table, columns, data);
      log(`  ${table}: ${rows[table]} dòng (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    };
    await step(
      'agencies',
      ['id', 'code', 'name', 'kind', 'parent_id', 'province_code', 'status', 'valid_from', 'valid_to', 'successor_id', 'search_text'],
      agencyRows(model),
    );
    rows.agency_versions = (await client.query(`SELECT count(*)::int AS n FROM agency_versions`)).rows[0].n;
    await step(
      'users',
      ['id', 'username', 'password_hash', 'full_name', 'role', 'agency_id', 'email'],
      model.accounts.users.map((u) => [u.id, u.username, hash, u.fullName, u.role, u.agencyId, u.email]),
    );
    await step(
      'routing_rules',
      [
        'id',
        'name',
        'owner_agency_id',
        'min_level',
        'max_level',
        'appraiser_agency_id',
        'appraiser_external_name',
        'approver_kind',
        'approver_agency_id',
        'specialised_unit_agency_id',
        'approver_designation',
      ],
      model.rules.map((r) => [
        r.id,
        r.name,
        r.ownerAgencyId,
        r.minLevel,
        r.maxLevel,
        r.appraiserAgencyId,
        r.appraiserExternalName,
        r.approverKind,
        r.approverAgencyId,
        r.specialisedUnitAgencyId,
        r.approverDesignation,
      ]),
    );
    await step(
      'agency_reorganisations',
      [
        'id',
        'kind',
        'effective_date',
        'decision_number',
        'decision_date',
        'decision_issuer',
        'successor_agency_id',
        'source_agency_ids',
        'moved_systems',
        'created_by',
      ],
      reorganisationRows(model, extra),
    );
    const campaigns = campaignRows(model, extra);
    await step(
      'campaigns',
      ['id', 'province_code', 'number', 'issued_on', 'issuer', 'title', 'deadline', 'target', 'created_by'],
      campaigns.map((c) => c.row),
    );
    await step(
      'campaign_agencies',
      ['campaign_id', 'agency_id'],
      campaigns.flatMap((c) => c.agencies.map((a) => [c.row[0], a])),
    );
    const afterApproval = afterApprovalData(model, options.seed);
    await step(
      'systems',
      SYSTEM_COLUMNS,
      model.systems.map((sys) => systemRow(sys, afterApproval.deployment)),
    );
    await step(
      'system_custody',
      ['system_id', 'owner_agency_id', 'operator_agency_id', 'valid_from', 'valid_to'],
      custodyRows(model.systems),
    );
    await step('prior_approval_claims', PRIOR_CLAIM_COLUMNS, priorClaimRows(model));
    await step('dossiers', DOSSIER_COLUMNS, dossierRows(model.dossiers));
    await step(
      'dossier_attachments',
      ['id', 'dossier_id', 'kind', 'file_name', 'media_type', 'size_bytes', 'sha256', 'content', 'uploaded_by', 'uploaded_at'],
      attachmentRows(model.dossiers),
    );
    await step(
      'dossier_revisions',
      ['id', 'dossier_id', 'number', 'content', 'sha256', 'submitted_by', 'submitted_at'],
      revisionRows(model, extra),
    );
    await step(
      'dossier_events',
      ['dossier_id', 'action', 'from_status', 'to_status', 'revision', 'actor_id', 'actor_username', 'note', 'details', 'at'],
      eventRows(model.dossiers),
    );
    await step('plan_items', PLAN_ITEM_COLUMNS, afterApproval.planItems);
    await step('inspections', INSPECTION_COLUMNS, afterApproval.inspections);
    await step(
      'audit_log',
      ['at', 'actor_id', 'actor_username', 'action', 'entity_type', 'entity_id', 'before', 'after', 'correlation_id'],
      auditRows(model, extra),
    );
    const copySeconds = (Date.now() - copyStarted) / 1000;
    const vacuumStarted = Date.now();
    await client.query(`SET maintenance_work_mem = '256MB'`);
    await client.query(`VACUUM (ANALYZE)`);
    const vacuumSeconds = (Date.now() - vacuumStarted) / 1000;
    log(`  VACUUM ANALYZE (${vacuumSeconds.toFixed(1)} s)`);
    const databaseBytes = Number((await client.query(`SELECT pg_database_size(current_database()) AS n`)).rows[0].n);
    return {
      options,
      rows,
      seconds: { model: modelSeconds, copy: copySeconds, vacuum: vacuumSeconds, total: (Date.now() - started) / 1000 },
      databaseBytes,
    };
  } finally {
    await client.end();
  }
}

function* agencyRows(model: NationalModel): Generator<unknown[]> {
  // Parents before children; the former districts last (their successors exist by then).
  for (const p of model.provinces) for (const a of p.current) if (!a.parentId) yield agencyRow(a);
  for (const p of model.provinces) for (const a of p.current) if (a.parentId) yield agencyRow(a);
  for (const p of model.provinces) for (const a of p.former) yield agencyRow(a);
}

function agencyRow(a: NationalModel['agencies'][number]): unknown[] {
  return [
    a.id,
    a.code,
    a.name,
    a.kind,
    a.parentId,
    a.provinceCode,
    a.status,
    a.validFrom,
    a.validTo,
    a.successorId,
    foldDiacritics(a.name),
  ];
}

function reorganisationRows(model: NationalModel, random: NationalRandom): unknown[][] {
  return model.provinces.flatMap((p) =>
    p.former.map((f) => [
      random.uuid(),
      'MERGE',
      STRUCTURE_FROM,
      '1681/NQ-UBTVQH15',
      '2025-06-16',
      'Ủy ban Thường vụ Quốc hội',
      f.successorId,
      textArray([f.id]),
      model.systems.filter((s) => s.custody.length > 1 && s.custody[0].ownerId === f.id).length,
      model.accounts.admin.id,
    ]),
  );
}

function campaignRows(model: NationalModel, random: NationalRandom): { row: unknown[]; agencies: string[] }[] {
  return model.provinces.map((p, i) => {
    const sonLa = p.code === 'SL';
    return {
      row: [
        random.uuid(),
        p.code,
        sonLa ? '256/UBND-NC' : `${120 + i}/UBND-KGVX`,
        sonLa ? '2026-01-13' : '2026-03-02',
        p.committee.name,
        sonLa
          ? 'V/v tăng cường bảo đảm an toàn hệ thống thông tin theo cấp độ'
          : 'V/v hoàn thành phê duyệt cấp độ an toàn hệ thống thông tin trong năm 2026',
        sonLa ? '2026-02-15' : '2026-12-31',
        sonLa ? 'SUBMITTED' : 'APPROVED',
        model.accounts.admin.id,
      ],
      agencies: p.current.map((a) => a.id),
    };
  });
}

const SYSTEM_COLUMNS = [
  'id',
  'code',
  'name',
  'owner_agency_id',
  'operator_agency_id',
  'province_code',
  'description',
  'scope',
  'served_population',
  'system_type',
  'info_types',
  'lifecycle',
  'go_live_date',
  'hosting',
  'internet_facing',
  'connects_gov_network',
  'user_count',
  'basic_pd_subjects',
  'sensitive_pd_subjects',
  'components',
  'approved_level',
  'approval_decision_number',
  'approval_decision_date',
  'approval_decision_issuer',
  'deployment_status',
  'deployment_expected_on',
  'internal_regulation_number',
  'internal_regulation_date',
  'retired_at',
  'retirement_reason',
  'search_text',
  'version',
  'created_at',
  'updated_at',
];

function systemRow(s: SystemRow, deployment: AfterApprovalData['deployment']): unknown[] {
  const derived = deployment.get(s.id);
  return [
    s.id,
    s.code,
    s.name,
    s.ownerId,
    s.operatorId,
    s.provinceCode,
    s.description,
    s.scope,
    s.servedPopulation,
    s.systemType,
    textArray(s.infoTypes),
    s.lifecycle,
    s.goLiveDate,
    s.hosting,
    s.internetFacing,
    s.connectsGovNetwork,
    s.userCount,
    s.basicPd,
    s.sensitivePd,
    s.components,
    s.approvedLevel,
    s.decisionNumber,
    s.decisionDate,
    s.decisionIssuer,
    derived?.status ?? s.deploymentStatus,
    derived?.expectedOn ?? null,
    s.regulationNumber,
    s.regulationDate,
    s.retiredAt,
    s.retirementReason,
    systemSearchText(s),
    s.version,
    timestamp(s.createdAt),
    timestamp(s.updatedAt),
  ];
}

const PRIOR_CLAIM_COLUMNS = [
  'system_id',
  'level',
  'decision_number',
  'decision_date',
  'issuer',
  'status',
  'origin',
  'confirmed_on_import',
  'claimed_by',
  'claimed_by_username',
  'claimed_at',
  'reviewed_by',
  'reviewed_by_username',
  'reviewed_at',
];

/**
 * A level on record with no approved dossier behind it is a decision made before capdo (recordPriorApprovals): it is on
 * record only because a claim was confirmed (issue 16), here as the administrator's import with confirmPriorApprovals.
 */
function* priorClaimRows(model: ReturnType<typeof buildNationalModel>): Generator<unknown[]> {
  const approved = new Set(model.dossiers.filter((d) => d.approvedAt !== null).map((d) => d.system.id));
  const admin = model.accounts.admin;
  for (const s of model.systems) {
    if (s.approvedLevel === null || approved.has(s.id)) continue;
    const at = timestamp(s.createdAt);
    yield [
      s.id,
      s.approvedLevel,
      s.decisionNumber,
      s.decisionDate,
      s.decisionIssuer,
      'CONFIRMED',
      'IMPORTED',
      true,
      admin.id,
      admin.username,
      at,
      admin.id,
      admin.username,
      at,
    ];
  }
}

function* custodyRows(systems: SystemRow[]): Generator<unknown[]> {
  for (const s of systems) for (const c of s.custody) yield [s.id, c.ownerId, c.operatorId, c.validFrom, c.validTo];
}

const DOSSIER_COLUMNS = [
  'id',
  'system_id',
  'owner_agency_id',
  'operator_agency_id',
  'province_code',
  'status',
  'regime',
  'rulebook_version',
  'catalogue_id',
  'transitional_project',
  'classification',
  'computed_level',
  'level_undetermined',
  'proposed_level',
  'level_justification',
  'design_kind',
  'description',
  'plan_sections',
  'plan_entries',
  'expert_opinion',
  'created_by',
  'version',
  'created_at',
  'updated_at',
  'current_revision',
  'routing_rule_id',
  'appraiser_agency_id',
  'appraiser_name',
  'approver_kind',
  'approver_agency_id',
  'approver_name',
  'first_submitted_at',
  'submitted_at',
  'received_on',
  'clock_started_on',
  'due_on',
  'due_kind',
  'return_items',
  'appraisal',
  'decision',
  'approved_at',
  'specialised_unit_agency_id',
  'specialised_unit_name',
  'opinion_request',
  'approval_request',
  'plan_decision',
  'national_listing',
  'independent_appraiser',
];

/** JSON text of objects many rows share (plan answers, plan sections, facts, rule results), serialised once. */
function sharedJson(): (value: object) => string {
  const cache = new WeakMap<object, string>();
  return (value) => {
    let json = cache.get(value);
    if (json === undefined) cache.set(value, (json = JSON.stringify(value)));
    return json;
  };
}

function* dossierRows(dossiers: DossierRow[]): Generator<unknown[]> {
  const json = sharedJson();
  for (const d of dossiers) {
    const drafted = d.edits.length > 0;
    const { asOf, facts, result } = d.classification;
    const classification = `{"asOf":${JSON.stringify(asOf)},"facts":${json(facts)},"result":${json(result)}}`;
    yield [
      d.id,
      d.system.id,
      d.ownerId,
      d.operatorId,
      d.provinceCode,
      d.status,
      d.regime,
      d.rulebookVersion,
      d.catalogueId,
      false,
      classification,
      d.computedLevel,
      d.undetermined,
      d.proposedLevel,
      d.justification,
      d.designKind,
      dossierDescription(d),
      json(planSections(d)),
      drafted ? json(planEntries(d)) : '{}',
      d.expertOpinion,
      d.createdBy.id,
      d.version,
      timestamp(d.createdAt),
      timestamp(d.updatedAt),
      d.currentRevision,
      d.routingRuleId,
      d.appraiserAgencyId,
      d.appraiserName,
      d.approverKind,
      d.approverAgencyId,
      d.approverName,
      timestamp(d.firstSubmittedAt),
      timestamp(d.submittedAt),
      d.receivedOn,
      d.clockStartedOn,
      d.dueOn,
      d.dueKind,
      d.returnItems,
      d.appraisal,
      d.decision,
      timestamp(d.approvedAt),
      d.specialisedUnitAgencyId,
      d.specialisedUnitName,
      d.opinionRequest,
      d.approvalRequest,
      d.planDecision,
      d.nationalListing,
      d.independentAppraiser,
    ];
  }
}

function* attachmentRows(dossiers: DossierRow[]): Generator<unknown[]> {
  for (const d of dossiers) {
    for (const a of [...d.attachments, ...d.decisionFiles])
      yield [
        a.id,
        d.id,
        a.kind,
        a.fileName,
        'application/pdf',
        ATTACHMENT_PDF.length,
        ATTACHMENT_SHA256,
        ATTACHMENT_PDF,
        a.by.id,
        timestamp(a.at),
      ];
  }
}

function* revisionRows(model: NationalModel, random: NationalRandom): Generator<unknown[]> {
  for (const d of model.dossiers) {
    for (const r of d.revisions) {
      const { json, sha256 } = revisionContent(model, d, r);
      yield [random.uuid(), d.id, r.number, json, sha256, r.by.id, timestamp(r.at)];
    }
  }
}

function* eventRows(dossiers: DossierRow[]): Generator<unknown[]> {
  for (const d of dossiers)
    for (const e of d.events)
      yield [d.id, e.action, e.from, e.to, e.revision, e.actor.id, e.actor.username, e.note, e.details, timestamp(e.at)];
}

/**
 * The audit trail the application would have written for all of the above (each write through the API, with its
 * correlation id), plus ordinary system edits up to the dataset's size. Rows are in generation order, not by time.
 */
function* auditRows(model: NationalModel, random: NationalRandom): Generator<unknown[]> {
  const row = (
    at: number,
    actor: { id: string; username: string } | null,
    action: string,
    entityType: string,
    entityId: string,
    before: object | null,
    after: object | null,
  ) => [timestamp(at), actor?.id ?? null, actor?.username ?? null, action, entityType, entityId, before, after, random.uuid()];
  const admin = model.accounts.admin;
  const ref = (id: string) => {
    const a = model.agencyById.get(id)!;
    return { id: a.id, code: a.code, name: a.name };
  };
  for (const p of model.provinces) {
    for (const f of p.former) {
      yield row(
        Date.parse(`${STRUCTURE_FROM}T01:00:00Z`),
        admin,
        'MERGE',
        'agency',
        f.id,
        { id: f.id, code: f.code, status: 'ACTIVE', valid_to: null },
        { id: f.id, code: f.code, status: 'MERGED', valid_to: DISTRICTS_ENDED, successor_id: f.successorId },
      );
    }
  }
  for (const s of model.systems) {
    const actor = model.accounts.officers.get(s.ownerId) ?? admin;
    yield row(s.createdAt, actor, 'CREATE', 'system', s.id, null, {
      id: s.id,
      code: s.code,
      name: s.name,
      owner: ref(s.ownerId),
      operator: ref(s.operatorId),
      systemType: s.systemType,
      infoTypes: s.infoTypes,
      lifecycle: s.lifecycle,
      goLiveDate: s.goLiveDate,
      hosting: s.hosting,
      userCount: s.userCount,
      deploymentStatus: s.deploymentStatus,
      version: 1,
    });
  }
  for (const d of model.dossiers) {
    const summary = (version: number, status = 'DRAFT') => ({
      systemId: d.system.id,
      status,
      regime: d.regime,
      computedLevel: d.computedLevel,
      proposedLevel: d.proposedLevel,
      version,
    });
    yield row(d.createdAt, d.createdBy, 'CREATE', 'dossier', d.id, null, summary(1));
    for (const a of d.attachments) yield row(a.at, a.by, 'ATTACH', 'dossier', d.id, null, mapAttachment(attachmentEntity(d, a)));
    for (const e of d.edits)
      yield row(e.at, e.by, 'UPDATE', 'dossier', d.id, summary(e.fromVersion), { ...summary(e.fromVersion + 1), changed: e.changed });
    // The owner's independent council (IndependentAppraiserService.record), by the administrator.
    if (d.independenceRecordedAt !== null)
      yield row(
        d.independenceRecordedAt,
        admin,
        'DOSSIER_INDEPENDENT_APPRAISER',
        'dossier',
        d.id,
        { independentAppraiser: null },
        { independentAppraiser: d.independentAppraiser },
      );
    for (const e of d.events) {
      yield row(
        e.at,
        e.actor,
        `DOSSIER_${e.action.toUpperCase().replace('-', '_')}`,
        'dossier',
        d.id,
        { status: e.from },
        { status: e.to, revision: e.revision ?? 0, ...e.details },
      );
    }
  }
  for (const a of model.approvals) {
    const decision = a.dossier.decision!;
    yield row(a.at, a.actor, 'APPROVED_LEVEL', 'system', a.system.id, null, {
      approvedLevel: decision.level,
      decisionNumber: decision.number,
      dossierId: a.dossier.id,
    });
  }
  for (const e of model.systemEdits) {
    yield row(
      e.at,
      e.actor,
      'UPDATE',
      'system',
      e.system.id,
      { version: e.fromVersion, userCount: e.system.userCount },
      { version: e.fromVersion + 1, userCount: e.system.userCount, changed: ['userCount', 'deploymentStatus'] },
    );
  }
}
