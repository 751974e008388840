/**
 * The dossier page's forms for the procedure by level (ND331 Arts. 17–18, 20): each action's form read into the
 * plain shape of the API's DTO, validated with the API's own class. Pure but for the DTO classes.
 */
import { DossierAction } from '../dossiers/dossier-actions';
import { ActionDto, ApproveDto } from '../workflow/dto/actions.dto';
import {
  GiveOpinionDto,
  ListingDecisionDto,
  PlanDecisionDto,
  RequestApprovalDto,
  RequestListingDto,
} from '../workflow/dto/procedure-actions.dto';
import { FormReader } from './form-input';
import { lines } from './view-helpers';

export type ProcedureAction = Extract<
  DossierAction,
  | 'request-opinion'
  | 'give-opinion'
  | 'owner-submit'
  | 'request-approval'
  | 'approve'
  | 'approve-plan'
  | 'record-listing'
  | 'request-listing'
>;

interface ProcedureForm {
  /** The page route under /ho-so/:id/. */
  slug: string;
  dto: new () => object;
  read: (f: FormReader) => Record<string, unknown>;
  /** The flash after it succeeded. */
  done: string;
  /** Posted as multipart/form-data with the signed decision's PDF (field `file`). */
  file?: true;
}

const base = (f: FormReader) => ({ version: f.int('version'), note: f.text('note') });
const decision = (f: FormReader) => ({
  ...base(f),
  decisionNumber: f.text('decisionNumber') ?? '',
  decisionDate: f.date('decisionDate') ?? '',
  signerName: f.text('signerName') ?? '',
  signerTitle: f.text('signerTitle') ?? '',
  // The box shown with a DECISION_DATE_IN_FUTURE refusal (workflow/decision-date.ts).
  confirmFutureDate: f.text('confirmFutureDate') === 'true' ? true : undefined,
});

export const PROCEDURE_FORMS: Readonly<Record<ProcedureAction, ProcedureForm>> = {
  'request-opinion': {
    slug: 'xin-y-kien',
    dto: ActionDto,
    read: base,
    done: 'Đã gửi văn bản xin ý kiến chuyên môn (Mẫu 03) đến đơn vị chuyên trách.',
  },
  'give-opinion': {
    slug: 'cho-y-kien',
    dto: GiveOpinionDto,
    read: (f) => ({
      ...base(f),
      conclusion: f.text('conclusion') ?? '',
      opinions: f.text('opinions') ?? '',
      reasons: lines(f.raw('reasons')),
      opinionNumber: f.text('opinionNumber'),
      opinionDate: f.date('opinionDate'),
    }),
    done: 'Đã ghi ý kiến chuyên môn.',
  },
  'owner-submit': {
    slug: 'chu-quan-gui',
    dto: ActionDto,
    read: base,
    done: 'Chủ quản đã gửi hồ sơ đến cơ quan thẩm định (Mẫu 02).',
  },
  'request-approval': {
    slug: 'trinh-phe-duyet',
    dto: RequestApprovalDto,
    read: (f) => ({ ...base(f), submissionNumber: f.text('submissionNumber') }),
    done: 'Đã trình chủ quản phê duyệt (Tờ trình, Mẫu 05).',
  },
  approve: {
    slug: 'phe-duyet',
    dto: ApproveDto,
    read: (f) => ({ ...decision(f), level: f.int('level') }),
    done: 'Đã phê duyệt cấp độ. Quyết định (Mẫu 06) có thể tải về bên dưới.',
    file: true,
  },
  'approve-plan': {
    slug: 'phe-duyet-phuong-an',
    dto: PlanDecisionDto,
    read: decision,
    done: 'Đã phê duyệt phương án (Mẫu 07); hồ sơ chờ Thủ tướng Chính phủ phê duyệt Danh mục.',
    file: true,
  },
  'record-listing': {
    slug: 'danh-muc',
    dto: ListingDecisionDto,
    read: decision,
    done: 'Đã ghi nhận quyết định phê duyệt Danh mục; cấp độ của hệ thống đã được phê duyệt.',
    file: true,
  },
  'request-listing': {
    slug: 'de-nghi-danh-muc',
    dto: RequestListingDto,
    read: (f) => ({ ...base(f), requestNumber: f.text('requestNumber') ?? '', requestDate: f.date('requestDate') ?? '' }),
    done: 'Đã ghi đề nghị đưa hệ thống vào Danh mục hệ thống thông tin quan trọng về an ninh quốc gia.',
  },
};

/**
 * The council's members typed one per line as "Họ tên – chức vụ" (an en dash, a hyphen or a comma between them);
 * a line without a title keeps an empty one, which the API's validation names.
 */
export function councilMembers(text: string | undefined): { name: string; title: string }[] {
  return lines(text).map((line) => {
    // A dash first (a title may hold commas: "Phó Giám đốc Sở, Chủ tịch Hội đồng"), else the first comma.
    const match = /^(.+?)\s+[–—-]\s+(.+)$/.exec(line) ?? /^(.+?)\s*[–—]\s*(.+)$/.exec(line) ?? /^([^,]+),\s*(.+)$/.exec(line);
    return match ? { name: match[1].trim(), title: match[2].trim() } : { name: line, title: '' };
  });
}

/** The owner's independent appraiser (ND331 Art. 18.4): another subordinate unit, or a council with its members. */
export function independentAppraiserFromForm(f: FormReader): Record<string, unknown> {
  const kind = f.text('kind') ?? '';
  return {
    version: f.int('version'),
    kind,
    agencyId: kind === 'UNIT' ? (f.text('agencyId') ?? '') : undefined,
    name: f.text('name') ?? '',
    decisionNumber: f.text('decisionNumber') ?? '',
    decisionDate: f.date('decisionDate') ?? '',
    members: kind === 'COUNCIL' ? councilMembers(f.raw('members')) : undefined,
  };
}

/** The API names a member's error by position (members[1].title); the form shows it beside the members box, by line. */
export function memberErrorsByLine(errors: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(errors)) {
    const match = /^members\[(\d+)\]/.exec(key);
    if (match) (out.members ??= []).push(...messages.map((m) => `dòng ${Number(match[1]) + 1}: ${m}`));
    else out[key] = messages;
  }
  return out;
}
