import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../../access/access.service';
import { AuthUser } from '../../auth/auth-user';
import { Clock } from '../../common/clock';
import { SystemDto } from '../dto/system.dto';
import { SystemsQueryService } from '../systems-query.service';
import { SheetFormat, SystemExportQuery } from './import-export.dto';
import { CSV_MEDIA_TYPE, writeCsv, XLSX_MEDIA_TYPE } from './sheet-file';
import { CellOut, EXAMPLE_SYSTEM, HEADER_ROW, SheetSystem } from './system-columns';
import { formatSystemRow } from './system-sheet';
import { AgencyCode, buildSystemWorkbook } from './system-workbook';

export interface SheetDownload {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

function toSheetSystem(system: SystemDto): SheetSystem {
  return {
    ownerAgencyCode: system.owner.code,
    code: system.code,
    name: system.name,
    operatorAgencyCode: system.operator.code,
    systemType: system.systemType,
    infoTypes: system.infoTypes,
    lifecycle: system.lifecycle,
    goLiveDate: system.goLiveDate,
    hosting: system.hosting,
    internetFacing: system.internetFacing,
    connectsGovNetwork: system.connectsGovNetwork,
    userCount: system.userCount,
    basicPersonalDataSubjects: system.basicPersonalDataSubjects,
    sensitivePersonalDataSubjects: system.sensitivePersonalDataSubjects,
    description: system.description,
    approvedLevel: system.approvedLevel,
    approvalDecisionNumber: system.approvalDecisionNumber,
    approvalDecisionDate: system.approvalDecisionDate,
    approvalDecisionIssuer: system.approvalDecisionIssuer,
    deploymentStatus: system.deploymentStatus,
    internalRegulationNumber: system.internalRegulationNumber,
    internalRegulationDate: system.internalRegulationDate,
  };
}

/** The inventory as a spreadsheet: the import template, and exports with the columns the import reads back. */
@Injectable()
export class SystemsExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly queries: SystemsQueryService,
    private readonly clock: Clock,
  ) {}

  /** Exactly the systems the list shows with these filters, in its order. */
  async export(user: AuthUser, query: SystemExportQuery): Promise<SheetDownload> {
    const { format = 'xlsx', ...filters } = query;
    const systems = await this.queries.all(user, filters);
    return this.file(
      user,
      format,
      `he-thong-thong-tin-${this.clock.today()}`,
      systems.map((s) => formatSystemRow(toSheetSystem(s))),
    );
  }

  template(user: AuthUser, format: SheetFormat = 'xlsx'): Promise<SheetDownload> {
    return this.file(user, format, 'mau-nhap-he-thong', [formatSystemRow(EXAMPLE_SYSTEM)]);
  }

  private async file(user: AuthUser, format: SheetFormat, baseName: string, rows: CellOut[][]): Promise<SheetDownload> {
    if (format === 'csv') return { fileName: `${baseName}.csv`, mediaType: CSV_MEDIA_TYPE, content: writeCsv([HEADER_ROW, ...rows]) };
    return {
      fileName: `${baseName}.xlsx`,
      mediaType: XLSX_MEDIA_TYPE,
      content: await buildSystemWorkbook(rows, await this.agencyCodes(user)),
    };
  }

  /** The agencies the user may see, listed in the workbook so that codes need not be looked up elsewhere. */
  private agencyCodes(user: AuthUser): Promise<AgencyCode[]> {
    const scope = this.access.agencyScope(user, 'a');
    return this.dataSource
      .createQueryBuilder()
      .select('a.code', 'code')
      .addSelect('a.name', 'name')
      .from('agencies', 'a')
      .where(scope.sql, scope.params)
      .orderBy('a.code')
      .getRawMany<AgencyCode>();
  }
}
