import { AGENCY_KIND_LABELS, AGENCY_KINDS } from '../agencies/agency-kind';
import { FormBody, FormDraft, FormReader } from './form-input';

/** The kinds of body, with the registry's Vietnamese labels. */
export const AGENCY_KIND_OPTIONS = AGENCY_KINDS.map((value) => ({ value, label: AGENCY_KIND_LABELS[value] }));

/** An agency as a choice in a select: its name with its code. */
export function agencyOption(a: { id: string; code: string; name: string }): { value: string; label: string } {
  return { value: a.id, label: `${a.name} (${a.code})` };
}

/** The "add an agency" form, to be validated as the API's CreateAgencyDto. */
export function agencyDtoFromForm(body: FormBody): FormDraft {
  const f = new FormReader(body);
  const plain = {
    code: f.text('code') ?? '',
    name: f.text('name') ?? '',
    kind: f.text('kind') ?? '',
    parentId: f.text('parentId'),
    provinceCode: f.text('provinceCode'),
    validFrom: f.date('validFrom'),
  };
  return { plain, reader: f };
}

/** The merger form, to be validated as the API's MergeAgenciesDto: a new body's name means a new successor, else the chosen one. */
export function mergeDtoFromForm(body: FormBody): FormDraft {
  const f = new FormReader(body);
  const newName = f.text('newAgency.name');
  const plain = {
    sourceAgencyIds: f.list('sourceAgencyIds'),
    successorAgencyId: newName ? undefined : f.text('successorAgencyId'),
    newAgency: newName
      ? {
          code: f.text('newAgency.code') ?? '',
          name: newName,
          kind: f.text('newAgency.kind') ?? '',
          parentId: f.text('newAgency.parentId'),
        }
      : undefined,
    effectiveDate: f.date('effectiveDate') ?? '',
    decisionNumber: f.text('decisionNumber') ?? '',
    decisionDate: f.date('decisionDate'),
    decisionIssuer: f.text('decisionIssuer'),
    note: f.text('note'),
  };
  return { plain, reader: f };
}

/** The body's details the explanatory report prints (TT12 Art. 8.3.a–b; ND331 Art. 22.3.a–b), in the form's order. */
export const AGENCY_CONTACT_FIELDS = [
  {
    name: 'functionsDocument',
    label: 'Văn bản quy định chức năng, nhiệm vụ, quyền hạn',
    hint: 'Ví dụ: Quyết định số 15/2025/QĐ-UBND ngày 01/7/2025 của UBND tỉnh',
  },
  { name: 'representativeName', label: 'Người đại diện', hint: 'Họ và tên thủ trưởng cơ quan, đơn vị' },
  { name: 'representativeTitle', label: 'Chức vụ người đại diện', hint: 'Ví dụ: Chủ tịch, Giám đốc' },
  { name: 'address', label: 'Địa chỉ', hint: '' },
  { name: 'phone', label: 'Số điện thoại', hint: 'Ví dụ: 0212 3852 123' },
  { name: 'email', label: 'Thư điện tử', hint: 'Ví dụ: vanphong@sonla.gov.vn' },
] as const;

/** The contact form, to be validated as the API's UpdateAgencyDto: a blank field clears it. */
export function agencyContactsFromForm(body: FormBody): FormDraft {
  const f = new FormReader(body);
  const plain: Record<string, unknown> = { version: f.int('version') ?? undefined };
  for (const field of AGENCY_CONTACT_FIELDS) plain[field.name] = f.text(field.name, null);
  return { plain, reader: f };
}
