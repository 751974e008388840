/**
 * Everything the official forms print, already resolved to Vietnamese text. The dossier and workflow services
 * build it from the database; the renderers turn it into PDF and DOCX through the templates in templates/forms/.
 */
export const DOCUMENT_FORMS = ['mau-01', 'mau-02', 'mau-03', 'thuyet-minh', 'mau-04', 'mau-05', 'mau-06', 'mau-07'] as const;
export type DocumentForm = (typeof DOCUMENT_FORMS)[number];

export interface DocumentAgency {
  name: string;
  code: string;
  /** The body above it, printed over the issuing body's name in the header (e.g. "UBND TỈNH SƠN LA"). */
  parentName?: string;
  /** Its address (agencies' contact fields); absent prints a dotted gap. */
  address?: string;
  /** The rest of its details the explanatory report prints (TT12 Art. 8.3.a–b; ND331 Art. 22.3.a–b). */
  functionsDocument?: string;
  representativeName?: string;
  representativeTitle?: string;
  phone?: string;
  email?: string;
}

/**
 * The explanatory report's structured contents (TT12 Art. 8.3–8.5; ND331 Art. 21.2, 22.3–22.5): the architecture in
 * its five parts, the design document, the outline of the main risks and the level 4–5 parts.
 */
export interface DocumentContents {
  logicalModel: string | null;
  physicalModel: string | null;
  equipment: { name: string; location: string; purpose: string; mainNetworkDevice?: boolean }[];
  applications: { name: string; server: string; location: string; operatingSystem: string; purpose: string }[];
  networkZones: { name: string; privateAddresses: string; publicAddresses?: string | null }[];
  /** "Thiết kế sơ bộ …" or "Thiết kế thi công đã được cấp có thẩm quyền phê duyệt …". */
  designKindLabel: string;
  designDocument: {
    title?: string | null;
    approvalNumber?: string | null;
    approvalDate?: string | null;
    approvedBy?: string | null;
  } | null;
  preliminaryRisks: string | null;
  /** Levels 4–5 only (the form prints them only when levelFourFive is set). */
  levelFourFive?: {
    relatedSystems: string | null;
    threats: string | null;
    publicImpact: string | null;
    continuousOperation: string | null;
  };
}

export interface DocumentPlanEntry {
  code: string;
  groupName: string;
  title: string;
  tcvnClause: string | null;
  /** "Đã triển khai" | "Kế hoạch triển khai đến dd/mm/yyyy" | "Không áp dụng" | "Chưa trả lời" */
  statusLabel: string;
  description: string;
}

export interface DossierDocumentData {
  /** Decree the dossier is filed under, e.g. "Nghị định số 85/2016/NĐ-CP" or "Nghị định số 331/2026/NĐ-CP". */
  decree: string;
  /** "an toàn thông tin" (ND85) or "an ninh mạng" (ND331): the plan's wording changes with the regime. */
  securityTerm: string;
  /** Place printed before the date: the issuing body's administrative unit ("Sơn La"; a commune's "Quỳnh Nhai"). */
  place: string;
  /** The law the form cites, by its date (document-wording.ts: Law 116/2025 from 01/07/2026). */
  lawBasis: string;
  /** The article of the operating unit's duties under the regime (Mẫu 06, Điều 2). */
  operatorDutiesArticle: string;
  /** The national technical regulation Mẫu 06 names, when one is set for the regime; else a dotted gap. */
  technicalRegulation?: string;
  /** The owner, when it is not the body issuing this form (a copy in "Nơi nhận", never the issuer to itself). */
  ownerCopy?: DocumentAgency;
  /** The operating unit, when it is not the body issuing this form. */
  operatorCopy?: DocumentAgency;
  /** The request (Mẫu 01/02) the appraisal answers: its date ('YYYY-MM-DD', the submission) and number if recorded. */
  requestLetter?: { date: string; number?: string };
  /** Mẫu 06: the head of the issuing body ("Chủ tịch Ủy ban nhân dân tỉnh Sơn La"). */
  authorityLine?: string;
  /** Date printed on the document, 'YYYY-MM-DD'. */
  date: string;
  /** Số/ký hiệu; blank leaves a gap for the clerk ("Số: ……/……"). */
  documentNumber?: string;
  owner: DocumentAgency;
  operator: DocumentAgency;
  /** Body the request is addressed to (the appraising body). */
  addressee: DocumentAgency;
  /**
   * The procedure the law assigns to the dossier (src/dossiers/dossier-path.ts): 'UNIT' (levels 1–2), 'OWNER' (level 3),
   * 'MINISTRY' (level 4), 'NATIONAL_LIST' (level 5, or on the List of systems important to national security).
   */
  procedurePath: string;
  /** Who sends Mẫu 02: the operator, or the owner when a ministry appraises (ND331 Art. 20.1.d: levels 4–5, the List). */
  requester: DocumentAgency;
  /** The owner's specialised unit (đơn vị chuyên trách): the addressee of Mẫu 03 (ND331 Art. 20.1.d). */
  specialisedUnit?: DocumentAgency;
  /** Mẫu 03 sent to the specialised unit on requestedOn ('YYYY-MM-DD'). */
  opinionRequest?: { requestedOn: string; unitName: string };
  system: {
    name: string;
    code: string;
    typeLabel: string;
    infoTypeLabels: string[];
    lifecycleLabel: string;
    goLiveDate: string | null;
    hostingLabel: string | null;
    scope: string | null;
    servedPopulation: string | null;
    description: string | null;
    architectureDescription: string | null;
    components: { name: string; description?: string }[];
  };
  /** The explanatory report's structured contents; absent in documents that do not print them. */
  contents?: DocumentContents;
  proposedLevel: number;
  computedLevel: number | null;
  matchedRules: { id: string; article: string; level: number; reason: string }[];
  levelJustification: string;
  /** Seven sections of Decree 85 Art. 19.2 / Decree 331 Art. 29.2, in order (a)…(g). */
  planSections: { key: string; title: string; text: string }[];
  planEntries: DocumentPlanEntry[];
  catalogueTitle: string;
  /** The specialised unit's professional opinion on a level 4–5 dossier (ND331 Art. 21.5). */
  expertOpinion?: { unit: string; summary: string; date?: string; number?: string; conclusion?: 'SUITABLE' | 'NOT_SUITABLE' };
  attachments: { kindLabel: string; fileName: string }[];
  /** Mẫu 04 (workflow). */
  appraisal?: {
    appraiser: DocumentAgency;
    conclusion: 'SUITABLE' | 'NOT_SUITABLE';
    opinions: string;
    reasons: string[];
  };
  /** Mẫu 05: the Tờ trình submitted to the owner on submittedOn ('YYYY-MM-DD'). */
  approvalRequest?: { submittedOn: string; number?: string };
  /** Mẫu 06 (workflow). */
  decision?: {
    number: string;
    date: string;
    signerName: string;
    signerTitle: string;
    level: number;
    issuer: DocumentAgency;
    standard: string;
  };
  /** Mẫu 07: the owner's decision approving the security plan of a level 5 / national-list system (ND331 Art. 18.3.d). */
  planDecision?: {
    number: string;
    date: string;
    signerName: string;
    signerTitle: string;
    level: number;
    issuer: DocumentAgency;
    standard: string;
  };
  /** The request to put the system on the national-security List (Art. 17), and the Prime Minister's decision. */
  nationalListing?: { requestNumber?: string; requestDate?: string; decisionNumber?: string; decisionDate?: string };
}
