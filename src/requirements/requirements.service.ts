import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { CatalogueSummaryDto, RequirementListDto, RequirementsQuery } from './dto/requirements.dto';
import { displayTitles } from './catalogues/requirement-display';
import { guidanceFor } from './catalogues/tt12-2022.guidance';
import { CATALOGUES, DEFAULT_CATALOGUE_ID, findCatalogue, groupsFor, listRequirements } from './catalogues/catalogue-registry';

@Injectable()
export class RequirementsService {
  list(query: RequirementsQuery): RequirementListDto {
    const id = query.catalogue ?? DEFAULT_CATALOGUE_ID;
    const catalogue = findCatalogue(id);
    if (!catalogue) {
      const planned = CATALOGUES.find((c) => c.id === id && c.status === 'planned');
      throw new DomainError(
        'REQUIREMENT_CATALOGUE_NOT_AVAILABLE',
        planned && planned.status === 'planned' ? planned.note : `Không có danh mục yêu cầu ${id}.`,
        {
          catalogue: [planned ? 'danh mục này chưa có dữ liệu' : 'không tồn tại'],
        },
      );
    }
    const items = listRequirements(query.level, id).filter((r) => !query.kind || r.kind === query.kind);
    const { version, title, standard, legalBasis } = catalogue;
    const titles = displayTitles(listRequirements(query.level, id));
    return {
      catalogue: { id, version, title, standard, legalBasis },
      level: query.level,
      groups: groupsFor(query.level, id),
      total: items.length,
      // Issue 21 point 3: the page and the API give the same plain explanation, example and usual evidence.
      items: items.map((r) => ({ ...r, displayTitle: titles.get(r.code) ?? r.title, guidance: guidanceFor(r)! })),
    };
  }

  catalogues(): CatalogueSummaryDto[] {
    return CATALOGUES.map((entry) =>
      entry.status === 'available'
        ? {
            id: entry.id,
            status: entry.status,
            title: entry.catalogue.title,
            standard: entry.catalogue.standard,
            version: entry.catalogue.version,
          }
        : { id: entry.id, status: entry.status, title: entry.title, standard: entry.standard, note: entry.note },
    );
  }
}
