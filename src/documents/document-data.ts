/**
 * Everything the official forms print, already resolved to Vietnamese text. The dossier and workflow services
 * build it from the database; the renderers turn it into PDF and DOCX through the templates in templates/forms/.
 */
export const DOCUMENT_FORMS = ['mau-01', 'mau-02', 'thuyet-minh', 'mau-04', 'mau-06'] as const;
export type DocumentForm = (typeof DOCUMENT_FORMS)[number];

export interface DocumentAgency {
  name: string;
  code: string;
  /** The body above it, printed over the issuing body's name in the header (e.g. "UBND TỈNH SƠN LA"). */
  parentName?: string;
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
  /** Place printed before the date, e.g. "Sơn La". */
  place: string;
  /** Date printed on the document, 'YYYY-MM-DD'. */
  date: string;
  /** Số/ký hiệu; blank leaves a gap for the clerk ("Số: ……/……"). */
  documentNumber?: string;
  owner: DocumentAgency;
  operator: DocumentAgency;
  /** Body the request is addressed to (the appraising body). */
  addressee: DocumentAgency;
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
  proposedLevel: number;
  computedLevel: number | null;
  matchedRules: { id: string; article: string; level: number; reason: string }[];
  levelJustification: string;
  /** Seven sections of Decree 85 Art. 19.2 / Decree 331 Art. 29.2, in order (a)…(g). */
  planSections: { key: string; title: string; text: string }[];
  planEntries: DocumentPlanEntry[];
  catalogueTitle: string;
  expertOpinion?: { unit: string; summary: string; date?: string };
  attachments: { kindLabel: string; fileName: string }[];
  /** Mẫu 04 (workflow). */
  appraisal?: {
    appraiser: DocumentAgency;
    conclusion: 'SUITABLE' | 'NOT_SUITABLE';
    opinions: string;
    reasons: string[];
  };
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
}
