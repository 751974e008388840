import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuthUser } from '../auth/auth-user';
import { notFound } from '../common/errors/domain-error';
import { Page } from '../common/http/pagination';
import { likePattern } from '../common/text/vietnamese';
import { AgencyRefDto, SystemDto, SystemListQuery } from './dto/system.dto';
import { mapSystem } from './system.mapper';
import { InformationSystem } from './system.entity';

const SORT_COLUMNS: Record<string, string> = {
  name: 's.name COLLATE "vi-x-icu"',
  code: 's.code',
  updatedAt: 's.updated_at',
  approvedLevel: 's.approved_level',
};

export type SystemFilters = Omit<SystemListQuery, 'page' | 'pageSize'>;

@Injectable()
export class SystemsQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /**
   * One page and the total in one statement: the filters (a trigram search among them) are evaluated once, with
   * the total as a window count over the filtered rows, rather than a second COUNT(DISTINCT id) query.
   */
  async list(user: AuthUser, query: SystemListQuery): Promise<Page<SystemDto>> {
    const { entities, raw } = await this.filtered(user, query)
      .addSelect('count(*) OVER ()', 'total')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getRawAndEntities<{ total: string }>();
    // A page past the end has no row to carry the total.
    const total = raw.length ? Number(raw[0].total) : query.page > 1 ? await this.filtered(user, query).getCount() : 0;
    return { items: await this.mapAll(this.dataSource.manager, entities), total, page: query.page, pageSize: query.pageSize };
  }

  /** Every system the filters show, in list order: what the export writes. */
  async all(user: AuthUser, filters: SystemFilters): Promise<SystemDto[]> {
    return this.mapAll(this.dataSource.manager, await this.filtered(user, filters).getMany());
  }

  async get(user: AuthUser, id: string, em: EntityManager = this.dataSource.manager): Promise<SystemDto> {
    return (await this.mapAll(em, [await this.findVisible(user, id, em)]))[0];
  }

  /** The system if the user may see it; 404 otherwise, so that ids outside one's scope do not leak. */
  /** A system by id whatever the caller's scope, for a use case that has already checked access to what refers to it. */
  byId(id: string, em: EntityManager = this.dataSource.manager): Promise<InformationSystem> {
    return em.getRepository(InformationSystem).findOneByOrFail({ id });
  }

  async findVisible(user: AuthUser, id: string, em: EntityManager = this.dataSource.manager, lock = false): Promise<InformationSystem> {
    const scope = this.access.systemScope(user, 's');
    const qb = em.getRepository(InformationSystem).createQueryBuilder('s').where('s.id = :id', { id }).andWhere(scope.sql, scope.params);
    if (lock) qb.setLock('pessimistic_write');
    const system = await qb.getOne();
    if (!system) throw notFound('Không tìm thấy hệ thống thông tin.');
    return system;
  }

  async mapAll(em: EntityManager, systems: InformationSystem[]): Promise<SystemDto[]> {
    const ids = [...new Set(systems.flatMap((s) => [s.ownerAgencyId, s.operatorAgencyId]))];
    const agencies: AgencyRefDto[] = ids.length ? await em.query(`SELECT id, code, name FROM agencies WHERE id = ANY($1)`, [ids]) : [];
    const byId = new Map(agencies.map((a) => [a.id, a]));
    return systems.map((s) => mapSystem(s, byId));
  }

  private filtered(user: AuthUser, f: SystemFilters): SelectQueryBuilder<InformationSystem> {
    const scope = this.access.systemScope(user, 's');
    const qb = this.dataSource.getRepository(InformationSystem).createQueryBuilder('s').where(scope.sql, scope.params);
    if (f.agencyId) this.whereAgency(qb, f.agencyId, f.includeSubtree === true, f.asOf);
    if (f.systemType) qb.andWhere('s.system_type = :systemType', { systemType: f.systemType });
    if (f.lifecycle) qb.andWhere('s.lifecycle = :lifecycle', { lifecycle: f.lifecycle });
    if (f.approvedLevel) qb.andWhere('s.approved_level = :approvedLevel', { approvedLevel: f.approvedLevel });
    if (f.hasNoApprovedLevel === true) qb.andWhere('s.approved_level IS NULL');
    if (f.hasNoApprovedLevel === false) qb.andWhere('s.approved_level IS NOT NULL');
    if (f.q?.trim()) qb.andWhere('s.search_text LIKE :q', { q: likePattern(f.q) });
    const sort = f.sort ?? 'name';
    const column = SORT_COLUMNS[sort.replace(/^-/, '')];
    return qb
      .orderBy(column, sort.startsWith('-') ? 'DESC' : 'ASC', sort.includes('approvedLevel') ? 'NULLS LAST' : undefined)
      .addOrderBy('s.id', 'ASC');
  }

  /**
   * Systems owned or operated by the agency (and its subtree). With `asOf`, ownership is read from the custody
   * history, so a merged body still shows the systems it held on that date.
   */
  private whereAgency(qb: SelectQueryBuilder<InformationSystem>, agencyId: string, subtree: boolean, asOf?: string): void {
    // The subtree as it was on `asOf` (parents from agency_versions), or as it is now.
    const children = asOf
      ? `SELECT v.agency_id FROM agency_versions v JOIN sub ON v.parent_id = sub.id WHERE v.valid_from <= :asOf AND (v.valid_to IS NULL OR v.valid_to >= :asOf)`
      : `SELECT a.id FROM agencies a JOIN sub ON a.parent_id = sub.id`;
    const agencies = subtree
      ? `WITH RECURSIVE sub AS (SELECT :agencyId::uuid AS id UNION ${children}) SELECT id FROM sub`
      : `SELECT :agencyId::uuid`;
    if (asOf) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM system_custody c WHERE c.system_id = s.id AND c.valid_from <= :asOf AND (c.valid_to IS NULL OR c.valid_to >= :asOf)
                 AND (c.owner_agency_id IN (${agencies}) OR c.operator_agency_id IN (${agencies})))`,
        { agencyId, asOf },
      );
    } else {
      qb.andWhere(`(s.owner_agency_id IN (${agencies}) OR s.operator_agency_id IN (${agencies}))`, { agencyId });
    }
  }
}
