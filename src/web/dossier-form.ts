import type { Regime } from '../classification/rules/classification.types';
import { FieldErrors } from '../common/errors/domain-error';
import { documentUnavailableReason } from '../dossiers/document-availability';
import type { ProcedurePath } from '../dossiers/dossier-path';
import { DossierDto, UpdateDossierDto } from '../dossiers/dto/dossier.dto';
import {
  ATTACHMENT_KIND_LABELS,
  ATTACHMENT_KINDS,
  PLAN_ENTRY_STATUS_LABELS,
  PLAN_ENTRY_STATUSES,
  PLAN_SECTIONS,
} from '../dossiers/dossier-plan';
import { CONTENT_TABLES, CONTENT_TEXTS, contentFieldErrors, contentFormValues, contentsFromForm } from './dossier-contents-form';
import { FormBody, FormReader } from './form-input';
import { formatDate } from './view-helpers';

export const PLAN_STATUS_OPTIONS = [
  { value: '', label: '— Chưa trả lời —' },
  ...PLAN_ENTRY_STATUSES.map((value) => ({ value, label: PLAN_ENTRY_STATUS_LABELS[value] })),
];
export const ATTACHMENT_KIND_OPTIONS = ATTACHMENT_KINDS.map((value) => ({ value, label: ATTACHMENT_KIND_LABELS[value] }));

export const UNANSWERED_WITH_TEXT = 'đã nhập nội dung hoặc thời hạn nhưng chưa chọn tình trạng: hãy chọn tình trạng để lưu';

/** What the editor's inputs show for a dossier; the plan's one text box is the description, or the reason when not applicable. */
export function dossierFormValues(d: DossierDto): Record<string, string> {
  const description = d.description as Record<string, string | null | undefined>;
  const values: Record<string, string> = {
    version: String(d.version),
    'description.overview': description.overview ?? '',
    'description.scope': description.scope ?? '',
    'description.servedPopulation': description.servedPopulation ?? '',
    'description.architecture': description.architecture ?? '',
    proposedLevel: String(d.proposedLevel),
    levelJustification: d.levelJustification,
    noteToAppraiser: d.noteToAppraiser ?? '',
    'expertOpinion.unit': d.expertOpinion?.unit ?? '',
    'expertOpinion.summary': d.expertOpinion?.summary ?? '',
    'expertOpinion.date': formatDate(d.expertOpinion?.date ?? null),
  };
  Object.assign(values, contentFormValues(d.description as Record<string, unknown>));
  for (const s of d.planSections) values[`planSections.${s.key}`] = s.text;
  if (d.status === 'RETURNED') for (const i of d.workflow.returnItemsDone ?? []) values[`returnItemsDone.${i}`] = 'on';
  for (const p of d.plan) {
    values[`plan.${p.code}.status`] = p.status ?? '';
    values[`plan.${p.code}.plannedDate`] = formatDate(p.plannedDate);
    values[`plan.${p.code}.text`] = (p.status === 'NOT_APPLICABLE' ? p.reason : p.description) ?? '';
  }
  return values;
}

/** The values as typed, to show again after a refused save (each ticked "đã bổ sung" as its own key). */
export function dossierFormEcho(body: FormBody): Record<string, string> {
  const values = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, Array.isArray(v) ? v[v.length - 1] : (v ?? '')]));
  for (const i of ([] as (string | undefined)[]).concat(body.returnItemsDone ?? [])) if (i) values[`returnItemsDone.${i}`] = 'on';
  return values;
}

/** A field where another save stored something else than what this user typed (issue 21 point 2, edit conflict). */
export interface FieldChange {
  field: string;
  label: string;
  anchor: string;
  saved: string;
  typed: string;
}

const NOT_COMPARED = /^(_csrf|version|neo|note|returnItemsShown|returnItemsDone.*)$/;
/** The editor's own fields (a content table's new row is not among the saved values); other controls are not compared. */
const EDITOR_FIELD = /^(description|plan|planSections|expertOpinion)\./;
const same = (a: string | undefined, b: string | undefined) =>
  (a ?? '').replace(/\r\n/g, '\n').trim() === (b ?? '').replace(/\r\n/g, '\n').trim();

/**
 * After a VERSION_CONFLICT: each editor field whose saved value (the other save) differs from what this user typed.
 * The page keeps the typed values and carries the current version, so the next save goes through as the merge.
 */
export function conflictChanges(saved: Record<string, string>, typed: Record<string, string>, d: DossierDto): FieldChange[] {
  return Object.keys(typed)
    .filter((k) => (k in saved || EDITOR_FIELD.test(k)) && !NOT_COMPARED.test(k) && !same(saved[k], typed[k]))
    .map((k) => ({ field: k, label: dossierFieldLabel(k, d), anchor: dossierFieldAnchor(k), saved: saved[k] ?? '', typed: typed[k] }));
}

const FIELD_LABELS: Record<string, string> = {
  'description.overview': 'Mô tả tổng quan',
  'description.scope': 'Phạm vi, quy mô',
  'description.servedPopulation': 'Đối tượng phục vụ',
  'description.designDocument.title': 'Tên tài liệu thiết kế',
  'description.designDocument.approvedBy': 'Cấp phê duyệt',
  'description.designDocument.approvalNumber': 'Số văn bản phê duyệt',
  'description.designDocument.approvalDate': 'Ngày phê duyệt',
  proposedLevel: 'Cấp độ đề xuất',
  levelJustification: 'Thuyết minh',
  noteToAppraiser: 'Ý kiến gửi đơn vị thẩm định',
  'expertOpinion.unit': 'Đơn vị cho ý kiến',
  'expertOpinion.date': 'Ngày',
  'expertOpinion.summary': 'Tóm tắt ý kiến',
  'tep.kind': 'Loại tài liệu',
  'tep.file': 'Tệp',
  returnItemsDone: 'Nội dung đã bổ sung',
  note: 'Nội dung đã bổ sung',
};
const PLAN_PARTS: Record<string, string> = { status: 'tình trạng', plannedDate: 'thời hạn', text: 'cách đáp ứng', code: 'mã yêu cầu' };

/** The words a person reads for an editor field, in the list of errors and of conflicting changes. */
export function dossierFieldLabel(key: string, d: DossierDto): string {
  if (FIELD_LABELS[key]) return FIELD_LABELS[key];
  const plan = /^plan\.(.+)\.(status|plannedDate|text|code)$/.exec(key);
  if (plan) {
    const item = d.plan.find((p) => p.code === plan[1]);
    return `Yêu cầu "${item?.title ?? plan[1]}" (${plan[1]}) — ${PLAN_PARTS[plan[2]]}`;
  }
  const section = /^planSections\.(\w+)$/.exec(key);
  if (section)
    return `Phương án, mục (${section[1] === 'dd' ? 'đ' : section[1]}) ${PLAN_SECTIONS.find((s) => s.key === section[1])?.title ?? ''}`.trim();
  const row = /^description\.(\w+)\.(\d+)\.(\w+)$/.exec(key);
  const table = row && CONTENT_TABLES.find((t) => t.key === row[1]);
  if (row && table) return `${table.title}, dòng ${Number(row[2]) + 1}, ${table.columns.find((c) => c.key === row[3])?.label ?? row[3]}`;
  const text = CONTENT_TEXTS.find((t) => key === `description.${t.key}`);
  return text?.label ?? key;
}

/** The id of the input (or row) a field error links to. */
export function dossierFieldAnchor(key: string): string {
  const plan = /^plan\.(.+)\.\w+$/.exec(key);
  if (plan) return `yc-${plan[1].replace(/[^A-Za-z0-9_-]/g, '-')}`;
  if (key === 'tep.kind') return 'f-kind';
  if (key === 'tep.file') return 'f-file';
  if (key.startsWith('returnItemsDone')) return 'yeu-cau-bo-sung';
  return `f-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * The editor's form as the API's UpdateDossierDto. A changed proposed level changes the requirement catalogue,
 * so it is saved on its own (the plan answers belong to the old level's requirements).
 */
export function dossierDtoFromForm(
  body: FormBody,
  current: DossierDto,
): {
  plain: Partial<UpdateDossierDto>;
  reader: FormReader;
  codes: string[];
  levelChanged: boolean;
  /** For each content table, the form row of each row sent (contentFieldErrors). */
  rowOf?: Record<string, number[]>;
} {
  const f = new FormReader(body);
  const proposedLevel = f.int('proposedLevel') ?? undefined;
  const levelChanged = proposedLevel !== undefined && proposedLevel !== current.proposedLevel;
  const plain: Record<string, unknown> = {
    version: f.int('version') ?? undefined,
    proposedLevel,
    levelJustification: f.text('levelJustification') ?? '',
    noteToAppraiser: f.text('noteToAppraiser') ?? '',
  };
  if (levelChanged) return { plain, reader: f, codes: [], levelChanged };
  plain.description = {
    overview: f.text('description.overview', null),
    scope: f.text('description.scope', null),
    servedPopulation: f.text('description.servedPopulation', null),
    architecture: f.text('description.architecture', null),
  };
  const contents = contentsFromForm(f, body);
  Object.assign(plain.description as object, contents.parts);
  plain.planSections = Object.fromEntries(PLAN_SECTIONS.map((s) => [s.key, f.text(`planSections.${s.key}`) ?? '']));
  const codes: string[] = [];
  const entries: object[] = [];
  for (const item of current.plan) {
    const status = f.text(`plan.${item.code}.status`);
    const text = f.text(`plan.${item.code}.text`, null);
    if (!status) {
      // Issue 21 point 2: a text or date typed into a row still "Chưa trả lời" is refused with the row marked, never dropped.
      if (text || f.text(`plan.${item.code}.plannedDate`)) f.errors[`plan.${item.code}.status`] = [UNANSWERED_WITH_TEXT];
      continue;
    }
    codes.push(item.code);
    entries.push({
      code: item.code,
      status,
      plannedDate: f.date(`plan.${item.code}.plannedDate`, null),
      reason: status === 'NOT_APPLICABLE' ? text : null,
      description: status === 'NOT_APPLICABLE' ? null : text,
    });
  }
  plain.planEntries = entries;
  // The "đã bổ sung" marks of a returned dossier's requests; the marker field says the list was on the page.
  if (current.status === 'RETURNED' && f.raw('returnItemsShown') === '1')
    plain.returnItemsDone = f.list('returnItemsDone').map((i) => (/^\d{1,2}$/.test(i) ? Number(i) : -1));
  const unit = f.text('expertOpinion.unit');
  const summary = f.text('expertOpinion.summary');
  const date = f.date('expertOpinion.date', null);
  if (unit || summary) plain.expertOpinion = { unit: unit ?? '', summary: summary ?? '', date };
  else if (current.expertOpinion) plain.expertOpinion = null;
  return { plain: plain as Partial<UpdateDossierDto>, reader: f, codes, levelChanged, rowOf: contents.rowOf };
}

/** The API names plan errors by position (planEntries[3].plannedDate); the form by requirement (plan.CODE.plannedDate). */
export function formFieldErrors(errors: FieldErrors, codes: string[], rowOf: Record<string, number[]> = {}): FieldErrors {
  const mapped: FieldErrors = {};
  for (const [key, messages] of Object.entries(contentFieldErrors(errors, rowOf))) {
    const match = /^planEntries\[(\d+)\]\.(\w+)$/.exec(key);
    if (match && codes[Number(match[1])]) {
      const field = match[2] === 'reason' || match[2] === 'description' ? 'text' : match[2];
      mapped[`plan.${codes[Number(match[1])]}.${field}`] = messages;
    } else {
      mapped[key] = messages;
    }
  }
  return mapped;
}

/** Where in the editor each kind of missing item is fixed. */
export function missingAnchor(code: string, ref: string | undefined, systemId: string): string {
  if (code.startsWith('DESCRIPTION_')) return '#phan-1';
  if (code === 'PRELIMINARY_RISKS_MISSING') return '#f-description-preliminaryRisks';
  if (['LOGICAL_MODEL_MISSING', 'PHYSICAL_MODEL_MISSING'].includes(code)) return '#kien-truc';
  if (code === 'EQUIPMENT_LIST_MISSING') return '#bang-equipment';
  if (code === 'APPLICATION_LIST_MISSING') return '#bang-applications';
  if (code === 'NETWORK_ZONES_MISSING') return '#bang-networkZones';
  if (code === 'DESIGN_APPROVAL_MISSING') return '#phan-2';
  if (['RELATED_SYSTEMS_MISSING', 'THREATS_MISSING', 'PUBLIC_IMPACT_MISSING', 'CONTINUOUS_OPERATION_MISSING'].includes(code))
    return '#cap-do-4-5';
  if (code === 'OWNER_DETAILS_MISSING' || code === 'OPERATOR_DETAILS_MISSING') return '#chu-quan';
  if (code === 'DESIGN_DOCUMENT_MISSING') return '#tep';
  // The guide (what to write, the outline to download) sits in Phần 3; it links on to the attachments.
  if (code === 'RISK_ASSESSMENT_MISSING') return '#huong-dan-rui-ro';
  if (code.startsWith('LEVEL_')) return '#phan-3';
  if (code === 'PLAN_SECTION_MISSING') return `#f-planSections-${ref ?? ''}`;
  if (code.startsWith('PLAN_REQUIREMENT_')) return `#yc-${(ref ?? '').replace(/[^A-Za-z0-9_-]/g, '-')}`;
  if (code === 'INTERNAL_REGULATION_MISSING') return `/he-thong/${systemId}/sua`;
  if (code === 'EXPERT_OPINION_MISSING') return '#phan-5';
  return '#';
}

const FORM_LABELS: { form: string; label: string }[] = [
  { form: 'mau-01', label: 'Mẫu 01 — Văn bản đề nghị thẩm định, phê duyệt hồ sơ đề xuất cấp độ' },
  { form: 'mau-02', label: 'Mẫu 02 — Văn bản đề nghị thẩm định hồ sơ đề xuất cấp độ' },
  { form: 'mau-03', label: 'Mẫu 03 — Văn bản xin ý kiến chuyên môn về hồ sơ đề xuất cấp độ' },
  { form: 'thuyet-minh', label: 'Thuyết minh hồ sơ đề xuất cấp độ' },
  { form: 'mau-04', label: 'Mẫu 04 — Ý kiến thẩm định hồ sơ đề xuất cấp độ' },
  { form: 'mau-05', label: 'Mẫu 05 — Tờ trình phê duyệt hồ sơ đề xuất cấp độ' },
  { form: 'mau-06', label: 'Mẫu 06 — Quyết định phê duyệt cấp độ hệ thống thông tin' },
  { form: 'mau-07', label: 'Mẫu 07 — Quyết định phê duyệt phương án bảo đảm an ninh mạng' },
];

/**
 * The official forms a dossier can print at its stage (the documents feature renders them as PDF and DOCX, and
 * decides with the same rule which one applies: Mẫu 03 for levels 4–5, Mẫu 05 once appraised from level 3, Mẫu 07
 * once the plan is approved, never Mẫu 06 on the national List).
 */
export function documentLinks(d: DossierDto): { form: string; label: string }[] {
  const w = d.workflow;
  const facts = {
    regime: d.regime as Regime,
    path: w.procedurePath as ProcedurePath,
    status: d.status,
    proposedLevel: d.proposedLevel,
    appraisal: w.appraisal as { conclusion: 'SUITABLE' | 'NOT_SUITABLE' } | null,
    hasDecision: !!w.decision,
    hasPlanDecision: !!w.planDecision,
  };
  return FORM_LABELS.filter((f) => documentUnavailableReason(f.form, facts) === undefined).map((f) =>
    f.form === 'mau-07' && d.regime === 'ND85' ? { ...f, label: 'Mẫu 07 — Quyết định phê duyệt phương án bảo đảm an toàn thông tin' } : f,
  );
}
