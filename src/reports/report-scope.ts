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

/** A scope whose title is still being read. */
export type PendingTitle<S extends { title: string }> = Omit<S, 'title'> & { title: Promise<string> };

export interface ReportScopeChoices {
  provinces: { code: string; name: string }[];
  bodies: { id: string; code: string; name: string }[];
}

/** Which bodies a report covers: the caller's province, an officer's own agency, or what an admin asks for (a province, an agency's subtree, or the whole country). */
@Injectable()
export class ReportScopeService {
  constructor(private readonly dataSource: DataSource) {}

  async resolve(em: EntityManager, user: AuthUser, query: { rootAgency?: string; province?: string }): Promise<ReportScope> {
    const scope = await this.resolvePending(em, user, query);
    return { ...scope, title: await scope.title };
  }

  /** As `resolve`, with a province's title still being read (`title`, to be awaited beside the caller's next reads). */
  private async resolvePending(
    em: EntityManager,
    user: AuthUser,
    query: { rootAgency?: string; province?: string },
  ): Promise<PendingTitle<ReportScope>> {
    const ready = async (scope: Promise<ReportScope>): Promise<PendingTitle<ReportScope>> => {
      const { title, ...rest } = await scope;
      return { ...rest, title: Promise.resolve(title) };
    };
    if (readsOwnAgencyOnly(user)) return ready(this.forAgency(em, user.agencyId!).then((scope) => ({ ...scope, ownAgencyOnly: true })));
    if (user.role !== 'ADMIN') {
      if (query.rootAgency || query.province) throw new DomainError('FORBIDDEN', 'Chỉ quản trị viên được chọn phạm vi báo cáo khác.');
      return { provinceCode: user.provinceCode!, title: this.provinceTitle(em, user.provinceCode!, user.provinceCode!) };
    }
    if (query.rootAgency) return ready(this.forAgency(em, query.rootAgency));
    if (!query.province)
      throw new DomainError('VALIDATION_FAILED', 'Quản trị viên cần chọn tỉnh hoặc cơ quan gốc của báo cáo.', {
        province: ['bắt buộc khi không có rootAgency'],
      });
    return { provinceCode: query.province, title: this.provinceTitle(em, query.province, `Tỉnh ${query.province}`) };
  }

  /** A province's report is titled by its People's Committee ("UBND tỉnh Sơn La"), else the fallback. */
  private async provinceTitle(em: EntityManager, provinceCode: string, fallback: string): Promise<string> {
    const [{ name }] = await em.query(
      `SELECT coalesce((SELECT name FROM agencies WHERE province_code = $1 AND kind = 'province_committee' LIMIT 1), $2) AS name`,
      [provinceCode, fallback],
    );
    return name;
  }

  /** As `resolve`, and for administrators also the whole country (`scope=national`, or neither province nor rootAgency). */
  async resolveOrNational(
    em: EntityManager,
    user: AuthUser,
    query: { rootAgency?: string; province?: string; scope?: string },
  ): Promise<ReportScope | NationalReportScope> {
    const scope = await this.resolveOrNationalPending(em, user, query);
    return { ...scope, title: await scope.title };
  }

  /**
   * As `resolveOrNational`, with a province's title still being read: a report that reads its figures next awaits
   * `title` beside them, one round trip less.
   */
  async resolveOrNationalPending(
    em: EntityManager,
    user: AuthUser,
    query: { rootAgency?: string; province?: string; scope?: string },
  ): Promise<PendingTitle<ReportScope> | PendingTitle<NationalReportScope>> {
    // An administrator who names neither a province nor a body gets the whole country (issue 21, 23): not a dead end.
    const national = query.scope === NATIONAL_SCOPE || (user.role === 'ADMIN' && !query.province && !query.rootAgency && !query.scope);
    if (!national) return this.resolvePending(em, user, query);
    if (user.role !== 'ADMIN') throw new DomainError('FORBIDDEN', 'Chỉ quản trị viên được xem báo cáo toàn quốc.');
    if (query.rootAgency || query.province) {
      throw new DomainError('VALIDATION_FAILED', 'Báo cáo toàn quốc không kèm tỉnh hay cơ quan gốc.', {
        scope: ['không dùng cùng province hoặc rootAgency'],
      });
    }
    return { provinceCode: null, title: Promise.resolve('Toàn quốc') };
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
