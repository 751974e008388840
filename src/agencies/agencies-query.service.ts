import { Injectable } from '@nestjs/common';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { AccessService } from '../access/access.service';
import { AuthUser } from '../auth/auth-user';
import { notFound } from '../common/errors/domain-error';
import { Page } from '../common/http/pagination';
import { likePattern } from '../common/text/vietnamese';
import { Agency } from './agency.entity';
import { buildAgencyTree, mapAgency } from './agency.mapper';
import { AgencyDto, AgencyListQuery, AgencyTreeNodeDto } from './dto/agency.dto';

@Injectable()
export class AgenciesQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async list(user: AuthUser, query: AgencyListQuery): Promise<Page<AgencyDto>> {
    const qb = this.scoped(user, query.asOf);
    if (query.kind) qb.andWhere('a.kind = :kind', { kind: query.kind });
    if (query.parentId) qb.andWhere(`${query.asOf ? 'v' : 'a'}.parent_id = :parentId`, { parentId: query.parentId });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.q?.trim()) qb.andWhere(`(a.search_text LIKE :q OR lower(a.code) LIKE :q)`, { q: likePattern(query.q) });
    const total = await qb.getCount();
    const rows = await this.ordered(qb, query.asOf)
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize)
      .getRawAndEntities();
    return { items: this.asOfEntities(rows, query.asOf).map(mapAgency), total, page: query.page, pageSize: query.pageSize };
  }

  async tree(user: AuthUser, asOf?: string): Promise<AgencyTreeNodeDto[]> {
    const rows = await this.ordered(this.scoped(user, asOf), asOf).getRawAndEntities();
    return buildAgencyTree(this.asOfEntities(rows, asOf));
  }

  /**
   * Agencies in the user's scope. With `asOf`, only bodies that existed that day, joined to their name and
   * parent of that day (agency_versions), so a merged body is still shown as it was.
   */
  private scoped(user: AuthUser, asOf?: string): SelectQueryBuilder<Agency> {
    const scope = this.access.agencyScope(user, 'a');
    const qb = this.dataSource.getRepository(Agency).createQueryBuilder('a').where(scope.sql, scope.params);
    if (asOf) {
      qb.innerJoin('agency_versions', 'v', 'v.agency_id = a.id AND v.valid_from <= :asOf AND (v.valid_to IS NULL OR v.valid_to >= :asOf)', {
        asOf,
      })
        .addSelect(['v.name AS v_name', 'v.parent_id AS v_parent_id'])
        .andWhere('a.valid_from <= :asOf AND (a.valid_to IS NULL OR a.valid_to >= :asOf)', { asOf });
    }
    return qb;
  }

  private ordered(qb: SelectQueryBuilder<Agency>, asOf?: string): SelectQueryBuilder<Agency> {
    return qb.orderBy(`${asOf ? 'v' : 'a'}.name COLLATE "vi-x-icu"`, 'ASC').addOrderBy('a.code', 'ASC');
  }

  private asOfEntities(
    { entities, raw }: { entities: Agency[]; raw: { v_name?: string; v_parent_id?: string | null }[] },
    asOf?: string,
  ): Agency[] {
    if (!asOf) return entities;
    return entities.map((agency, i) => ({ ...agency, name: raw[i].v_name ?? agency.name, parentId: raw[i].v_parent_id ?? null }));
  }

  async get(user: AuthUser, id: string): Promise<AgencyDto> {
    const scope = this.access.agencyScope(user, 'a');
    const agency = await this.dataSource
      .getRepository(Agency)
      .createQueryBuilder('a')
      .where('a.id = :id', { id })
      .andWhere(scope.sql, scope.params)
      .getOne();
    if (!agency) throw notFound('Không tìm thấy cơ quan, đơn vị.');
    return mapAgency(agency);
  }

  /**
   * The owner's and the operating unit's details for a dossier the caller may already see (the explanatory report
   * prints them: TT12 Art. 8.3.a–b; ND331 Art. 22.3.a–b), in the order of the ids.
   */
  async byIds(ids: string[]): Promise<AgencyDto[]> {
    const rows = await this.dataSource.getRepository(Agency).createQueryBuilder('a').where('a.id = ANY(:ids)', { ids }).getMany();
    return ids.flatMap((id) => rows.filter((a) => a.id === id).map(mapAgency));
  }
}
