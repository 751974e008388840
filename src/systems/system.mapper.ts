import { SYSTEM_TYPE_LABELS } from '../classification/rules/classification.labels';
import { AgencyRefDto, SystemDto } from './dto/system.dto';
import { DEPLOYMENT_STATUS_LABELS, LIFECYCLE_LABELS } from './system-enums';
import { InformationSystem } from './system.entity';

export function mapSystem(system: InformationSystem, agencies: Map<string, AgencyRefDto>): SystemDto {
  const ref = (id: string): AgencyRefDto => agencies.get(id) ?? { id, code: '', name: '' };
  return {
    id: system.id,
    code: system.code,
    name: system.name,
    owner: ref(system.ownerAgencyId),
    operator: ref(system.operatorAgencyId),
    provinceCode: system.provinceCode,
    description: system.description,
    scope: system.scope,
    servedPopulation: system.servedPopulation,
    systemType: system.systemType,
    systemTypeLabel: SYSTEM_TYPE_LABELS[system.systemType],
    infoTypes: system.infoTypes,
    stateSecret: system.infoTypes.includes('STATE_SECRET'),
    lifecycle: system.lifecycle,
    lifecycleLabel: LIFECYCLE_LABELS[system.lifecycle],
    goLiveDate: system.goLiveDate,
    investmentStartDate: system.investmentStartDate,
    transitional: system.transitionalComplianceDueOn !== null,
    transitionalComplianceDueOn: system.transitionalComplianceDueOn,
    hosting: system.hosting,
    internetFacing: system.internetFacing,
    connectsGovNetwork: system.connectsGovNetwork,
    architectureDescription: system.architectureDescription,
    userCount: system.userCount,
    basicPersonalDataSubjects: system.basicPersonalDataSubjects,
    sensitivePersonalDataSubjects: system.sensitivePersonalDataSubjects,
    components: system.components,
    approvedLevel: system.approvedLevel,
    approvalDecisionNumber: system.approvalDecisionNumber,
    approvalDecisionDate: system.approvalDecisionDate,
    approvalDecisionIssuer: system.approvalDecisionIssuer,
    deploymentStatus: system.deploymentStatus,
    deploymentStatusLabel: DEPLOYMENT_STATUS_LABELS[system.deploymentStatus],
    internalRegulationNumber: system.internalRegulationNumber,
    internalRegulationDate: system.internalRegulationDate,
    inspections: system.inspections,
    retiredAt: system.retiredAt,
    retirementReason: system.retirementReason,
    version: system.version,
    updatedAt: system.updatedAt.toISOString(),
  };
}
