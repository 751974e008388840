/**
 * The date an official form carries: the date of its act, never the day it is printed for an act already done
 * (docs/legal/forms-03-05-07.md). Today only for the preview of an act not done yet, which the officer prints to sign.
 * Pure: the documents service passes today's date in.
 */
import { todayInVietnam } from '../common/dates';
import type { DocumentForm } from '../documents/document-data';
import { isEditable } from './dossier-status';

export interface DocumentDateFacts {
  status: string;
  submittedAt: Date | string | null;
  opinionRequest: { requestedOn: string } | null;
  appraisal: { appraisedAt: string } | null;
  approvalRequest: { submittedOn: string } | null;
  decision: { date: string } | null;
  planDecision: { date: string } | null;
}

export function documentDate(form: DocumentForm, d: DocumentDateFacts, today: string): string {
  switch (form) {
    case 'mau-03':
      // A draft prints the request it is about to send (also after an unsuitable opinion sent it back to draft).
      return (d.status !== 'DRAFT' && d.opinionRequest?.requestedOn) || today;
    case 'mau-04':
      return d.appraisal ? todayInVietnam(new Date(d.appraisal.appraisedAt)) : today;
    case 'mau-05':
      return d.approvalRequest?.submittedOn ?? today;
    case 'mau-06':
      return d.decision?.date ?? today;
    case 'mau-07':
      return d.planDecision?.date ?? today;
    default:
      // Mẫu 01/02 and the explanatory report: the (last) submission; a draft or a returned dossier is about to be sent.
      return isEditable(d.status) || !d.submittedAt ? today : todayInVietnam(new Date(d.submittedAt));
  }
}
