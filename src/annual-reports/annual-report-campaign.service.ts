import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { readsOwnAgencyOnly } from '../access/access-rules';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { DomainError, notFound } from '../common/errors/domain-error';
import { annualPeriod } from '../reports/mau08';
import { annualBodies, AnnualBodyRow } from './annual-report-bodies.query';
import { ANNUAL_STAGE_LABELS, ANNUAL_STAGES, stageDeadline, submissionState, SUBMISSION_STATE_LABELS } from './annual-report-deadlines';
import {
  AnnualBodyDto,
  AnnualProgressDto,
  AnnualProgressQuery,
  AnnualSubmissionDto,
  RecordAnnualSubmissionDto,
} from './dto/annual-report-campaign.dto';

/**
 * The annual report as a campaign of its own: which bodies of a province owe it for a year, who has sent it (on time,
 * late) and who is overdue; and recording that a body sent it.
 */
@Injectable()
export class AnnualReportCampaignService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async progress(user: AuthUser, year: number, query: AnnualProgressQuery): Promise<AnnualProgressDto> {
    const em = this.dataSource.manager;
    const today = this.clock.today();
    const asOf = query.asOf ?? today;
    let provinceCode = user.provinceCode;
    if (user.role === 'ADMIN') {
      if (!query.province)
        throw new DomainError('VALIDATION_FAILED', 'Quản trị viên cần chọn tỉnh.', { province: ['bắt buộc với quản trị viên'] });
      provinceCode = query.province;
    } else if (query.province && query.province !== user.provinceCode) {
      throw new DomainError('FORBIDDEN', 'Chỉ quản trị viên được chọn tỉnh khác.');
    }
    const own = readsOwnAgencyOnly(user) ? user.agencyId! : null;
    const rows = await annualBodies(em, { provinceCode: provinceCode!, asOf, year, agencyId: own });
    const period = annualPeriod(year);
    return {
      year,
      asOf,
      periodFrom: period.from,
      periodTo: period.to,
      provinceCode: provinceCode!,
      stages: ANNUAL_STAGES.map((stage) => {
        const bodies = rows.filter((r) => r.stage === stage).map((r) => mapBody(r, year, asOf));
        const count = (state: string) => bodies.filter((b) => b.state === state).length;
        return {
          stage,
          label: ANNUAL_STAGE_LABELS[stage],
          deadline: stageDeadline(year, stage),
          expected: bodies.length,
          onTime: count('ON_TIME'),
          late: count('LATE'),
          notYet: count('NOT_YET'),
          overdue: count('OVERDUE'),
          bodies,
        };
      }),
    };
  }

  submit(user: AuthUser, year: number, dto: RecordAnnualSubmissionDto): Promise<AnnualSubmissionDto> {
    const agencyId = user.role === 'ADMIN' ? dto.agencyId : user.agencyId;
    if (!agencyId)
      throw new DomainError('VALIDATION_FAILED', 'Cần chọn cơ quan gửi báo cáo.', { agencyId: ['bắt buộc với quản trị viên'] });
    if (user.role !== 'ADMIN' && dto.agencyId && dto.agencyId !== user.agencyId) throw notFound('Không tìm thấy cơ quan, đơn vị.');
    const today = this.clock.today();
    const period = annualPeriod(year);
    if (dto.sentOn > today || dto.sentOn < period.from) {
      throw new DomainError('VALIDATION_FAILED', `Ngày gửi phải từ ${dayVi(period.from)} đến hôm nay.`, {
        sentOn: ['không trước kỳ số liệu và không sau hôm nay'],
      });
    }
    return this.dataSource.transaction(async (em) => {
      const [agency] = await em.query(`SELECT id, province_code FROM agencies WHERE id = $1`, [agencyId]);
      if (!agency) throw notFound('Không tìm thấy cơ quan, đơn vị.');
      const expected = await annualBodies(em, { provinceCode: agency.province_code, asOf: today, year, agencyId });
      if (!expected.some((b) => b.stage === dto.stage)) {
        throw new DomainError(
          'ANNUAL_REPORT_STAGE_NOT_OWED',
          `Cơ quan không phải gửi báo cáo ở bước "${ANNUAL_STAGE_LABELS[dto.stage]}".`,
          {
            stage: ['cơ quan không có hệ thống nào ở bước này'],
          },
        );
      }
      const [row] = await em.query(
        `INSERT INTO annual_report_submissions (agency_id, year, stage, sent_on, document_number, recipient, note, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (agency_id, year, stage) DO NOTHING
         RETURNING id, agency_id, year, stage, to_char(sent_on, 'YYYY-MM-DD') AS sent_on, document_number, recipient, note`,
        [agencyId, year, dto.stage, dto.sentOn, dto.documentNumber, dto.recipient ?? null, dto.note ?? null, user.id],
      );
      if (!row) throw new DomainError('DUPLICATE', `Đã ghi nhận báo cáo năm ${year} của cơ quan ở bước này.`, { stage: ['đã ghi nhận'] });
      const created: AnnualSubmissionDto = {
        id: row.id,
        agencyId: row.agency_id,
        year: row.year,
        stage: row.stage,
        sentOn: row.sent_on,
        documentNumber: row.document_number,
        recipient: row.recipient,
        note: row.note,
      };
      await this.audit.record(em, { action: 'CREATE', entityType: 'annual_report_submission', entityId: row.id, after: created });
      return created;
    });
  }
}

function mapBody(r: AnnualBodyRow, year: number, asOf: string): AnnualBodyDto {
  const state = submissionState(year, r.stage, r.sent_on, asOf);
  return {
    agencyId: r.agency_id,
    code: r.code,
    name: r.name,
    stage: r.stage,
    deadline: stageDeadline(year, r.stage),
    state,
    stateLabel: SUBMISSION_STATE_LABELS[state],
    sentOn: r.sent_on,
    documentNumber: r.document_number,
  };
}

function dayVi(day: string): string {
  return day.split('-').reverse().join('/');
}
