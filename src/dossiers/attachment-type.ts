import { fromBuffer } from 'file-type';

/** What an attachment may be, judged from its bytes (the name and the browser's claim are not trusted). */
export const ALLOWED_MEDIA_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
};

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export async function detectAllowedType(content: Buffer): Promise<string | undefined> {
  const detected = await fromBuffer(content);
  return detected && ALLOWED_MEDIA_TYPES[detected.mime] ? detected.mime : undefined;
}

/** Multipart file names arrive as latin1 from busboy; recover UTF-8 names such as "Thiết kế.pdf". */
export function decodeFileName(raw: string): string {
  const utf8 = Buffer.from(raw, 'latin1').toString('utf8');
  const name = utf8.includes('\uFFFD') ? raw : utf8;
  return name.normalize('NFC').replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 255) || 'tep-dinh-kem';
}
