import { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { ERROR_CODES } from '../common/errors/error-codes';
import { Role, ROLE_LABELS, ROLES } from '../users/role';
import { FormBody, FormDraft, FormReader } from './form-input';

/** The roles as choices in a select, with their Vietnamese names. */
export const ROLE_OPTIONS = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));

/** The account forms' fields as the refusal's list of links names them. */
export const ACCOUNT_FIELD_LABELS: Record<string, string> = {
  username: 'Tên đăng nhập',
  fullName: 'Họ và tên',
  title: 'Chức vụ',
  email: 'Thư điện tử',
  role: 'Vai trò',
  agencyId: 'Cơ quan, đơn vị',
  version: 'Phiên bản',
};

/** The status a refused account form is shown again with: its error code's (403, 409, 422), 422 for anything else. */
export function failureStatus(error: unknown): number {
  return error instanceof DomainError ? ERROR_CODES[error.code].status : 422;
}

/** The accounts page's size: a province has about 95 bodies, a few accounts each. */
export const ACCOUNTS_PAGE_SIZE = 50;

/** The list's filters as the page's query string names them (Vietnamese, like `trang` elsewhere). */
export interface AccountFilterQuery {
  q?: string;
  vaiTro?: string;
  coQuan?: string;
  tinhTrang?: string;
  trang?: string;
}

/** The filter UsersQueryService.list takes, read from the query string; what cannot be read is left out, never an error. */
export interface AccountListFilter {
  q?: string;
  role?: Role;
  agencyId?: string;
  active?: boolean;
  page: number;
  pageSize: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `tinhTrang`: accounts in use, or locked ones. */
export const ACTIVE_OPTIONS = [
  { value: 'dang-dung', label: 'Đang dùng' },
  { value: 'da-khoa', label: 'Đã khóa' },
] as const;

export function accountFilterFromQuery(query: AccountFilterQuery, actor: AuthUser): AccountListFilter {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const role = text(query.vaiTro).toUpperCase();
  const agencyId = text(query.coQuan);
  const active = text(query.tinhTrang);
  const page = Number(text(query.trang));
  return {
    q: text(query.q).normalize('NFC').slice(0, 100) || undefined,
    // An agency head sees only its own officers: the service scopes it anyway, the page offers no other filter.
    role: actor.role === 'ADMIN' && (ROLES as readonly string[]).includes(role) ? (role as Role) : undefined,
    agencyId: actor.role === 'ADMIN' && UUID.test(agencyId) ? agencyId.toLowerCase() : undefined,
    active: active === 'dang-dung' ? true : active === 'da-khoa' ? false : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
    pageSize: ACCOUNTS_PAGE_SIZE,
  };
}

/** The filter back as the query string's values, for the search form and the pager. */
export function filterParams(filter: AccountListFilter): Record<string, string> {
  return {
    q: filter.q ?? '',
    vaiTro: filter.role ?? '',
    coQuan: filter.agencyId ?? '',
    tinhTrang: filter.active === true ? 'dang-dung' : filter.active === false ? 'da-khoa' : '',
  };
}

/**
 * The "Thêm tài khoản" form as the API's create input. An agency head creates officers of its own agency only, so
 * its form has neither role nor agency: they are set here, not taken from the request.
 */
export function newAccountFromForm(body: FormBody, actor: AuthUser): FormDraft {
  const f = new FormReader(body);
  const head = actor.role !== 'ADMIN';
  const plain = {
    username: f.text('username')?.toLowerCase() ?? '',
    fullName: f.text('fullName') ?? '',
    title: f.text('title'),
    email: f.text('email'),
    role: head ? 'AGENCY_OFFICER' : (f.text('role') ?? ''),
    agencyId: head ? actor.agencyId : (f.text('agencyId') ?? null),
  };
  return { plain, reader: f };
}

/**
 * The account's edit form as the API's update input: a blank title or e-mail clears it. An agency head never sends a
 * role or an agency (it may not give either), so they are left out of its changes whatever the request carries.
 */
export function accountChangesFromForm(body: FormBody, actor: AuthUser): FormDraft {
  const f = new FormReader(body);
  const plain: Record<string, unknown> = {
    version: f.int('version') ?? undefined,
    fullName: f.text('fullName') ?? '',
    title: f.text('title', null),
    email: f.text('email', null),
  };
  if (actor.role === 'ADMIN') {
    plain.role = f.text('role') ?? '';
    plain.agencyId = f.text('agencyId', null);
  }
  return { plain, reader: f };
}

// Checked in order: Edge, Opera and Cốc Cốc also name Chrome; Chrome also names Safari; iOS also names Mac OS X.
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\b(?:OPR|Opera)\//, 'Opera'],
  [/\bcoc_coc_browser\//, 'Cốc Cốc'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\b(?:HeadlessChrome|Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*Safari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** A session's browser in a few words ("Chrome trên Windows"), from its User-Agent; its start when unknown. */
export function browserLabel(userAgent: string | null | undefined): string {
  if (!userAgent) return 'Không rõ';
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (!browser) return userAgent.slice(0, 80);
  return system ? `${browser} trên ${system}` : browser;
}
