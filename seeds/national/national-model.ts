import { DEMO_PDF, DEMO_PLAN_TEXT } from '../demo-activity';
import { createHash } from 'node:crypto';
import { DossierAttachment } from '../../src/dossiers/dossier-attachment.entity';
import { mapDossier } from '../../src/dossiers/dossier.mapper';
import { Dossier } from '../../src/dossiers/dossier.entity';
import { PlanEntry } from '../../src/dossiers/dossier-plan';
import { listRequirements } from '../../src/requirements/catalogues/catalogue-registry';
import { canonicalJson } from '../../src/workflow/revision-hash';
import {
  Accounts,
  AgencyRow,
  buildAccounts,
  buildAgencies,
  buildRoutingRules,
  ProvinceBodies,
  RoutingRuleRow,
  UserRow,
} from './national-agencies';
import { AttachmentRow, chainLengths, DATASET_TODAY, DossierRow, DossierSimulator, engagement } from './national-dossiers';
import { NationalRandom } from './national-random';
import { buildSystems, dayOf, SystemRow } from './national-systems';

/** Sizes at scale 1 (issue 9): 34 provinces, 4,000 bodies, 60,000 systems, 120,000 dossiers, 1,000,000 audit rows. */
export const NATIONAL_SIZES = { bodies: 4_000, systems: 60_000, dossiers: 120_000, auditRows: 1_000_000 } as const;

export interface NationalOptions {
  /** 1 = the sizes above; smaller for a quick run (bodies stay at 4,000). */
  scale: number;
  seed: number;
}

export interface SystemEdit {
  system: SystemRow;
  at: number;
  actor: UserRow;
  fromVersion: number;
}

export interface NationalModel {
  options: NationalOptions;
  provinces: ProvinceBodies[];
  agencies: AgencyRow[];
  agencyById: Map<string, AgencyRow>;
  rules: RoutingRuleRow[];
  accounts: Accounts;
  systems: SystemRow[];
  dossiers: DossierRow[];
  approvals: DossierSimulator['approvals'];
  /** Ordinary edits of systems, which make up the rest of the audit trail. */
  systemEdits: SystemEdit[];
  auditRows: number;
}

/** The stand-in for every scanned attachment: a minimal valid PDF. */
export const ATTACHMENT_PDF = DEMO_PDF;
export const ATTACHMENT_SHA256 = createHash('sha256').update(ATTACHMENT_PDF).digest('hex');

const PLAN_TEXT_SENT = DEMO_PLAN_TEXT;
/** The plan sections as first sent (0) and as supplemented after a return (1). */
export const PLAN_TEXT: readonly Record<string, string>[] = [
  PLAN_TEXT_SENT,
  { ...PLAN_TEXT_SENT, a: `${PLAN_TEXT_SENT.a} Bổ sung sơ đồ vùng mạng có địa chỉ IP theo yêu cầu của đơn vị thẩm định.` },
];

/** Builds every row in memory (a few hundred MB at scale 1); the loader streams them to PostgreSQL. */
export function buildNationalModel(options: NationalOptions): NationalModel {
  const random = new NationalRandom(options.seed);
  const provinces = buildAgencies(random, NATIONAL_SIZES.bodies);
  const agencies = provinces.flatMap((p) => [...p.current, ...p.former]);
  // Draws added with the procedure by level (the level-3 rules, the steps of levels 3–5) come from their own generators,
  // so that the main sequence, and with it the bodies, systems and most dossiers, is the one the benchmarks measured.
  const rules = buildRoutingRules(random, provinces, new NationalRandom(options.seed + 2));
  const systems = buildSystems(random, provinces, Math.round(NATIONAL_SIZES.systems * options.scale));
  const engagedFrom = engagement(random, agencies);
  const lengths = chainLengths(
    random,
    systems,
    Math.round(NATIONAL_SIZES.dossiers * options.scale),
    (s) => engagedFrom.get(s.ownerId) != null,
  );
  const preparers = new Set(systems.filter((_, i) => lengths[i] > 0).map((s) => s.ownerId));
  const accounts = buildAccounts(random, provinces, preparers);
  const agencyById = new Map(agencies.map((a) => [a.id, a]));
  const simulator = new DossierSimulator(
    random,
    {
      provinces: new Map(provinces.map((p) => [p.code, p])),
      agencies: agencyById,
      rules,
      accounts,
    },
    new NationalRandom(options.seed + 3),
  );
  const dossiers = systems.flatMap((s, i) => simulator.chain(s, lengths[i], engagedFrom.get(s.ownerId) ?? null));
  recordPriorApprovals(random, systems, provinces);
  for (const approval of [...simulator.approvals].sort((a, b) => a.at - b.at)) {
    const s = approval.system;
    const decision = approval.dossier.decision!;
    Object.assign(s, {
      approvedLevel: decision.level,
      decisionNumber: decision.number,
      decisionDate: decision.date,
      decisionIssuer: decision.issuer,
    });
    s.version++;
    s.updatedAt = Math.max(s.updatedAt, approval.at);
  }

  const auditTarget = Math.round(NATIONAL_SIZES.auditRows * options.scale);
  const baseAudit =
    systems.length +
    provinces.reduce((n, p) => n + p.former.length, 0) +
    dossiers.reduce((n, d) => n + 1 + d.edits.length + d.attachments.length + d.events.length + (d.independenceRecordedAt ? 1 : 0), 0) +
    simulator.approvals.length;
  const systemEdits: SystemEdit[] = [];
  const today = Date.parse(`${DATASET_TODAY}T09:00:00Z`);
  for (let i = baseAudit; i < auditTarget; i++) {
    const system = systems[random.int(0, systems.length - 1)];
    const when = system.createdAt + Math.floor(random.float() * (today - system.createdAt));
    const actor = accounts.officers.get(system.ownerId) ?? accounts.admin;
    systemEdits.push({ system, at: when, actor, fromVersion: 0 });
  }
  systemEdits.sort((a, b) => a.at - b.at);
  for (const edit of systemEdits) {
    edit.fromVersion = edit.system.version;
    edit.system.version++;
    edit.system.updatedAt = Math.max(edit.system.updatedAt, edit.at);
  }
  return {
    options,
    provinces,
    agencies,
    agencyById,
    rules,
    accounts,
    systems,
    dossiers,
    approvals: simulator.approvals,
    systemEdits,
    auditRows: baseAudit + systemEdits.length,
  };
}

/** Approval decisions issued before capdo, recorded on the system (as the XLSX import does). */
function recordPriorApprovals(random: NationalRandom, systems: SystemRow[], provinces: ProvinceBodies[]): void {
  const committees = new Map(provinces.map((p) => [p.code, p.committee.name]));
  let n = 0;
  for (const s of systems) {
    if (s.lifecycle !== 'IN_OPERATION' || s.infoTypes.includes('STATE_SECRET') || !random.chance(0.2)) continue;
    n++;
    Object.assign(s, {
      approvedLevel: random.pick([1, 2, 2, 2, 3]),
      decisionNumber: `${n}/QĐ-UBND`,
      decisionDate: `${random.int(2019, 2024)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
      decisionIssuer: committees.get(s.provinceCode)!,
      regulationNumber: s.regulationNumber ?? `01/QC-${s.code.slice(0, 8)}`,
      regulationDate: s.regulationDate ?? '2019-05-15',
    });
  }
}

const planCache = new Map<string, Record<string, PlanEntry>>();

/** A dossier's answers per requirement: every fifth one planned for a later date, the others implemented. */
export function planEntries(d: DossierRow): Record<string, PlanEntry> {
  const key = `${d.catalogueId}:${d.proposedLevel}:${d.plannedDate}`;
  let entries = planCache.get(key);
  if (!entries) {
    entries = Object.fromEntries(
      listRequirements(d.proposedLevel, d.catalogueId).map((r, i): [string, PlanEntry] =>
        i % 5 === 4
          ? [r.code, { status: 'PLANNED', plannedDate: d.plannedDate, description: 'Đưa vào kế hoạch năm sau, đã bố trí kinh phí.' }]
          : [r.code, { status: 'IMPLEMENTED', description: 'Đã triển khai, có biên bản nghiệm thu.' }],
      ),
    );
    planCache.set(key, entries);
  }
  return entries;
}

const NO_SECTIONS: Record<string, string> = {};

export function planSections(d: DossierRow, variant = d.sectionsVariant): Record<string, string> {
  return d.status === 'DRAFT' && d.edits.length === 0 ? NO_SECTIONS : PLAN_TEXT[variant];
}

export function dossierDescription(d: DossierRow): object {
  return {
    overview: d.system.description,
    scope: d.system.scope,
    servedPopulation: d.system.servedPopulation,
    architecture: null,
    components: [],
  };
}

export function attachmentEntity(d: DossierRow, a: AttachmentRow): DossierAttachment {
  return {
    id: a.id,
    dossierId: d.id,
    kind: a.kind,
    fileName: a.fileName,
    mediaType: 'application/pdf',
    sizeBytes: ATTACHMENT_PDF.length,
    sha256: ATTACHMENT_SHA256,
    content: ATTACHMENT_PDF,
    uploadedBy: a.by.id,
    uploadedAt: new Date(a.at),
  };
}

const PLAN_TOKEN = '__capdo_plan__';
const canonicalPlans = new Map<string, string>();

/**
 * The frozen content of a submitted revision, exactly as DossierWorkflowService.freezeRevision builds it: the
 * dossier as the API shows it, less its workflow state, and the SHA-256 of its canonical JSON. The plan (the
 * catalogue's requirements with the answers, most of the bytes) is the same for every dossier of a level,
 * catalogue and planned date, so its canonical JSON is computed once and spliced in.
 */
export function revisionContent(
  model: NationalModel,
  d: DossierRow,
  revision: DossierRow['revisions'][number],
): { json: string; sha256: string } {
  const entity = {
    id: d.id,
    systemId: d.system.id,
    ownerAgencyId: d.ownerId,
    operatorAgencyId: d.operatorId,
    provinceCode: d.provinceCode,
    status: 'SUBMITTED',
    regime: d.regime,
    rulebookVersion: d.rulebookVersion,
    catalogueId: d.catalogueId,
    transitionalProject: false,
    classification: d.classification,
    computedLevel: d.computedLevel,
    levelUndetermined: d.undetermined,
    proposedLevel: d.proposedLevel,
    levelJustification: d.justification,
    designKind: d.designKind,
    description: dossierDescription(d),
    planSections: PLAN_TEXT[revision.sectionsVariant],
    planEntries: planEntries(d),
    expertOpinion: d.expertOpinion,
    createdAt: new Date(d.createdAt),
    updatedAt: new Date(revision.at),
    version: 0,
  } as unknown as Dossier;
  const agency = (id: string) => {
    const a = model.agencyById.get(id)!;
    return { id: a.id, code: a.code, name: a.name };
  };
  const refs = {
    system: { id: d.system.id, code: d.system.code, name: d.system.name },
    owner: agency(d.ownerId),
    operator: agency(d.operatorId),
  };
  const attachments = revision.attachments.map((a) => attachmentEntity(d, a));
  const key = `${d.catalogueId}:${d.proposedLevel}:${d.plannedDate}`;
  let plan = canonicalPlans.get(key);
  if (plan === undefined) {
    plan = canonicalJson(mapDossier(entity, refs, listRequirements(d.proposedLevel, d.catalogueId), [], dayOf(revision.at)).plan);
    canonicalPlans.set(key, plan);
  }
  const dto = mapDossier(entity, refs, [], attachments, dayOf(revision.at));
  const { workflow: _w, version: _v, updatedAt: _u, status: _s, statusLabel: _l, ...content } = dto;
  const canonical = canonicalJson({ ...content, plan: PLAN_TOKEN }).replace(`"${PLAN_TOKEN}"`, () => plan!);
  return { json: canonical, sha256: createHash('sha256').update(canonical).digest('hex') };
}
