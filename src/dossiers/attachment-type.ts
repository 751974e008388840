import { fromBuffer } from 'file-type';

/** What an attachment may be, judged from its bytes (the name and the browser's claim are not trusted). */
export const ALLOWED_MEDIA_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
};

/** The extensions a stored name may end with for each type; the first is the one given when the name lies. */
export const MEDIA_TYPE_EXTENSIONS: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const DEFAULT_BASE_NAME = 'tep-dinh-kem';
const MAX_NAME_LENGTH = 255;

export async function detectAllowedType(content: Buffer): Promise<string | undefined> {
  const detected = await fromBuffer(content);
  return detected && ALLOWED_MEDIA_TYPES[detected.mime] ? detected.mime : undefined;
}

/**
 * Characters that must not reach a file name: C0/C1 controls, format characters (bidi embeddings and isolates
 * U+202A–U+202E, U+2066–U+2069, marks U+200E/F and U+061C, zero-width characters, BOM), line and paragraph
 * separators, lone surrogates. A right-to-left override can make "tai-lieu‮fdp.exe" read as "tai-lieuexe.pdf".
 */
const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
/** Path separators and the characters Windows refuses in names, so the name saved by the browser is the one shown. */
const UNSAFE_IN_NAME = /[\\/:*?"<>|]/g;

/** A name as a user would read it: controls and bidi characters removed, NFC, no path, no leading or trailing dots or spaces. */
export function cleanFileName(name: string): string {
  return name
    .replace(INVISIBLE_OR_CONTROL, '')
    .normalize('NFC')
    .replace(UNSAFE_IN_NAME, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
}

/** Multipart file names arrive as latin1 from busboy; recover UTF-8 names such as "Thiết kế.pdf". */
export function decodeFileName(raw: string): string {
  const utf8 = Buffer.from(raw, 'latin1').toString('utf8');
  return utf8.includes('\uFFFD') ? raw : utf8;
}

/**
 * The name an attachment is stored and served under: the user's base name, cleaned, with the extension of the type
 * its bytes were recognised as. "Huong-dan.bat" holding a PDF becomes "Huong-dan.pdf"; "Anh.JPEG" stays as it is.
 */
export function storedFileName(rawName: string, mediaType: string): string {
  const extensions = MEDIA_TYPE_EXTENSIONS[mediaType];
  if (!extensions) throw new Error(`No extension known for ${mediaType}`);
  const name = cleanFileName(rawName);
  const dot = name.lastIndexOf('.');
  const [base, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot + 1)] : [name, ''];
  const keptExtension = extensions.includes(extension.toLowerCase()) ? extension : extensions[0];
  const cleanBase = base.replace(/[\s.]+$/, '') || DEFAULT_BASE_NAME;
  return `${[...cleanBase].slice(0, MAX_NAME_LENGTH - keptExtension.length - 1).join('')}.${keptExtension}`;
}

/**
 * Content-Disposition for a download (RFC 6266 with RFC 8187 `filename*`): the UTF-8 name for every current browser,
 * and an ASCII fallback without diacritics for the others.
 */
export function attachmentDisposition(fileName: string): string {
  const name = cleanFileName(fileName) || DEFAULT_BASE_NAME;
  const ascii =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\%]/g, '_') || DEFAULT_BASE_NAME;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Headers of a file download: the stored type (never guessed from the name), no sniffing, no caching. */
export function downloadHeaders(fileName: string, mediaType: string): Record<string, string> {
  return {
    'Content-Type': mediaType,
    'Content-Disposition': attachmentDisposition(fileName),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
}
