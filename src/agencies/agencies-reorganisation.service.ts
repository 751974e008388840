import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { provinceFilter } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import { DomainError, notFound } from '../common/errors/domain-error';
import { foldDiacritics } from '../common/text/vietnamese';
import { moveOpenDossiersToSuccessor } from '../dossiers/dossier-writes';
import { moveSystemsToSuccessor } from '../systems/system-writes';
import { UsersService } from '../users/users.service';
import { AgenciesAdminService } from './agencies-admin.service';
import { MergeAgenciesDto, RenameAgencyDto, ReorganisationDto } from './dto/reorganisation.dto';
import { dayBefore, mergeErrors, ReorgAgency } from './reorganisation-rules';

interface ReorgRow {
  id: string;
  kind: string;
  effective_date: string;
  decision_number: string;
  decision_date: string | null;
  decision_issuer: string | null;
  successor_agency_id: string | null;
  source_agency_ids: string[];
  new_name: string | null;
  moved_systems: number;
  moved_users: number;
  note: string | null;
  created_at: Date;
}

/**
 * Merges and renames of agencies. Nothing is deleted: sources end (validTo, successor), their systems and
 * accounts move to the successor from the effective date, and the history tables keep who was who before.
 */
@Injectable()
export class AgenciesReorganisationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly agencies: AgenciesAdminService,
    private readonly users: UsersService,
    private readonly clock: Clock,
  ) {}

  merge(user: AuthUser, dto: MergeAgenciesDto): Promise<ReorganisationDto> {
    if (!!dto.successorAgencyId === !!dto.newAgency) {
      throw new DomainError('REORGANISATION_INVALID', 'Chọn một cơ quan tiếp nhận đã có hoặc khai báo cơ quan mới, không cả hai.', {
        successorAgencyId: ['cần đúng một trong successorAgencyId hoặc newAgency'],
      });
    }
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT set_config('capdo.effective_date', $1, true)`, [dto.effectiveDate]);
      const sources = await this.load(em, dto.sourceAgencyIds);
      if (sources.length !== dto.sourceAgencyIds.length)
        throw new DomainError('REORGANISATION_INVALID', 'Không tìm thấy một số cơ quan bị sáp nhập.', {
          sourceAgencyIds: ['có mã không tồn tại'],
        });
      const existing = dto.successorAgencyId ? (await this.load(em, [dto.successorAgencyId]))[0] : 'NEW';
      if (!existing)
        throw new DomainError('REORGANISATION_INVALID', 'Không tìm thấy cơ quan tiếp nhận.', { successorAgencyId: ['không tồn tại'] });
      const errors = mergeErrors({ sources, successor: existing, effectiveDate: dto.effectiveDate, today: this.clock.today() });
      if (Object.keys(errors).length) throw new DomainError('REORGANISATION_INVALID', 'Không thể ghi nhận việc sáp nhập này.', errors);

      const successorId =
        existing === 'NEW'
          ? (
              await this.agencies.createIn(em, {
                ...dto.newAgency!,
                validFrom: dto.effectiveDate,
                provinceCode: dto.newAgency!.provinceCode ?? sources[0].provinceCode,
              })
            ).id
          : existing.id;
      const sourceIds = sources.map((s) => s.id);
      const endDate = dayBefore(dto.effectiveDate);

      for (const source of sources) {
        const [before] = await em.query(`SELECT * FROM agencies WHERE id = $1`, [source.id]);
        await em.query(
          `UPDATE agencies SET status = 'MERGED', valid_to = $2, successor_id = $3, version = version + 1, updated_at = now() WHERE id = $1`,
          [source.id, endDate, successorId],
        );
        const [after] = await em.query(`SELECT * FROM agencies WHERE id = $1`, [source.id]);
        await this.audit.record(em, { action: 'MERGE', entityType: 'agency', entityId: source.id, before, after });
      }
      await em.query(
        `UPDATE agencies SET parent_id = $1, version = version + 1, updated_at = now() WHERE parent_id = ANY($2) AND status = 'ACTIVE' AND id <> ALL($2)`,
        [successorId, sourceIds],
      );
      // Systems, their open dossiers and the accounts follow the successor, each through its own feature.
      const movedSystems = await moveSystemsToSuccessor(em, sourceIds, successorId, dto.effectiveDate);
      for (const { id, before, after } of movedSystems)
        await this.audit.record(em, { action: 'MOVE', entityType: 'system', entityId: id, before, after });
      for (const id of await moveOpenDossiersToSuccessor(em, sourceIds, successorId)) {
        await this.audit.record(em, { action: 'MOVE', entityType: 'dossier', entityId: id, after: { agencyId: successorId } });
      }
      const movedUsers = await this.users.moveToAgency(em, sourceIds, successorId);

      const [row]: ReorgRow[] = await em.query(
        `INSERT INTO agency_reorganisations (kind, effective_date, decision_number, decision_date, decision_issuer, successor_agency_id, source_agency_ids, moved_systems, moved_users, note, created_by)
         VALUES ('MERGE', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
        [
          dto.effectiveDate,
          dto.decisionNumber,
          dto.decisionDate ?? null,
          dto.decisionIssuer ?? null,
          successorId,
          sourceIds,
          movedSystems.length,
          movedUsers.length,
          dto.note ?? null,
          user.id,
        ],
      );
      const result = mapReorganisation(row);
      await this.audit.record(em, { action: 'CREATE', entityType: 'agency_reorganisation', entityId: row.id, after: result });
      return result;
    });
  }

  rename(user: AuthUser, dto: RenameAgencyDto): Promise<ReorganisationDto> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`SELECT set_config('capdo.effective_date', $1, true)`, [dto.effectiveDate]);
      const [agency] = await this.load(em, [dto.agencyId]);
      if (!agency) throw notFound('Không tìm thấy cơ quan, đơn vị.');
      const errors: Record<string, string[]> = {};
      if (agency.status !== 'ACTIVE') errors.agencyId = ['cơ quan này không còn hoạt động'];
      if (dto.effectiveDate > this.clock.today())
        errors.effectiveDate = ['chưa hỗ trợ ghi nhận trước một thay đổi có hiệu lực trong tương lai'];
      if (dto.effectiveDate < agency.validFrom) errors.effectiveDate = [`cơ quan chỉ hoạt động từ ${agency.validFrom}`];
      if (Object.keys(errors).length) throw new DomainError('REORGANISATION_INVALID', 'Không thể ghi nhận việc đổi tên này.', errors);
      const [before] = await em.query(`SELECT * FROM agencies WHERE id = $1`, [agency.id]);
      await em.query(`UPDATE agencies SET name = $2, search_text = $3, version = version + 1, updated_at = now() WHERE id = $1`, [
        agency.id,
        dto.newName,
        foldDiacritics(dto.newName),
      ]);
      const [after] = await em.query(`SELECT * FROM agencies WHERE id = $1`, [agency.id]);
      await this.audit.record(em, { action: 'RENAME', entityType: 'agency', entityId: agency.id, before, after });
      const [row]: ReorgRow[] = await em.query(
        `INSERT INTO agency_reorganisations (kind, effective_date, decision_number, decision_date, decision_issuer, successor_agency_id, source_agency_ids, new_name, note, created_by)
         VALUES ('RENAME', $1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
        [
          dto.effectiveDate,
          dto.decisionNumber,
          dto.decisionDate ?? null,
          dto.decisionIssuer ?? null,
          agency.id,
          [agency.id],
          dto.newName,
          dto.note ?? null,
          user.id,
        ],
      );
      const result = mapReorganisation(row);
      await this.audit.record(em, { action: 'CREATE', entityType: 'agency_reorganisation', entityId: row.id, after: result });
      return result;
    });
  }

  /** The reorganisations of the user's province (every province for administrators). */
  async list(user: AuthUser, kind?: string): Promise<ReorganisationDto[]> {
    const rows: ReorgRow[] = await this.dataSource.query(
      `SELECT r.* FROM agency_reorganisations r
        WHERE ($1::text IS NULL OR r.kind = $1)
          AND ($2::varchar IS NULL OR EXISTS (SELECT 1 FROM agencies a
                                               WHERE (a.id = r.successor_agency_id OR a.id = ANY(r.source_agency_ids)) AND a.province_code = $2))
        ORDER BY r.effective_date DESC, r.created_at DESC`,
      [kind ?? null, provinceFilter(user)],
    );
    return rows.map(mapReorganisation);
  }

  private async load(em: EntityManager, ids: string[]): Promise<ReorgAgency[]> {
    const rows: { id: string; code: string; status: string; province_code: string; valid_from: string; valid_to: string | null }[] =
      await em.query(
        `SELECT id, code, status, province_code, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to
         FROM agencies WHERE id = ANY($1) ORDER BY code FOR UPDATE`,
        [ids],
      );
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      status: r.status,
      provinceCode: r.province_code,
      validFrom: r.valid_from,
      validTo: r.valid_to,
    }));
  }
}

function mapReorganisation(row: ReorgRow): ReorganisationDto {
  const date = (value: string | Date | null) =>
    value === null ? null : typeof value === 'string' ? value : value.toISOString().slice(0, 10);
  return {
    id: row.id,
    kind: row.kind,
    effectiveDate: date(row.effective_date)!,
    decisionNumber: row.decision_number,
    decisionDate: date(row.decision_date),
    decisionIssuer: row.decision_issuer,
    successorAgencyId: row.successor_agency_id,
    sourceAgencyIds: row.source_agency_ids,
    newName: row.new_name,
    movedSystems: row.moved_systems,
    movedUsers: row.moved_users,
    note: row.note,
    createdAt: row.created_at.toISOString(),
  };
}
