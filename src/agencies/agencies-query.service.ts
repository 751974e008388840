import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
    const scope = this.access.agencyScope(user, 'a');
    const qb = this.dataSource.getRepository(Agency).createQueryBuilder('a').where(scope.sql, scope.params);
    if (query.kind) qb.andWhere('a.kind = :kind', { kind: query.kind });
    if (query.parentId) qb.andWhere('a.parent_id = :parentId', { parentId: query.parentId });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.q?.trim()) qb.andWhere(`(a.search_text LIKE :q OR lower(a.code) LIKE :q)`, { q: likePattern(query.q) });
    const [rows, total] = await qb
      .orderBy('a.name COLLATE "vi-x-icu"', 'ASC')
      .addOrderBy('a.code', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: rows.map(mapAgency), total, page: query.page, pageSize: query.pageSize };
  }

  async tree(user: AuthUser): Promise<AgencyTreeNodeDto[]> {
    const scope = this.access.agencyScope(user, 'a');
    const rows = await this.dataSource
      .getRepository(Agency)
      .createQueryBuilder('a')
      .where(scope.sql, scope.params)
      .orderBy('a.name COLLATE "vi-x-icu"', 'ASC')
      .getMany();
    return buildAgencyTree(rows);
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
}
