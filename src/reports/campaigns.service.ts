import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { readsOwnAgencyOnly } from '../access/access-rules';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { DomainError, notFound } from '../common/errors/domain-error';
import { CampaignBodyDto, CampaignDto, CampaignProgressDto, CreateCampaignDto, ProgressQuery } from './dto/campaign.dto';
import { ReportProgressCache } from './report-progress-cache';
import { rate, TIER_LABELS, tierOf, Tier } from './report-tiers';

interface CampaignRow {
  id: string;
  number: string;
  issued_on: string;
  issuer: string;
  title: string;
  deadline: string;
  target: 'SUBMITTED' | 'APPROVED';
  province_code: string;
  addressed: number;
}

const SUBMISSION_LABELS = { ON_TIME: 'Đã gửi đúng hạn', LATE: 'Gửi quá hạn', NOT_YET: 'Chưa gửi' } as const;

/** Deadline campaigns tied to a dispatch, and their progress body by body as of any date. */
@Injectable()
export class CampaignsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly progressCache: ReportProgressCache,
  ) {}

  create(user: AuthUser, dto: CreateCampaignDto): Promise<CampaignDto> {
    const province = user.role === 'ADMIN' ? dto.province : user.provinceCode;
    if (!province) throw new DomainError('VALIDATION_FAILED', 'Cần chọn tỉnh của chiến dịch.', { province: ['bắt buộc'] });
    if (dto.deadline < dto.issuedOn)
      throw new DomainError('VALIDATION_FAILED', 'Hạn hoàn thành phải sau ngày ban hành văn bản.', {
        deadline: ['phải từ ngày ban hành trở đi'],
      });
    return this.dataSource.transaction(async (em) => {
      const exists = await em.query(`SELECT 1 FROM campaigns WHERE province_code = $1 AND number = $2`, [province, dto.number]);
      if (exists.length)
        throw new DomainError('DUPLICATE', `Đã có chiến dịch theo văn bản số ${dto.number}.`, { number: ['đã được dùng'] });
      const [row] = await em.query(
        `INSERT INTO campaigns (province_code, number, issued_on, issuer, title, deadline, target, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [province, dto.number, dto.issuedOn, dto.issuer, dto.title, dto.deadline, dto.target, user.id],
      );
      const agencies: { id: string; kind: string }[] = await em.query(
        `SELECT id, kind FROM agencies WHERE province_code = $1 AND status = 'ACTIVE' AND ($2::uuid[] IS NULL OR id = ANY($2))`,
        [province, dto.agencyIds ?? null],
      );
      if (dto.agencyIds && agencies.length !== dto.agencyIds.length) {
        throw new DomainError('VALIDATION_FAILED', 'Có cơ quan không thuộc tỉnh hoặc không còn hoạt động.', {
          agencyIds: ['có mã không hợp lệ'],
        });
      }
      const addressed = agencies.filter((a) => !dto.tiers || dto.tiers.includes(tierOf(a.kind)));
      if (addressed.length === 0)
        throw new DomainError('VALIDATION_FAILED', 'Chiến dịch chưa giao cho cơ quan nào.', {
          agencyIds: ['không có cơ quan nào được giao'],
        });
      await em.query(`INSERT INTO campaign_agencies (campaign_id, agency_id) SELECT $1, unnest($2::uuid[])`, [
        row.id,
        addressed.map((a) => a.id),
      ]);
      const created = await this.find(em.query.bind(em), row.id);
      await this.audit.record(em, { action: 'CREATE', entityType: 'campaign', entityId: row.id, after: created });
      return created;
    });
  }

  async list(user: AuthUser): Promise<CampaignDto[]> {
    const rows: CampaignRow[] = await this.dataSource.query(
      `SELECT c.*, to_char(c.issued_on, 'YYYY-MM-DD') AS issued_on, to_char(c.deadline, 'YYYY-MM-DD') AS deadline,
              (SELECT count(*)::int FROM campaign_agencies ca WHERE ca.campaign_id = c.id) AS addressed
         FROM campaigns c WHERE ($1::text IS NULL OR c.province_code = $1) ORDER BY c.issued_on DESC`,
      [user.role === 'ADMIN' ? null : user.provinceCode],
    );
    return rows.map(mapCampaign);
  }

  async progress(user: AuthUser, id: string, query: ProgressQuery): Promise<CampaignProgressDto> {
    const campaign = await this.find(this.dataSource.query.bind(this.dataSource), id);
    if (user.role !== 'ADMIN' && campaign.provinceCode !== user.provinceCode) throw notFound('Không tìm thấy chiến dịch.');
    const asOf = query.asOf ?? this.clock.today();
    const addressed: { agency_id: string }[] = await this.dataSource.query(
      `SELECT agency_id FROM campaign_agencies WHERE campaign_id = $1`,
      [id],
    );
    const addressedIds = new Set(addressed.map((a) => a.agency_id));
    const progress = await this.progressCache.progress({ provinceCode: campaign.provinceCode, asOf });
    const mine = readsOwnAgencyOnly(user) ? (r: { id: string }) => r.id === user.agencyId : () => true;
    const bodies: CampaignBodyDto[] = progress
      .filter((r) => addressedIds.has(r.id) && mine(r))
      .map((r) => {
        const submission = r.firstSubmittedOn === null ? 'NOT_YET' : r.firstSubmittedOn <= campaign.deadline ? 'ON_TIME' : 'LATE';
        return {
          code: r.code,
          name: r.name,
          tierLabel: TIER_LABELS[tierOf(r.kind) as Tier],
          submission,
          submissionLabel: SUBMISSION_LABELS[submission],
          submittedOn: r.firstSubmittedOn,
          approved: r.firstApprovedOn !== null,
          approvedOn: r.firstApprovedOn,
        };
      });
    const count = (p: (b: CampaignBodyDto) => boolean) => bodies.filter(p).length;
    const metTarget =
      campaign.target === 'SUBMITTED'
        ? count((b) => b.submission === 'ON_TIME')
        : count((b) => b.approvedOn !== null && b.approvedOn <= campaign.deadline);
    return {
      campaign,
      asOf,
      deadlinePassed: asOf > campaign.deadline,
      counts: {
        addressed: bodies.length,
        onTime: count((b) => b.submission === 'ON_TIME'),
        late: count((b) => b.submission === 'LATE'),
        notYet: count((b) => b.submission === 'NOT_YET'),
        approved: count((b) => b.approved),
        metTarget,
        targetRate: rate(metTarget, bodies.length),
      },
      bodies,
      notYetSubmitted: bodies.filter((b) => b.submission === 'NOT_YET'),
    };
  }

  private async find(query: (sql: string, params: unknown[]) => Promise<CampaignRow[]>, id: string): Promise<CampaignDto> {
    const [row] = await query(
      `SELECT c.*, to_char(c.issued_on, 'YYYY-MM-DD') AS issued_on, to_char(c.deadline, 'YYYY-MM-DD') AS deadline,
              (SELECT count(*)::int FROM campaign_agencies ca WHERE ca.campaign_id = c.id) AS addressed
         FROM campaigns c WHERE c.id = $1`,
      [id],
    );
    if (!row) throw notFound('Không tìm thấy chiến dịch.');
    return mapCampaign(row);
  }
}

function mapCampaign(r: CampaignRow): CampaignDto {
  return {
    id: r.id,
    number: r.number,
    issuedOn: r.issued_on,
    issuer: r.issuer,
    title: r.title,
    deadline: r.deadline,
    target: r.target,
    provinceCode: r.province_code,
    addressed: r.addressed,
  };
}
