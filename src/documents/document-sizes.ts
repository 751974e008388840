/**
 * Type sizes of the official documents, in points, shared by the PDF and the DOCX so both print alike. Decree
 * 30/2020/NĐ-CP, Annex I, Part I (docs/legal/forms-wording.md):
 * - body text, the căn cứ, "Kính gửi", the signer's title and name, the place and date, the title: 13–14 (we use 14);
 * - Quốc hiệu, the issuing body and the body above it: 12–13 (13); the motto: 13–14 (14);
 * - "Số:" 13; the "V/v" summary of an official letter: 12–13 (13);
 * - "Nơi nhận:" 12 bold italic, its list 11; page numbers 13–14 (14).
 * The annex sets no size for tables and footnotes: 12, as Word's default for notes in these offices.
 */
export const DOCUMENT_SIZES = {
  body: 14,
  header: 13,
  title: 14,
  table: 12,
  recipientsLabel: 12,
  recipients: 11,
  footnote: 12,
  pageNumber: 14,
} as const;

/** The face: Times New Roman (Annex I, Part I, I.4). The PDF embeds Tinos, metrically the same, with Vietnamese. */
export const DOCUMENT_FONT = 'Times New Roman';
