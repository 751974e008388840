/**
 * The runtime shape of DossierDocumentData, so placeholders can be checked when a template is loaded. The mapped
 * type makes tsc fail here when a field is added to or removed from document-data.ts.
 */
import { DOCUMENT_FORMS, type DocumentForm, type DossierDocumentData } from './document-data';
import { INCIDENT_NOTICE_FORM, type IncidentNoticeData, type IncidentNoticeForm } from './incident-notice-data';

/** Every form a template file may declare: the dossier's forms and the incident notice. */
export type TemplateForm = DocumentForm | IncidentNoticeForm;

type Shape<T> = [NonNullable<T>] extends [readonly (infer U)[]]
  ? { readonly list: Shape<U> }
  : [NonNullable<T>] extends [object]
    ? { readonly fields: { readonly [K in keyof NonNullable<T>]-?: Shape<NonNullable<T>[K]> } }
    : 'scalar';
export type AnyShape = 'scalar' | { readonly list: AnyShape } | { readonly fields: Readonly<Record<string, AnyShape>> };

/** Shape of a single value: a string, a number, a date. */
export const SCALAR = 'scalar' as const;
const S = SCALAR;
const AGENCY = {
  fields: {
    name: S,
    code: S,
    parentName: S,
    address: S,
    functionsDocument: S,
    representativeName: S,
    representativeTitle: S,
    phone: S,
    email: S,
  },
};
const DATA_SHAPE: Shape<DossierDocumentData> = {
  fields: {
    decree: S,
    securityTerm: S,
    place: S,
    lawBasis: S,
    operatorDutiesArticle: S,
    technicalRegulation: S,
    ownerCopy: AGENCY,
    operatorCopy: AGENCY,
    requestLetter: { fields: { date: S, number: S } },
    authorityLine: S,
    date: S,
    documentNumber: S,
    owner: AGENCY,
    operator: AGENCY,
    addressee: AGENCY,
    procedurePath: S,
    requester: AGENCY,
    specialisedUnit: AGENCY,
    opinionRequest: { fields: { requestedOn: S, unitName: S } },
    system: {
      fields: {
        name: S,
        code: S,
        typeLabel: S,
        infoTypeLabels: { list: S },
        lifecycleLabel: S,
        goLiveDate: S,
        hostingLabel: S,
        scope: S,
        servedPopulation: S,
        description: S,
        architectureDescription: S,
        components: { list: { fields: { name: S, description: S } } },
      },
    },
    contents: {
      fields: {
        logicalModel: S,
        physicalModel: S,
        equipment: { list: { fields: { name: S, location: S, purpose: S, mainNetworkDevice: S } } },
        applications: { list: { fields: { name: S, server: S, location: S, operatingSystem: S, purpose: S } } },
        networkZones: { list: { fields: { name: S, privateAddresses: S, publicAddresses: S } } },
        designKindLabel: S,
        designDocument: { fields: { title: S, approvalNumber: S, approvalDate: S, approvedBy: S } },
        preliminaryRisks: S,
        levelFourFive: { fields: { relatedSystems: S, threats: S, publicImpact: S, continuousOperation: S } },
      },
    },
    proposedLevel: S,
    computedLevel: S,
    matchedRules: { list: { fields: { id: S, article: S, level: S, reason: S } } },
    levelJustification: S,
    planSections: { list: { fields: { key: S, title: S, text: S } } },
    planEntries: {
      list: { fields: { code: S, groupName: S, title: S, tcvnClause: S, statusLabel: S, description: S } },
    },
    catalogueTitle: S,
    expertOpinion: { fields: { unit: S, summary: S, date: S, number: S, conclusion: S } },
    attachments: { list: { fields: { kindLabel: S, fileName: S } } },
    appraisal: { fields: { appraiser: AGENCY, conclusion: S, opinions: S, reasons: { list: S } } },
    approvalRequest: { fields: { submittedOn: S, number: S } },
    decision: {
      fields: { number: S, date: S, signerName: S, signerTitle: S, level: S, issuer: AGENCY, standard: S },
    },
    planDecision: {
      fields: { number: S, date: S, signerName: S, signerTitle: S, level: S, issuer: AGENCY, standard: S },
    },
    nationalListing: { fields: { requestNumber: S, requestDate: S, decisionNumber: S, decisionDate: S } },
  },
};
export const ROOT_SHAPE: { readonly fields: Readonly<Record<string, AnyShape>> } = DATA_SHAPE;

const INCIDENT_NOTICE_SHAPE: Shape<IncidentNoticeData> = {
  fields: {
    place: S,
    lawBasis: S,
    date: S,
    documentNumber: S,
    owner: AGENCY,
    operator: AGENCY,
    addressee: AGENCY,
    noticeKind: S,
    noticeTitle: S,
    system: { fields: { name: S, code: S, levelLabel: S } },
    incident: {
      fields: { title: S, detectedAt: S, severityLabel: S, nationalSecurity: S, description: S, actions: S, externalAssessment: S },
    },
    clocks: { list: { fields: { label: S, due: S, status: S, article: S } } },
  },
};

/** The data a form's placeholders are checked against: the dossier's, or the incident notice's. */
export function rootShapeFor(form: TemplateForm): { readonly fields: Readonly<Record<string, AnyShape>> } {
  return form === INCIDENT_NOTICE_FORM ? INCIDENT_NOTICE_SHAPE : ROOT_SHAPE;
}

export function isTemplateForm(value: string): value is TemplateForm {
  return value === INCIDENT_NOTICE_FORM || isDocumentForm(value);
}

/** Vietnamese names of the optional parts of the data a form may require ("requires" in the template). */
export const REQUIRED_LABELS: Record<string, string> = {
  appraisal: 'ý kiến thẩm định của hồ sơ',
  decision: 'thông tin quyết định (số, ngày, người ký, cấp độ được phê duyệt)',
  expertOpinion: 'ý kiến chuyên môn của đơn vị chuyên trách',
  specialisedUnit: 'đơn vị chuyên trách của chủ quản hệ thống thông tin (nơi cho ý kiến chuyên môn)',
  planDecision: 'thông tin quyết định phê duyệt phương án (số, ngày, người ký)',
};

/** Own fields only, so that {{constructor}} or {{toString}} are unknown fields rather than inherited methods. */
export function field(shape: { readonly fields: Readonly<Record<string, AnyShape>> }, name: string): AnyShape | undefined {
  return Object.hasOwn(shape.fields, name) ? shape.fields[name] : undefined;
}

export function describeShape(shape: AnyShape): string {
  if (shape === S) return 'là một giá trị đơn';
  if ('list' in shape) return 'là một danh sách: dùng each, hoặc "| join" nếu là danh sách chữ';
  return `là một nhóm trường, hãy chọn một trường con (${Object.keys(shape.fields).join(', ')})`;
}

export function isDocumentForm(value: string): value is DocumentForm {
  return (DOCUMENT_FORMS as readonly string[]).includes(value);
}
