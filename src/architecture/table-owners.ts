/**
 * Which feature folder alone inserts, updates and deletes each table (STYLE.md, "One owner per table"). Another
 * feature that must change those rows in its own transaction calls the owner's service or query file with its
 * `EntityManager`. Reading across features (joins) stays allowed. `table-ownership.spec.ts` enforces the map over
 * every `.ts` file under `src/` and `seeds/`; migrations are outside those roots: they are the schema's history and,
 * in 1764110000000-ReportFactWrites, 1764120000000-ReportPeriodFacts and 1764210000000-ReportBodyTimeline, hold the trigger SQL that keeps
 * `report_fact_writes`, `report_period_facts` and `report_body_timeline` from inside PostgreSQL.
 */
export const TABLE_OWNERS: Readonly<Record<string, string>> = {
  agencies: 'src/agencies',
  agency_versions: 'src/agencies',
  agency_reorganisations: 'src/agencies',
  users: 'src/users',
  login_throttle: 'src/auth',
  sessions: 'src/auth',
  oidc_sign_ins: 'src/auth',
  oidc_role_mappings: 'src/auth',
  audit_log: 'src/audit',
  systems: 'src/systems',
  system_custody: 'src/systems',
  prior_approval_claims: 'src/systems',
  dossiers: 'src/dossiers',
  dossier_attachments: 'src/dossiers',
  dossier_revisions: 'src/workflow',
  dossier_events: 'src/workflow',
  notifications: 'src/notifications',
  calendar_overrides: 'src/calendar',
  calendar_confirmations: 'src/calendar',
  routing_rules: 'src/routing',
  campaigns: 'src/reports',
  campaign_agencies: 'src/reports',
  report_fact_writes: 'src/reports',
  report_period_facts: 'src/reports',
  report_body_timeline: 'src/reports',
  incidents: 'src/incidents',
  incident_events: 'src/incidents',
  annual_report_submissions: 'src/annual-reports',
  plan_items: 'src/plan-items',
  plan_item_events: 'src/plan-items',
  plan_item_evidence: 'src/plan-items',
  inspections: 'src/inspections',
  inspection_findings: 'src/inspections',
  inspection_policies: 'src/inspections',
  redetermination_flags: 'src/redetermination',
};

/** Tables a later migration dropped: nobody may write them any more. */
export const DROPPED_TABLES: readonly string[] = ['login_failures'];

/** Files outside an owner that still write its tables, each with the reason. Keep this list short. */
export const WRITE_EXCEPTIONS: Readonly<Record<string, string>> = {
  'seeds/national/copy-rows.ts':
    'The national dataset (seeds/national) bulk-loads every table of an empty database with COPY … FROM STDIN for speed; the table name is a parameter.',
  'seeds/demo-agency-contacts.ts':
    "Part of the demo ground (demo-seed.ts): the bodies' contact details, written before any user exists to act through the services.",
  'seeds/demo-seed.ts':
    'The demo seed lays the ground (agencies, accounts, routing rules, a campaign) in an empty database before any user exists to act through the services; the activity on top of it goes through the services (demo-activity.ts).',
};
