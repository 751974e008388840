/**
 * The state-secret rule for level dossiers, as pure functions (docs/legal/state-secret.md).
 *
 * Law 116/2025/QH15 Art. 15.1.d counts putting state-secret information on cyberspace against the law as an
 * infringement, Art. 15.2.b makes the system owner prevent it and take such information down at once, and Art. 15.3
 * sends documents holding state secrets to the law on protecting state secrets. A level dossier describes the system
 * in detail (ND331 Art. 21, Art. 22.3.d: architecture, devices, network zones, IP plan), so the dossier of a system that
 * processes state secrets is made and sent under the secrecy regime, never on this networked registry.
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../common/errors/domain-error';
import { PlanEntry } from './dossier-plan';

export const STATE_SECRET_DOSSIER_MESSAGE =
  'Hệ thống xử lý thông tin bí mật nhà nước: hồ sơ đề xuất cấp độ không được lập, sửa, gửi, in hay tải tệp trên hệ thống nối mạng (Điều 15 Luật An ninh mạng số 116/2025/QH15); hãy lập và gửi hồ sơ theo chế độ mật.';

/** The reason written on a dossier withdrawn because its system became state-secret. */
export const STATE_SECRET_WITHDRAWAL_NOTE =
  'Rút hồ sơ do hệ thống được xác định xử lý thông tin bí mật nhà nước; nội dung mô tả và tệp đính kèm đã được xóa khỏi hệ thống nối mạng.';

/** What remains of a submitted revision of a state-secret dossier: the marker; its SHA-256 stays on the row. */
export const REDACTED_REVISION = { redacted: 'STATE_SECRET' } as const;

export function factsIncludeStateSecret(facts: unknown): boolean {
  const infoTypes = (facts as { infoTypes?: unknown } | null | undefined)?.infoTypes;
  return Array.isArray(infoTypes) && infoTypes.includes('STATE_SECRET');
}

/** A dossier falls under the rule when its system is recorded as state-secret or its own facts say so. */
export function involvesStateSecret(systemStateSecret: boolean, facts: unknown): boolean {
  return systemStateSecret || factsIncludeStateSecret(facts);
}

export function stateSecretDossierError(field?: string): DomainError {
  return new DomainError(
    'STATE_SECRET_OFFLINE_DOSSIER',
    STATE_SECRET_DOSSIER_MESSAGE,
    field ? { [field]: ['hệ thống xử lý thông tin bí mật nhà nước'] } : undefined,
  );
}

export function assertNoStateSecret(systemStateSecret: boolean, facts: unknown, field?: string): void {
  if (involvesStateSecret(systemStateSecret, facts)) throw stateSecretDossierError(field);
}

/** The parts of a dossier written in free text: what it says about the system and how it is protected. */
export interface DossierTexts {
  levelJustification: string;
  noteToAppraiser?: string;
  description: {
    overview: string | null;
    scope: string | null;
    servedPopulation: string | null;
    architecture: string | null;
    components: { name: string; description?: string }[];
  };
  planSections: Record<string, string>;
  planEntries: Record<string, PlanEntry>;
  expertOpinion: { unit: string; summary: string; date?: string | null } | null;
  returnItems: string[] | null;
  appraisal: { opinions: string; reasons: string[] } | null;
}

export interface RemovedText {
  field: string;
  sha256: string;
}

export function sha256(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}

const isBlank = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * The dossier with every free-text field emptied, and the SHA-256 of each text removed (the audit keeps these, never
 * the text). Structured facts stay: status, levels, the classification answers, the decision and dates.
 */
export function redactDossierTexts<T extends DossierTexts>(dossier: T): { redacted: T; removed: RemovedText[] } {
  const removed: RemovedText[] = [];
  const note = (field: string, value: unknown) => {
    if (!isBlank(value)) removed.push({ field, sha256: sha256(asText(value)) });
  };
  note('levelJustification', dossier.levelJustification);
  note('noteToAppraiser', dossier.noteToAppraiser);
  for (const key of ['overview', 'scope', 'servedPopulation', 'architecture', 'components'] as const)
    note(`description.${key}`, dossier.description?.[key]);
  for (const [key, text] of Object.entries(dossier.planSections ?? {})) note(`planSections.${key}`, text);
  for (const [code, entry] of Object.entries(dossier.planEntries ?? {})) note(`planEntries.${code}`, entry);
  note('expertOpinion', dossier.expertOpinion);
  note('returnItems', dossier.returnItems);
  note('appraisal.opinions', dossier.appraisal?.opinions);
  note('appraisal.reasons', dossier.appraisal?.reasons);
  const redacted: T = {
    ...dossier,
    levelJustification: '',
    ...(dossier.noteToAppraiser === undefined ? {} : { noteToAppraiser: '' }),
    description: { overview: null, scope: null, servedPopulation: null, architecture: null, components: [] },
    planSections: {},
    planEntries: {},
    expertOpinion: null,
    returnItems: dossier.returnItems ? [] : null,
    appraisal: dossier.appraisal ? { ...dossier.appraisal, opinions: '', reasons: [] } : null,
  };
  return { redacted, removed };
}
