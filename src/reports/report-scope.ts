import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
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

/** Which bodies a report covers: the caller's province, an officer's own agency, or what an admin asks for (a province, an agency's subtree, or the whole country). */
@Injectable()
export class ReportScopeService {
  async resolve(em: EntityManager, user: AuthUser, query: { rootAgency?: string; province?: string }): Promise<ReportScope> {
    if (readsOwnAgencyOnly(user)) return { ...(await this.forAgency(em, user.agencyId!)), ownAgencyOnly: true };
    if (user.role !== 'ADMIN') {
      if (query.rootAgency || query.province) throw new DomainError('FORBIDDEN', 'Chỉ quản trị viên được chọn phạm vi báo cáo khác.');
      const [{ name }] = await em.query(
        `SELECT coalesce((SELECT name FROM agencies WHERE province_code = $1 AND kind = 'province_committee' LIMIT 1), $1) AS name`,
        [user.provinceCode],
      );
      return { provinceCode: user.provinceCode!, title: name };
    }
    if (query.rootAgency) return this.forAgency(em, query.rootAgency);
    if (!query.province)
      throw new DomainError('VALIDATION_FAILED', 'Quản trị viên cần chọn tỉnh hoặc cơ quan gốc của báo cáo.', {
        province: ['bắt buộc khi không có rootAgency'],
      });
    return { provinceCode: query.province, title: `Tỉnh ${query.province}` };
  }

  /** As `resolve`, and for administrators also the whole country (`scope=national`, without province or rootAgency). */
  async resolveOrNational(
    em: EntityManager,
    user: AuthUser,
    query: { rootAgency?: string; province?: string; scope?: string },
  ): Promise<ReportScope | NationalReportScope> {
    if (query.scope !== NATIONAL_SCOPE) return this.resolve(em, user, query);
    if (user.role !== 'ADMIN') throw new DomainError('FORBIDDEN', 'Chỉ quản trị viên được xem báo cáo toàn quốc.');
    if (query.rootAgency || query.province) {
      throw new DomainError('VALIDATION_FAILED', 'Báo cáo toàn quốc không kèm tỉnh hay cơ quan gốc.', {
        scope: ['không dùng cùng province hoặc rootAgency'],
      });
    }
    return { provinceCode: null, title: 'Toàn quốc' };
  }

  private async forAgency(em: EntityManager, agencyId: string): Promise<ReportScope> {
    const [agency] = await em.query(`SELECT id, name, province_code FROM agencies WHERE id = $1`, [agencyId]);
    if (!agency) throw notFound('Không tìm thấy cơ quan, đơn vị.');
    return { provinceCode: agency.province_code, rootAgencyId: agency.id, title: agency.name };
  }
}
