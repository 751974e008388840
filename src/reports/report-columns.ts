/**
 * Which columns of the tables behind the approval-rate report are report facts (see REPORT-FACTS.md beside this file).
 *
 * The report does not read `dossiers`, `systems` or `system_custody` when it runs: it reads `report_body_timeline`,
 * which triggers keep from `report_period_facts`, which triggers keep from those three tables, and its cache trusts `report_fact_writes`, which other triggers fill
 * when a change can move a province's report. A column that feeds the report must therefore be watched by those
 * triggers, or the report goes stale without anyone noticing. `test/report-columns.e2e-spec.ts` fails when a column of
 * these tables is not listed here, when a column listed as feeding the report is not in the triggers, and when the
 * triggers watch a column listed as not a report fact.
 *
 * The other readings of the report (report-readings.query.ts: by sender, by appraiser, by decision date) read some
 * columns listed here as not report facts (operator_agency_id, appraiser_*, decision): they are read on each request
 * and never kept, so no trigger needs to watch them.
 *
 * A new column: say here whether the report reads it. If it does, add it to the triggers in a new migration
 * (ReportFactWrites1764110000000, ReportPeriodFacts1764120000000 and ReportBodyTimeline1764210000000 are landed and
 * never edited).
 */
export type ReportColumnRole = `feeds the report: ${string}` | 'not a report fact';

export type ReportFactTable = 'dossiers' | 'systems' | 'system_custody';

const NOT = 'not a report fact';

export const REPORT_COLUMNS: Record<ReportFactTable, Record<string, ReportColumnRole>> = {
  system_custody: {
    id: 'feeds the report: a custody period is one row of report_period_facts (custody_id)',
    system_id: 'feeds the report: the system held in the period, whose dossiers and state the period carries',
    owner_agency_id: 'feeds the report: the body a period counts for, carried forward through mergers',
    operator_agency_id: NOT,
    valid_from: 'feeds the report: the first day of the period; dossiers first submitted from then on count for its body',
    valid_to: 'feeds the report: the last day of the period (NULL: still held); decides which body holds the system on the day',
  },
  systems: {
    id: 'feeds the report: joins a custody period to its system',
    code: NOT,
    name: NOT,
    // The report counts a system's figures for the owner of its custody period; its pending claims for this owner.
    owner_agency_id: "feeds the report: the body whose pending prior-approval claims count the system's (claimedSystems)",
    operator_agency_id: NOT,
    province_code: 'feeds the report: the province whose kept report a change of the system makes stale (report_fact_writes)',
    description: NOT,
    scope: NOT,
    served_population: NOT,
    system_type: NOT,
    info_types: NOT,
    state_secret: NOT,
    lifecycle: 'feeds the report: PLANNED systems are not counted as operating',
    go_live_date: NOT,
    investment_start_date: NOT,
    transitional_compliance_due_on: NOT,
    hosting: NOT,
    internet_facing: NOT,
    connects_gov_network: NOT,
    architecture_description: NOT,
    user_count: NOT,
    basic_pd_subjects: NOT,
    sensitive_pd_subjects: NOT,
    components: NOT,
    approved_level: 'feeds the report: the level on record when no approved dossier gives one (a confirmed prior approval)',
    approval_decision_number: NOT,
    approval_decision_date: 'feeds the report: the level on record counts from this day',
    approval_decision_issuer: NOT,
    deployment_status: NOT,
    deployment_expected_on: NOT, // Mẫu 08 col 11, written from plan_items (src/plan-items); read on each request
    internal_regulation_number: NOT,
    internal_regulation_date: NOT,
    inspections: NOT,
    retired_at: 'feeds the report: a system retired by the day is no longer counted',
    retirement_reason: NOT,
    search_text: NOT,
    version: NOT,
    created_at: NOT,
    updated_at: NOT,
  },
  dossiers: {
    id: NOT,
    system_id: 'feeds the report: the system (hence the custody periods) a dossier counts for',
    owner_agency_id: NOT, // a dossier counts for the owner of the custody period it was first submitted in
    operator_agency_id: NOT,
    province_code: NOT,
    status: NOT, // an approval is read from approved_at; a later SUPERSEDED status does not undo it
    regime: NOT,
    rulebook_version: NOT,
    catalogue_id: NOT,
    transitional_project: NOT,
    classification: NOT,
    computed_level: NOT,
    level_undetermined: NOT,
    proposed_level: 'feeds the report: the level of an approved dossier (approval decides exactly the proposed level)',
    level_justification: NOT,
    note_to_appraiser: NOT,
    design_kind: NOT,
    description: NOT,
    plan_sections: NOT,
    plan_entries: NOT,
    expert_opinion: NOT,
    created_by: NOT,
    version: NOT,
    created_at: NOT,
    updated_at: NOT,
    current_revision: NOT,
    routing_rule_id: NOT,
    appraiser_agency_id: NOT,
    appraiser_name: NOT,
    approver_kind: NOT,
    approver_agency_id: NOT,
    approver_name: NOT,
    first_submitted_at: 'feeds the report: the day a body first submitted, and the custody period a dossier falls in',
    submitted_at: NOT, // the latest (re)submission; the report counts the first
    received_on: NOT,
    clock_started_on: NOT,
    due_on: NOT,
    due_kind: NOT,
    // Issue 19 point 3: both statutory dates of the validity reply and the appraisal stay visible; clocks, not facts.
    validity_due_on: NOT,
    appraisal_due_on: NOT,
    return_items: NOT,
    return_items_done: NOT,
    appraisal: NOT,
    decision: NOT,
    // The instant the approval takes effect: when recorded, or the start of a (confirmed) later decision date
    // (workflow/decision-date.ts), so a report as of a day before the decision's date does not count it.
    approved_at: "feeds the report: the day a body first had a dossier approved, and a system's level from then on",
    // The procedure by level (issue 18): the steps before approval; a level-5 approval still lands in approved_at.
    specialised_unit_agency_id: NOT,
    specialised_unit_name: NOT,
    opinion_request: NOT,
    approval_request: NOT,
    plan_decision: NOT,
    national_listing: NOT,
    independent_appraiser: NOT,
  },
};

/**
 * The columns of `agencies` that the kept timeline of each body's figures reads (`report_body_timeline_of`, migration
 * ReportBodyTimeline1764210000000): into which body a body's periods are carried, and from which day. Its update
 * trigger (`agencies_timeline_update`) must watch exactly these; `test/report-columns.e2e-spec.ts` holds it to them.
 * The report reads the other columns it shows (code, kind, province, the days a body exists; names from
 * `agency_versions`) from the table on each request, so a change of them makes no kept figure stale.
 */
export const TIMELINE_AGENCY_COLUMNS: Record<string, ReportColumnRole> = {
  id: "feeds the report: the body a timeline row is for, and whose merged bodies' periods it counts",
  code: NOT,
  name: NOT,
  kind: NOT,
  parent_id: NOT,
  province_code: NOT,
  status: NOT, // a merged body is known by successor_id and valid_to, not by its status
  valid_from: NOT, // which bodies exist on the day is asked on each request (SCOPE_BODY_LIST)
  valid_to: "feeds the report: a merged body's periods count for its successor from the day after it ends",
  successor_id: 'feeds the report: the body a merged body is carried into',
  search_text: NOT,
  version: NOT,
  created_at: NOT,
  updated_at: NOT,
  functions_document: NOT,
  representative_name: NOT,
  representative_title: NOT,
  address: NOT,
  phone: NOT,
  email: NOT,
};

/**
 * The columns of `prior_approval_claims` that the report's pending claims read (`pendingClaimsOfProvinces`, kept with
 * each province's timelines): its triggers (migration ReportClaimWrites1764220000000) note a change of exactly these in
 * `report_fact_writes`; `test/report-columns.e2e-spec.ts` holds them to it. A claim added or removed is always noted.
 */
export const CLAIM_COLUMNS: Record<string, ReportColumnRole> = {
  id: 'feeds the report: one claim is one pending system',
  system_id: 'feeds the report: the system claimed, whose owner, level on record and retirement decide whether it counts',
  level: NOT,
  decision_number: NOT,
  decision_date: NOT,
  issuer: NOT,
  evidence_file_name: NOT,
  evidence_media_type: NOT,
  evidence_size_bytes: NOT,
  evidence_sha256: NOT,
  evidence_content: NOT,
  status: 'feeds the report: only a claim still CLAIMED is pending',
  origin: NOT,
  confirmed_on_import: NOT,
  claimed_by: NOT,
  claimed_by_username: NOT,
  claimed_at: 'feeds the report: a claim counts from the day (Vietnam) it was made',
  reviewed_by: NOT,
  reviewed_by_username: NOT,
  reviewed_at: NOT,
  rejection_reason: NOT,
  version: NOT,
};

/** The columns of `prior_approval_claims` that feed the report's pending claims. */
export function claimColumns(): string[] {
  return feeding(CLAIM_COLUMNS);
}

/** The columns of `table` that feed the report. */
export function reportFactColumns(table: ReportFactTable): string[] {
  return feeding(REPORT_COLUMNS[table]);
}

/** The columns of `agencies` that feed the kept timeline. */
export function timelineAgencyColumns(): string[] {
  return feeding(TIMELINE_AGENCY_COLUMNS);
}

function feeding(columns: Record<string, ReportColumnRole>): string[] {
  return Object.entries(columns)
    .filter(([, role]) => role !== NOT)
    .map(([column]) => column);
}
