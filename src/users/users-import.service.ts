import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { hashPassword } from '../auth/password';
import { DomainError } from '../common/errors/domain-error';
import { readSheetFile } from '../systems/import-export/sheet-file';
import { roleAgencyProblem } from './account-rules';
import { ACCOUNT_SHEET_NAME, AccountSheetRow, addError, MAX_ACCOUNT_ROWS, readAccountSheet, rowIsValid } from './account-sheet';
import { AccountImportReportDto, AccountImportRowDto, ImportedAccountDto } from './dto/account-import.dto';
import { UsersAdminService } from './users-admin.service';
import { mayAssign } from './user-scope';

interface AgencyRow {
  id: string;
  code: string;
  status: string;
}

/**
 * Accounts in bulk from a sheet (issue 22): a dry run reports each row's problems and writes nothing; a real run
 * creates every account or none, and returns each new account's temporary password this once.
 */
@Injectable()
export class UsersImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly admin: UsersAdminService,
  ) {}

  async run(actor: AuthUser, buffer: Buffer | undefined, fileName: string | undefined, dryRun: boolean): Promise<AccountImportReportDto> {
    if (!buffer?.length) {
      throw new DomainError(
        'IMPORT_FILE_INVALID',
        `Chưa có tệp${fileName ? ` (${fileName} rỗng)` : ''}: gửi một tệp .xlsx hoặc .csv ở trường "file".`,
        {
          file: ['bắt buộc'],
        },
      );
    }
    const rows = readAccountSheet(await readSheetFile(buffer, ACCOUNT_SHEET_NAME, MAX_ACCOUNT_ROWS));
    const agencyIds = await this.check(this.dataSource.manager, actor, rows);
    const report = (created: ImportedAccountDto[]): AccountImportReportDto => ({
      dryRun,
      totalRows: rows.length,
      validRows: rows.filter(rowIsValid).length,
      rows: rows.map(reportRow),
      created,
    });
    if (dryRun) return report([]);
    const invalid = rows.filter((row) => !rowIsValid(row));
    if (invalid.length) {
      throw new DomainError(
        'IMPORT_ROWS_INVALID',
        `Có ${invalid.length} dòng lỗi (dòng ${invalid.map((r) => r.row).join(', ')}); chưa tạo tài khoản nào. Sửa các ô được báo rồi nhập lại.`,
        fieldErrors(invalid),
        { report: report([]) },
      );
    }
    const prepared = await Promise.all(
      rows.map(async (row) => {
        const account = await this.admin.prepare(this.dataSource.manager, actor, {
          username: row.username,
          fullName: row.fullName,
          title: row.title,
          email: row.email,
          role: row.role!,
          agencyId: row.agencyCode ? agencyIds.get(row.agencyCode)! : null,
        });
        return { row, account, passwordHash: await hashPassword(account.temporaryPassword) };
      }),
    );
    const created = await this.dataSource.transaction(async (em) => {
      const done: ImportedAccountDto[] = [];
      for (const { row, account, passwordHash } of prepared) {
        const user = await this.admin.insert(em, account, passwordHash);
        if (!user) {
          throw new DomainError('DUPLICATE', `Tên đăng nhập ${row.username} (dòng ${row.row}) vừa được dùng; chưa tạo tài khoản nào.`, {
            [`dòng ${row.row}: username`]: ['đã được dùng'],
          });
        }
        done.push({
          row: row.row,
          id: user.id,
          username: user.username,
          fullName: user.fullName,
          temporaryPassword: account.temporaryPassword,
        });
      }
      return done;
    });
    return report(created);
  }

  /**
   * Adds to each row what only the database and the importer's scope can tell: the agency exists and is active, the
   * username is free, the importer may create this role in this agency. Returns the agencies' ids by code.
   */
  private async check(em: EntityManager, actor: AuthUser, rows: AccountSheetRow[]): Promise<Map<string, string>> {
    const codes = [...new Set(rows.map((r) => r.agencyCode).filter((code): code is string => !!code))];
    const usernames = rows.map((r) => r.username).filter(Boolean);
    const [agencies, taken]: [AgencyRow[], { username: string }[]] = await Promise.all([
      em.query(`SELECT id, upper(code) AS code, status FROM agencies WHERE upper(code) = ANY($1)`, [codes]),
      em.query(`SELECT username FROM users WHERE username = ANY($1)`, [usernames]),
    ]);
    const byCode = new Map(agencies.map((a) => [a.code, a]));
    const takenNames = new Set(taken.map((t) => t.username));
    for (const row of rows) {
      if (takenNames.has(row.username)) addError(row, 'username', 'đã có tài khoản với tên đăng nhập này');
      const agency = row.agencyCode ? byCode.get(row.agencyCode) : undefined;
      if (row.agencyCode && !agency) addError(row, 'agencyCode', `không có cơ quan, đơn vị mã ${row.agencyCode}`);
      else if (agency && agency.status !== 'ACTIVE') addError(row, 'agencyCode', 'cơ quan, đơn vị đã sáp nhập hoặc giải thể');
      if (!row.role || (row.agencyCode && !agency)) continue;
      const agencyId = agency?.id ?? null;
      if (mayAssign(actor, { role: row.role, agencyId }) !== 'ALLOWED') {
        addError(row, actor.role === 'AGENCY_HEAD' ? 'role' : 'agencyCode', 'chỉ được tạo tài khoản cán bộ của cơ quan mình');
        continue;
      }
      const problem = roleAgencyProblem(row.role, agencyId);
      if (problem) addError(row, 'agencyCode', problem);
    }
    return new Map(agencies.map((a) => [a.code, a.id]));
  }
}

function reportRow(row: AccountSheetRow): AccountImportRowDto {
  return {
    row: row.row,
    username: row.username,
    fullName: row.fullName,
    title: row.title,
    email: row.email,
    agencyCode: row.agencyCode,
    role: row.role,
    ok: rowIsValid(row),
    errors: { ...row.errors } as Record<string, string[]>,
  };
}

/** The rows' errors as the problem's `errors`: "dòng 3: username" → messages. */
function fieldErrors(rows: AccountSheetRow[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const row of rows) for (const [field, messages] of Object.entries(row.errors)) errors[`dòng ${row.row}: ${field}`] = messages ?? [];
  return errors;
}
