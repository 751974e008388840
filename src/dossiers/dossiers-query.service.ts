import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuthUser } from '../auth/auth-user';
import { CalendarService } from '../calendar/calendar.service';
import { unconfirmedDaysOfClock, unconfirmedDaysWarning } from '../calendar/unconfirmed-days';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors/domain-error';
import { Page } from '../common/http/pagination';
import { listRequirements } from '../requirements/catalogues/catalogue-registry';
import { DossierDto, DossierListQuery, DossierSummaryDto } from './dto/dossier.dto';
import { availableActions } from './dossier-actions';
import { DossierAttachment } from './dossier-attachment.entity';
import { mapDossier, mapDossierSummary, Ref } from './dossier.mapper';
import { routingOf } from './dossier-procedure';
import { Dossier } from './dossier.entity';
import { involvesStateSecret, stateSecretDossierError } from './state-secret-dossier';

@Injectable()
export class DossiersQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly calendars: CalendarService,
  ) {}

  /** The dossier if the user may see it; 404 otherwise (ids outside one's scope do not leak). */
  async findVisible(user: AuthUser, id: string, em: EntityManager = this.dataSource.manager, lock = false): Promise<Dossier> {
    const scope = this.access.dossierScope(user, 'd');
    const qb = em.getRepository(Dossier).createQueryBuilder('d').where('d.id = :id', { id }).andWhere(scope.sql, scope.params);
    if (lock) qb.setLock('pessimistic_write');
    const dossier = await qb.getOne();
    if (!dossier) throw notFound('Không tìm thấy hồ sơ đề xuất cấp độ.');
    return dossier;
  }

  /** Refuses (422) any use of a dossier whose system is recorded as state-secret or whose facts say so. */
  async assertNotStateSecret(em: EntityManager, dossier: Dossier, field?: string): Promise<void> {
    if (await this.involvesStateSecret(em, dossier)) throw stateSecretDossierError(field);
  }

  async involvesStateSecret(em: EntityManager, dossier: Dossier): Promise<boolean> {
    const [system]: { state_secret: boolean }[] = await em.query(`SELECT state_secret FROM systems WHERE id = $1`, [dossier.systemId]);
    return involvesStateSecret(!!system?.state_secret, dossier.classification?.facts);
  }

  async get(user: AuthUser, id: string, em: EntityManager = this.dataSource.manager): Promise<DossierDto> {
    return this.toDto(em, await this.findVisible(user, id, em), user);
  }

  /** The dossier as the API shows it; with `user`, the actions that user may take now (a frozen revision has none). */
  async toDto(em: EntityManager, dossier: Dossier, user?: AuthUser): Promise<DossierDto> {
    const refs = await this.refs(em, [dossier]);
    const attachments = await em.getRepository(DossierAttachment).find({ where: { dossierId: dossier.id }, order: { uploadedAt: 'ASC' } });
    const dto = mapDossier(
      dossier,
      { system: refs.get(dossier.systemId)!, owner: refs.get(dossier.ownerAgencyId)!, operator: refs.get(dossier.operatorAgencyId)! },
      listRequirements(dossier.proposedLevel, dossier.catalogueId),
      attachments,
      this.clock.today(),
      user && availableActions(routingOf(dossier), this.access.dossierActorRoles(user, dossier)),
    );
    return { ...dto, workflow: await this.clockWarnings(em, dossier, dto.workflow) };
  }

  /** A running clock over a calendar day whose source is not confirmed carries a warning (docs/legal/statutory-clocks.md). */
  private async clockWarnings(em: EntityManager, d: Dossier, workflow: DossierDto['workflow']): Promise<DossierDto['workflow']> {
    if (!d.dueOn) return workflow;
    const from = d.receivedOn ?? d.approvalRequest?.submittedOn ?? null;
    const days = unconfirmedDaysOfClock(await this.calendars.calendar(em), from, [d.validityDueOn, d.appraisalDueOn, d.dueOn]);
    return { ...workflow, unconfirmedDays: days, calendarWarning: unconfirmedDaysWarning(days) };
  }

  async list(user: AuthUser, query: DossierListQuery): Promise<Page<DossierSummaryDto>> {
    const scope = this.access.dossierScope(user, 'd');
    const qb = this.dataSource.getRepository(Dossier).createQueryBuilder('d').where(scope.sql, scope.params);
    if (query.systemId) qb.andWhere('d.system_id = :systemId', { systemId: query.systemId });
    if (query.status) qb.andWhere('d.status = :status', { status: query.status });
    const [rows, total] = await qb
      .orderBy('d.updated_at', 'DESC')
      .addOrderBy('d.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    const refs = await this.refs(this.dataSource.manager, rows);
    return {
      items: rows.map((d) =>
        mapDossierSummary(d, { system: refs.get(d.systemId)!, owner: refs.get(d.ownerAgencyId)! }, this.clock.today()),
      ),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  /** Code and name of the systems and agencies the dossiers refer to, in two queries. */
  private async refs(em: EntityManager, dossiers: Dossier[]): Promise<Map<string, Ref>> {
    const systemIds = [...new Set(dossiers.map((d) => d.systemId))];
    const agencyIds = [...new Set(dossiers.flatMap((d) => [d.ownerAgencyId, d.operatorAgencyId]))];
    if (!systemIds.length) return new Map();
    const rows: Ref[] = await em.query(
      `SELECT id, code, name FROM systems WHERE id = ANY($1) UNION ALL SELECT id, code, name FROM agencies WHERE id = ANY($2)`,
      [systemIds, agencyIds],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }
}
