/**
 * The official forms as PDF or DOCX: one call for the services that build DossierDocumentData.
 * Templates (templates/forms/*.json) and the embedded font are read once and kept in memory.
 */
import { DomainError } from '../common/errors/domain-error';
import { DOCUMENT_FORMS, type DocumentForm, type DossierDocumentData } from './document-data';
import { renderDocx } from './docx-renderer';
import { INCIDENT_NOTICE_FORM, type IncidentNoticeData } from './incident-notice-data';
import { isDocumentForm } from './form-template.data';
import { asciiSlug } from './form-template.helpers';
import { loadAllFormTemplates, loadFormTemplate } from './form-template.loader';
import { resolveFormTemplate } from './form-template.resolver';
import type { FormTemplate, ResolvedDocument } from './form-template.types';
import { renderPdf } from './pdf-renderer';

export type DocumentFormat = 'pdf' | 'docx';
export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ['pdf', 'docx'];

export const DOCUMENT_MIME_TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function templateFor(form: string): FormTemplate {
  if (!isDocumentForm(form)) {
    throw new DomainError('NOT_FOUND', `Không có mẫu văn bản "${form}" (có: ${DOCUMENT_FORMS.join(', ')}).`);
  }
  return loadFormTemplate(form);
}

function checkFormat(format: string): asserts format is DocumentFormat {
  if (!DOCUMENT_FORMATS.includes(format as DocumentFormat)) {
    throw new DomainError('BAD_REQUEST', `Định dạng "${format}" không được hỗ trợ (dùng: ${DOCUMENT_FORMATS.join(', ')}).`);
  }
}

/**
 * Fills the form's template with the dossier's data and draws it. Throws DomainError NOT_FOUND for an unknown form,
 * DomainError DOSSIER_INCOMPLETE when the form needs data the dossier does not have yet (Mẫu 04 without an
 * appraisal), and FormTemplateError when an administrator's template is invalid.
 */
export async function renderDocument(form: DocumentForm, data: DossierDocumentData, format: DocumentFormat): Promise<Buffer> {
  const template = templateFor(form);
  checkFormat(format);
  const resolved = resolveFormTemplate(template, data);
  return format === 'pdf' ? renderPdf(resolved) : renderDocx(resolved);
}

/** The incident notice (templates/forms/thong-bao-su-co.json) of src/incidents, as PDF or DOCX. */
export async function renderIncidentNotice(data: IncidentNoticeData, format: DocumentFormat): Promise<Buffer> {
  checkFormat(format);
  const resolved = resolveFormTemplate(loadFormTemplate(INCIDENT_NOTICE_FORM), data);
  return format === 'pdf' ? renderPdf(resolved) : renderDocx(resolved);
}

/** "mau-02-de-nghi-tham-dinh-CONG-TTDT.pdf": form, the template's short name folded to ASCII, the system code. */
export function documentFileName(form: DocumentForm, data: DossierDocumentData, format: DocumentFormat): string {
  const template = templateFor(form);
  checkFormat(format);
  const code = asciiSlug(data.system.code);
  return `${form}-${asciiSlug(template.shortName).toLowerCase()}${code ? `-${code}` : ''}.${format}`;
}

const WARM_UP: ResolvedDocument = {
  form: 'mau-01',
  name: 'Khởi động',
  shortName: 'Khởi động',
  blocks: [
    {
      type: 'header',
      issuerParent: 'ỦY BAN NHÂN DÂN TỈNH',
      issuerName: 'SỞ',
      number: 'Số: …',
      summary: 'V/v …',
      nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      motto: 'Độc lập - Tự do - Hạnh phúc',
      placeDate: 'ngày … tháng … năm …',
    },
    {
      type: 'paragraph',
      runs: [
        { text: 'Điều 1.', bold: true, italic: false },
        { text: ' Cấp độ', bold: false, italic: true },
      ],
      align: 'justify',
      indent: true,
    },
    { type: 'table', columns: [{ header: 'STT', width: 1, align: 'center' }], rows: [{ kind: 'cells', cells: ['1'] }] },
    {
      type: 'signature',
      recipients: { label: 'Nơi nhận:', items: ['- Lưu: VT.'] },
      signer: { lines: ['GIÁM ĐỐC'], note: '(Ký)', name: 'Tên' },
    },
  ],
};

/**
 * Validates every template and runs each renderer once, so that a broken template fails at start-up and the first
 * user does not wait for the font files to be read and the PDF and DOCX code paths to be compiled (~0.3–0.5 s).
 */
export async function warmUpDocumentRenderer(): Promise<void> {
  loadAllFormTemplates();
  loadFormTemplate(INCIDENT_NOTICE_FORM);
  await renderPdf(WARM_UP);
  await renderDocx(WARM_UP);
}
