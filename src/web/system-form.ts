import { INFO_TYPE_LABELS, SYSTEM_TYPE_LABELS } from '../classification/rules/classification.labels';
import { INFO_TYPES, SYSTEM_TYPES } from '../classification/rules/classification.types';
import { CreateSystemDto, SystemDto, UpdateSystemDto } from '../systems/dto/system.dto';
import {
  DEPLOYMENT_STATUS_LABELS,
  DEPLOYMENT_STATUSES,
  HOSTING_LABELS,
  HOSTINGS,
  LIFECYCLE_LABELS,
  LIFECYCLES,
} from '../systems/system-enums';
import { FormBody, FormReader } from './form-input';
import { formatDate } from './view-helpers';

/** The choices of the system form, with the registry's own Vietnamese labels. */
export const SYSTEM_FORM_OPTIONS = {
  systemTypes: SYSTEM_TYPES.map((value) => ({ value, label: SYSTEM_TYPE_LABELS[value] })),
  infoTypes: INFO_TYPES.map((value) => ({ value, label: INFO_TYPE_LABELS[value] })),
  lifecycles: LIFECYCLES.filter((l) => l !== 'RETIRED').map((value) => ({ value, label: LIFECYCLE_LABELS[value] })),
  hostings: [{ value: '', label: '— Chưa xác định —' }, ...HOSTINGS.map((value) => ({ value, label: HOSTING_LABELS[value] }))],
  deployment: DEPLOYMENT_STATUSES.map((value) => ({ value, label: DEPLOYMENT_STATUS_LABELS[value] })),
  yesNo: [
    { value: '', label: '— Chưa xác định —' },
    { value: 'true', label: 'Có' },
    { value: 'false', label: 'Không' },
  ],
  levels: [
    { value: '', label: '— Chưa được phê duyệt —' },
    ...[1, 2, 3, 4, 5].map((value) => ({ value: String(value), label: `Cấp độ ${value}` })),
  ],
};

/** Form values (what the inputs show) of an existing system. */
export function systemFormValues(s: SystemDto): Record<string, unknown> {
  return {
    code: s.code,
    name: s.name,
    ownerAgencyId: s.owner.id,
    operatorAgencyId: s.operator.id,
    description: s.description ?? '',
    scope: s.scope ?? '',
    servedPopulation: s.servedPopulation ?? '',
    systemType: s.systemType,
    infoTypes: s.infoTypes,
    lifecycle: s.lifecycle,
    goLiveDate: formatDate(s.goLiveDate),
    investmentStartDate: formatDate(s.investmentStartDate),
    hosting: s.hosting ?? '',
    internetFacing: s.internetFacing === null ? '' : String(s.internetFacing),
    connectsGovNetwork: s.connectsGovNetwork === null ? '' : String(s.connectsGovNetwork),
    architectureDescription: s.architectureDescription ?? '',
    userCount: s.userCount ?? '',
    basicPersonalDataSubjects: s.basicPersonalDataSubjects ?? '',
    sensitivePersonalDataSubjects: s.sensitivePersonalDataSubjects ?? '',
    components: s.components.map((c) => (c.description ? `${c.name}: ${c.description}` : c.name)).join('\n'),
    deploymentStatus: s.deploymentStatus,
    internalRegulationNumber: s.internalRegulationNumber ?? '',
    internalRegulationDate: formatDate(s.internalRegulationDate),
    version: s.version,
  };
}

/** The values as typed, to show again after a refused post (nothing typed is lost). */
export function systemFormEcho(body: FormBody): Record<string, unknown> {
  return { ...body, infoTypes: new FormReader(body).list('infoTypes') };
}

/**
 * The form as the API's CreateSystemDto / UpdateSystemDto. On an update a blank optional field clears the value
 * (null), as the API's PATCH does.
 */
export function systemDtoFromForm(
  body: FormBody,
  update: boolean,
): { plain: Partial<CreateSystemDto & UpdateSystemDto>; reader: FormReader } {
  const f = new FormReader(body);
  const blank = update ? null : undefined;
  const components = (f.text('components') ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(':');
      return at > 0 ? { name: line.slice(0, at).trim(), description: line.slice(at + 1).trim() } : { name: line };
    });
  const plain = {
    ...(update ? { version: f.int('version') ?? undefined } : {}),
    code: f.text('code') ?? '',
    name: f.text('name') ?? '',
    ownerAgencyId: f.text('ownerAgencyId') ?? '',
    operatorAgencyId: f.text('operatorAgencyId') ?? undefined,
    description: f.text('description', blank),
    scope: f.text('scope', blank),
    servedPopulation: f.text('servedPopulation', blank),
    systemType: f.text('systemType') ?? '',
    infoTypes: f.list('infoTypes'),
    lifecycle: f.text('lifecycle') ?? '',
    goLiveDate: f.date('goLiveDate', blank),
    investmentStartDate: f.date('investmentStartDate', blank),
    hosting: f.text('hosting', blank),
    internetFacing: f.bool('internetFacing') ?? blank,
    connectsGovNetwork: f.bool('connectsGovNetwork') ?? blank,
    architectureDescription: f.text('architectureDescription', blank),
    userCount: f.int('userCount', blank),
    basicPersonalDataSubjects: f.int('basicPersonalDataSubjects', blank),
    sensitivePersonalDataSubjects: f.int('sensitivePersonalDataSubjects', blank),
    components: components.length || update ? components : undefined,
    deploymentStatus: f.text('deploymentStatus') ?? undefined,
    internalRegulationNumber: f.text('internalRegulationNumber', blank),
    internalRegulationDate: f.date('internalRegulationDate', blank),
  };
  const defined = Object.fromEntries(Object.entries(plain).filter(([, v]) => v !== undefined)) as Partial<
    CreateSystemDto & UpdateSystemDto
  >;
  return { plain: defined, reader: f };
}
