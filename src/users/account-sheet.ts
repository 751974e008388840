/**
 * A sheet of accounts to create in bulk (issue 22): one row per account with its username, full name, title, e-mail,
 * agency code and role, under Vietnamese or English column titles. Reads the cells only; whether the agency exists
 * and the importer may create the account is the import service's to check. No Nest or TypeORM code.
 */
import { isEmail } from 'class-validator';
import { DomainError } from '../common/errors/domain-error';
import { cellText, isBlankRow } from '../systems/import-export/system-sheet';
import { titleKey } from '../systems/import-export/sheet-header';
import type { SheetRow } from '../systems/import-export/sheet-file';
import { normaliseUsername, USERNAME_RULE } from './account-rules';
import { Role, ROLE_LABELS, ROLES } from './role';

/** At most this many accounts per file: a province's 95 bodies with a few officers each fit several times over. */
export const MAX_ACCOUNT_ROWS = 2000;
/** The sheet read first when an .xlsx has several. */
export const ACCOUNT_SHEET_NAME = 'Tài khoản';

export const ACCOUNT_SHEET_FIELDS = ['username', 'fullName', 'title', 'email', 'agencyCode', 'role'] as const;
export type AccountSheetField = (typeof ACCOUNT_SHEET_FIELDS)[number];

/** Column titles recognised for each field, compared as titleKey compares them (no diacritics, case or punctuation). */
const TITLES: Record<AccountSheetField, readonly string[]> = {
  username: ['Tên đăng nhập', 'Tài khoản', 'Username', 'User name', 'Login'],
  fullName: ['Họ và tên', 'Họ tên', 'Full name', 'Fullname', 'Name'],
  title: ['Chức vụ', 'Title', 'Position', 'Job title'],
  email: ['Thư điện tử', 'Email', 'E-mail', 'Địa chỉ thư điện tử'],
  agencyCode: ['Mã cơ quan', 'Mã cơ quan, đơn vị', 'Mã đơn vị', 'Agency code', 'Agency'],
  role: ['Vai trò', 'Role'],
};
const REQUIRED: readonly AccountSheetField[] = ['username', 'fullName', 'role'];
/** The Vietnamese title of each field, for the messages. */
export const ACCOUNT_SHEET_TITLES: Record<AccountSheetField, string> = {
  username: 'Tên đăng nhập',
  fullName: 'Họ và tên',
  title: 'Chức vụ',
  email: 'Thư điện tử',
  agencyCode: 'Mã cơ quan',
  role: 'Vai trò',
};
/** How many rows from the top may hold a heading before the column titles. */
const HEADER_SEARCH_ROWS = 10;

export interface AccountSheetRow {
  /** The row number a spreadsheet shows. */
  row: number;
  username: string;
  fullName: string;
  title: string | null;
  email: string | null;
  agencyCode: string | null;
  role: Role | null;
  /** Field → Vietnamese messages; empty when the row's cells are well formed. */
  errors: Partial<Record<AccountSheetField, string[]>>;
}

const fileInvalid = (detail: string, message: string) => new DomainError('IMPORT_FILE_INVALID', detail, { file: [message] });

/** The role a cell names: its code (ADMIN, AGENCY_OFFICER…) or its Vietnamese label, case and diacritics aside. */
export function roleOfCell(text: string): Role | undefined {
  const key = titleKey(text);
  if (!key) return undefined;
  return ROLES.find((role) => titleKey(role) === key || titleKey(ROLE_LABELS[role]) === key);
}

/** The accounts of a sheet, row by row with each row's problems; throws IMPORT_FILE_INVALID when no header is found. */
export function readAccountSheet(rows: readonly SheetRow[]): AccountSheetRow[] {
  const headerIndex = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((row) => columnsOf(row).username !== undefined);
  if (headerIndex < 0) {
    throw fileInvalid(
      `Không tìm thấy dòng tiêu đề trong ${HEADER_SEARCH_ROWS} dòng đầu: cần các cột ${REQUIRED.map((f) => `"${ACCOUNT_SHEET_TITLES[f]}"`).join(', ')}, nên có "Mã cơ quan", "Chức vụ", "Thư điện tử".`,
      'không tìm thấy dòng tiêu đề',
    );
  }
  const columns = columnsOf(rows[headerIndex]);
  const missing = REQUIRED.filter((field) => columns[field] === undefined);
  if (missing.length) {
    throw fileInvalid(`Tệp thiếu cột ${missing.map((f) => `"${ACCOUNT_SHEET_TITLES[f]}"`).join(', ')}.`, 'thiếu cột bắt buộc');
  }
  const seen = new Map<string, number>();
  const accounts: AccountSheetRow[] = [];
  for (const row of rows.slice(headerIndex + 1)) {
    if (isBlankRow(row.cells)) continue;
    const account = readRow(row, columns);
    if (account.username) {
      const first = seen.get(account.username);
      if (first !== undefined) addError(account, 'username', `trùng với dòng ${first}`);
      else seen.set(account.username, account.row);
    }
    accounts.push(account);
  }
  if (!accounts.length) throw fileInvalid('Tệp không có dòng tài khoản nào dưới dòng tiêu đề.', 'không có dòng dữ liệu');
  return accounts;
}

export function addError(row: AccountSheetRow, field: AccountSheetField, message: string): void {
  (row.errors[field] ??= []).push(message);
}

function columnsOf(row: SheetRow): Partial<Record<AccountSheetField, number>> {
  const columns: Partial<Record<AccountSheetField, number>> = {};
  row.cells.forEach((cell, index) => {
    const key = titleKey(cellText(cell));
    const field = ACCOUNT_SHEET_FIELDS.find((f) => TITLES[f].some((title) => titleKey(title) === key));
    if (field && columns[field] === undefined) columns[field] = index;
  });
  return columns;
}

function readRow(row: SheetRow, columns: Partial<Record<AccountSheetField, number>>): AccountSheetRow {
  const text = (field: AccountSheetField) => {
    const index = columns[field];
    return index === undefined ? '' : cellText(row.cells[index]);
  };
  const account: AccountSheetRow = {
    row: row.number,
    username: '',
    fullName: text('fullName'),
    title: text('title') || null,
    email: text('email') || null,
    agencyCode: text('agencyCode').toUpperCase() || null,
    role: null,
    errors: {},
  };
  const rawUsername = text('username');
  const username = normaliseUsername(rawUsername);
  if (!rawUsername) addError(account, 'username', 'bắt buộc');
  else if (!username) addError(account, 'username', USERNAME_RULE);
  account.username = username ?? rawUsername;
  if (!account.fullName) addError(account, 'fullName', 'bắt buộc');
  else if (account.fullName.length > 255) addError(account, 'fullName', 'dài tối đa 255 ký tự');
  if (account.title && account.title.length > 255) addError(account, 'title', 'dài tối đa 255 ký tự');
  if (account.email && (account.email.length > 255 || !isEmail(account.email))) addError(account, 'email', 'thư điện tử không hợp lệ');
  const rawRole = text('role');
  const role = roleOfCell(rawRole);
  if (!rawRole) addError(account, 'role', 'bắt buộc');
  else if (!role)
    addError(account, 'role', `không có vai trò "${rawRole}"; dùng một trong: ${ROLES.map((r) => ROLE_LABELS[r]).join('; ')}`);
  account.role = role ?? null;
  if (role && role !== 'ADMIN' && !account.agencyCode) addError(account, 'agencyCode', 'bắt buộc với vai trò này');
  return account;
}

/** Used by the specs and the page's preview: whether a row can be created as it stands. */
export function rowIsValid(row: AccountSheetRow): boolean {
  return Object.keys(row.errors).length === 0;
}
