import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { readsOwnAgencyOnly } from '../access/access-rules';
import { AuthUser } from '../auth/auth-user';
import { DomainError, notFound } from '../common/errors/domain-error';

export interface ReportScope {
  provinceCode: string;
  rootAgencyId?: string;
  /** An officer's (or the agency head's) report: its own agency only, not the bodies under it (they see their own agency's systems). */
  ownAgencyOnly?: boolean;
  title: string;
}

/** Every province at once: the national approval-rate report, for administrators (`scope=national`). */
export interface NationalReportScope {
  provinceCode: null;
  rootAgencyId?: undefined;
  ownAgencyOnly?: undefined;
  title: string;
}

export const NATIONAL_SCOPE = 'national';

/**
 * A scope whose title may still need the name of a province's People's Committee ("UBND tỉnh Sơn La"), which the
 * caller reads with its figures (`committeeNames`): `titledBy` is that province (null when the title is known), and
 * `titleFor` gives the title from the name read (null: no committee on record).
 */
export type UntitledScope<S extends { title: string }> = Omit<S, 'title'> & {
  titledBy: string | null;
  titleFor: (committeeName: string | null) => string;
};

/**
 * The name of each province's People's Committee (of the provinces given, or of every province when null), the body
 * that titles a province's report: the one still in existence first, then the one that ended last.
 */
export async function committeeNames(em: EntityManager, provinceCodes: string[] | null): Promise<Map<string, string>> {
  const rows: { province: string; name: string }[] = await em.query(
    `SELECT DISTINCT ON (province_code) province_code AS province, name FROM agencies
      WHERE kind = 'province_committee' AND ($1::varchar[] IS NULL OR province_code = ANY($1::varchar[]))
      ORDER BY province_code, valid_to DESC NULLS FIRST, code`,
    [provinceCodes],
  );
  return new Map(rows.map((row) => [row.province, row.name]));
}

export interface ReportScopeChoices {
  provinces: { code: string; name: string }[];
  bodies: { id: string; code: string; name: string }[];
}

/** Which bodies a report covers: the caller's province, an officer's own agency, or what an admin asks for (a province, an agency's subtree, or the whole country). */
@Injectable()
export class ReportScopeService {
  constructor(private readonly dataSource: DataSource) {}

  async resolve(em: EntityManager, user: AuthUser, query: { rootAgency?: string; province?: string }): Promise<ReportScope> {
    const { titledBy, titleFor, ...scope } = await this.resolveUntitled(em, user, query);
    return { ...scope, title: titleFor(await committeeOf(em, titledBy)) };
  }

  /** As `resolve`, the committee's name for a province's title left to the caller (`UntitledScope`). */
  private async resolveUntitled(
    em: EntityManager,
    user: AuthUser,
    query: { rootAgency?: string; province?: string },
  ): Promise<UntitledScope<ReportScope>> {
    const ready = async (scope: Promise<ReportScope>): Promise<UntitledScope<ReportScope>> => {
      const { title, ...rest } = await scope;
      return { ...rest, titledBy: null, titleFor: () => title };
    };
    const byCommittee = (provinceCode: string, fallback: string): UntitledScope<ReportScope> => ({
      provinceCode,
      titledBy: provinceCode,
      titleFor: (committeeName) => committeeName ?? fallback,
    });
    if (readsOwnAgencyOnly(user)) return ready(this.forAgency(em, user.agencyId!).then((scope) => ({ ...scope, ownAgencyOnly: true })));
    if (user.role !== 'ADMIN') {
      if (query.rootAgency || query.province) throw new DomainError('FORBIDDEN', 'Chỉ quản trị viên được chọn phạm vi báo cáo khác.');
      return byCommittee(user.provinceCode!, user.provinceCode!);
    }
    if (query.rootAgency) return ready(this.forAgency(em, query.rootAgency));
    if (!query.province)
      throw new DomainError('VALIDATION_FAILED', 'Quản trị viên cần chọn tỉnh hoặc cơ quan gốc của báo cáo.', {
        province: ['bắt buộc khi không có rootAgency'],
      });
    return byCommittee(query.province, `Tỉnh ${query.province}`);
  }

  /** As `resolve`, and for administrators also the whole country (`scope=national`, or neither province nor rootAgency). */
  async resolveOrNational(
    em: EntityManager,
    user: AuthUser,
    query: { rootAgency?: string; province?: string; scope?: string },
  ): Promise<ReportScope | NationalReportScope> {
    const { titledBy, titleFor, ...scope } = await this.resolveOrNationalUntitled(em, user, query);
    return { ...scope, title: titleFor(await committeeOf(em, titledBy)) };
  }

  /**
   * As `resolveOrNational`, the committee's name for a province's title left to the caller: a report that keeps its
   * province's figures keeps that name with them (ReportProgressCache), one query less.
   */
  async resolveOrNationalUntitled(
    em: EntityManager,
    user: AuthUser,
    query: { rootAgency?: string; province?: string; scope?: string },
  ): Promise<UntitledScope<ReportScope> | UntitledScope<NationalReportScope>> {
    // An administrator who names neither a province nor a body gets the whole country (issue 21, 23): not a dead end.
    const national = query.scope === NATIONAL_SCOPE || (user.role === 'ADMIN' && !query.province && !query.rootAgency && !query.scope);
    if (!national) return this.resolveUntitled(em, user, query);
    if (user.role !== 'ADMIN') throw new DomainError('FORBIDDEN', 'Chỉ quản trị viên được xem báo cáo toàn quốc.');
    if (query.rootAgency || query.province) {
      throw new DomainError('VALIDATION_FAILED', 'Báo cáo toàn quốc không kèm tỉnh hay cơ quan gốc.', {
        scope: ['không dùng cùng province hoặc rootAgency'],
      });
    }
    return { provinceCode: null, titledBy: null, titleFor: () => 'Toàn quốc' };
  }

  /**
   * What an administrator may choose on the report page: the provinces that have bodies, and — for one province — its
   * bodies that have units under them (a report for "a body and its subordinate units"), by Vietnamese name order.
   */
  async choices(provinceCode?: string): Promise<ReportScopeChoices> {
    const em = this.dataSource.manager;
    const provinces: { code: string; name: string }[] = await em.query(
      `SELECT code, name FROM (
         SELECT a.province_code AS code,
                coalesce(max(a.name) FILTER (WHERE a.kind = 'province_committee' AND a.valid_to IS NULL), 'Tỉnh ' || a.province_code) AS name
           FROM agencies a GROUP BY a.province_code) p
        ORDER BY name COLLATE "vi-x-icu", code`,
    );
    const bodies: { id: string; code: string; name: string }[] = provinceCode
      ? await em.query(
          `SELECT a.id, a.code, a.name FROM agencies a
            WHERE a.province_code = $1 AND a.valid_to IS NULL
              AND EXISTS (SELECT 1 FROM agencies c WHERE c.parent_id = a.id AND c.valid_to IS NULL)
            ORDER BY a.name COLLATE "vi-x-icu", a.code`,
          [provinceCode],
        )
      : [];
    return { provinces, bodies };
  }

  private async forAgency(em: EntityManager, agencyId: string): Promise<ReportScope> {
    const [agency] = await em.query(`SELECT id, name, province_code FROM agencies WHERE id = $1`, [agencyId]);
    if (!agency) throw notFound('Không tìm thấy cơ quan, đơn vị.');
    return { provinceCode: agency.province_code, rootAgencyId: agency.id, title: agency.name };
  }
}

/** The name of the province's People's Committee (none asked for: null). */
async function committeeOf(em: EntityManager, provinceCode: string | null): Promise<string | null> {
  return provinceCode === null ? null : ((await committeeNames(em, [provinceCode])).get(provinceCode) ?? null);
}
