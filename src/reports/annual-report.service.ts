import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import { placeOf, provincePlaceOf } from '../documents/document-wording';
import type { LetterAgency, LetterIssuer } from './annual-report.letter';
import { AnnualReportDto, AnnualReportQuery } from './dto/annual-report.dto';
import { annualNationalGroups, annualProvinces, annualSystems } from './annual-report.query';
import { mapAnnualRow, mau08Facts } from './annual-report.mapper';
import { annualPeriod, figuresDate, Mau08Facts, ReportingPeriod, reportingYearOf, summarize, summarizeCounted } from './mau08';
import { committeeNames, ReportScopeService } from './report-scope';
import { scopeOwnerIds } from './report-scope-owners';
import { formatDateVi } from './report-text';

/**
 * The annual report on systems by level (Mẫu 08, Decree 331 Arts. 35–36): every system of the caller's scope with
 * its approval status, decision, plan deployment and inspections, and the summary counts, over the reporting period.
 * For an administrator, also the whole country (`scope=national`, or no province nor body): the figures only, summed
 * over every system and given by province — no list of the country's systems, which stays in each province's report.
 */
@Injectable()
export class AnnualReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ReportScopeService,
    private readonly clock: Clock,
  ) {}

  async report(user: AuthUser, query: AnnualReportQuery): Promise<AnnualReportDto> {
    const em = this.dataSource.manager;
    const today = this.clock.today();
    const period = annualPeriod(query.year ?? reportingYearOf(today));
    const asOf = figuresDate(period, today);
    if (asOf === null) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `Kỳ báo cáo năm ${period.year} bắt đầu từ ngày ${formatDateVi(period.from)}, chưa có số liệu.`,
        { year: ['kỳ báo cáo chưa bắt đầu'] },
      );
    }
    const scope = await this.scopes.resolveOrNational(em, user, query);
    if (scope.provinceCode === null) return this.national(period, asOf, scope.title);
    const ownerIds = await scopeOwnerIds(em, user, scope, asOf);
    const rows = await annualSystems(em, { provinceCode: scope.provinceCode, asOf, ownerIds });
    const mapped = rows.map((row, i) => mapAnnualRow(row, i + 1, period, asOf));
    return {
      period,
      asOf,
      periodComplete: asOf === period.to,
      scope: { provinceCode: scope.provinceCode, rootAgency: scope.rootAgencyId ?? null, title: scope.title },
      summary: summarize(mapped.map((m) => m.facts)),
      systems: mapped.map((m) => m.dto),
    };
  }

  /**
   * The national summary: one statement groups the country's systems by province and by the facts the summary counts
   * (so the work grows with the provinces, not the systems), then the same rules as a province's report count them.
   */
  private async national(period: ReportingPeriod, asOf: string, title: string): Promise<AnnualReportDto> {
    const em = this.dataSource.manager;
    const [groups, provinces] = await Promise.all([annualNationalGroups(em, { from: period.from, asOf }), annualProvinces(em)]);
    const byProvince = new Map<string, { facts: Mau08Facts; count: number }[]>();
    for (const group of groups) {
      const list = byProvince.get(group.provinceCode) ?? [];
      list.push({ facts: mau08Facts(group), count: group.count });
      byProvince.set(group.provinceCode, list);
    }
    // Every province with bodies (one with no system yet reads 0), then any province code known only from systems.
    const titles = new Map(provinces.map((p) => [p.code, p.title]));
    const codes = [...titles.keys(), ...[...byProvince.keys()].filter((code) => !titles.has(code)).sort()];
    return {
      period,
      asOf,
      periodComplete: asOf === period.to,
      scope: { provinceCode: null, rootAgency: null, title },
      summary: summarizeCounted([...byProvince.values()].flat()),
      systems: [],
      provinces: codes.map((code) => ({
        provinceCode: code,
        title: titles.get(code) ?? `Tỉnh ${code}`,
        summary: summarizeCounted(byProvince.get(code) ?? []),
      })),
    };
  }

  /**
   * Who signs the letter (Mẫu 08 "(CHỦ QUẢN HỆ THỐNG THÔNG TIN)"): the scope's agency, or the province's People's
   * Committee for the whole province; its specialised unit is the one its routing rules name. Read only.
   */
  async letterIssuer(report: AnnualReportDto): Promise<LetterIssuer> {
    const em = this.dataSource.manager;
    const provinceCode = report.scope.provinceCode;
    // The national summary is nobody's letter (docs/legal/annual-report.md): it has no issuer.
    if (provinceCode === null) throw new Error('The national Mẫu 08 summary has no issuer');
    const select = `SELECT a.id, a.name, a.kind, a.functions_document, a.representative_name, a.representative_title, a.address,
                           a.phone, a.email, p.name AS parent_name, p.kind AS parent_kind
                      FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id`;
    const [owner] = report.scope.rootAgency
      ? await em.query(`${select} WHERE a.id = $1`, [report.scope.rootAgency])
      : await em.query(
          // The same People's Committee as the report's title (`committeeNames`): the one still in existence first.
          `${select} WHERE a.province_code = $1 AND a.kind = 'province_committee' ORDER BY a.valid_to DESC NULLS FIRST, a.code LIMIT 1`,
          [provinceCode],
        );
    const committee = (await committeeNames(em, [provinceCode])).get(provinceCode);
    const [unit] = owner
      ? await em.query(
          `${select} JOIN routing_rules r ON r.specialised_unit_agency_id = a.id
            WHERE r.owner_agency_id = $1 AND r.active ORDER BY r.priority DESC LIMIT 1`,
          [owner.id],
        )
      : [];
    const agency = (row: Record<string, string | null>): LetterAgency => ({
      name: row.name!,
      parentName: row.parent_name,
      functionsDocument: row.functions_document,
      representativeName: row.representative_name,
      representativeTitle: row.representative_title,
      address: row.address,
      phone: row.phone,
      email: row.email,
    });
    const provincePlace = provincePlaceOf(committee, provinceCode);
    return {
      owner: owner ? agency(owner) : { name: report.scope.title },
      specialisedUnit: unit ? agency(unit) : null,
      place: owner
        ? placeOf(
            { name: owner.name, kind: owner.kind, parent: owner.parent_name ? { name: owner.parent_name, kind: owner.parent_kind } : null },
            provincePlace,
          )
        : provincePlace,
    };
  }
}
