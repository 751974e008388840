/**
 * The data of the incident notice (templates/forms/thong-bao-su-co.json): what the owner sends the Ministry of Public
 * Security's specialised body under ND331 Art. 31.2.d. Built by src/incidents/incident-notice.service.ts.
 */
import type { DocumentAgency } from './document-data';

export const INCIDENT_NOTICE_FORM = 'thong-bao-su-co' as const;
export type IncidentNoticeForm = typeof INCIDENT_NOTICE_FORM;

export interface IncidentNoticeData {
  place: string;
  lawBasis: string;
  /** The notice's date (today for a draft print). */
  date: string;
  documentNumber: string;
  /** The issuer: the owner (Art. 31.2.d puts the duty on the owner). */
  owner: DocumentAgency;
  operator: DocumentAgency;
  /** The provincial police that receives the notice (Công an tỉnh). */
  addressee: DocumentAgency;
  /** INITIAL (thông báo ban đầu) or REPORT (báo cáo 72 giờ), chosen by the clocks still running. */
  noticeKind: string;
  noticeTitle: string;
  system: { name: string; code: string; levelLabel: string };
  incident: {
    title: string;
    detectedAt: string;
    severityLabel: string;
    nationalSecurity: string;
    description: string;
    actions: string;
    externalAssessment: string;
  };
  clocks: { label: string; due: string; status: string; article: string }[];
}
