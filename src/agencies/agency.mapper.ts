import { AGENCY_KIND_LABELS } from './agency-kind';
import { Agency } from './agency.entity';
import { AgencyDto, AgencyTreeNodeDto } from './dto/agency.dto';

export function mapAgency(agency: Agency): AgencyDto {
  return {
    id: agency.id,
    code: agency.code,
    name: agency.name,
    kind: agency.kind,
    kindLabel: AGENCY_KIND_LABELS[agency.kind],
    parentId: agency.parentId,
    provinceCode: agency.provinceCode,
    status: agency.status,
    validFrom: agency.validFrom,
    validTo: agency.validTo,
    successorId: agency.successorId,
    functionsDocument: agency.functionsDocument ?? null,
    representativeName: agency.representativeName ?? null,
    representativeTitle: agency.representativeTitle ?? null,
    address: agency.address ?? null,
    phone: agency.phone ?? null,
    email: agency.email ?? null,
    version: agency.version,
  };
}

/** Nests agencies under their parents; an agency whose parent is out of view becomes a root. */
export function buildAgencyTree(agencies: Agency[]): AgencyTreeNodeDto[] {
  const nodes = new Map(agencies.map((a) => [a.id, { ...mapAgency(a), children: [] as AgencyTreeNodeDto[] }]));
  const roots: AgencyTreeNodeDto[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
