/**
 * Embedded fonts for pdfkit documents (the standard PDF fonts cannot encode Vietnamese), both OFL from Google Fonts
 * through @expo-google-fonts, each with its Vietnamese glyphs:
 * - Be Vietnam Pro: the reports, the screens' companion PDFs;
 * - Tinos: the official documents (Mẫu 01–08), a serif metrically compatible with Times New Roman, the face Decree
 *   30/2020/NĐ-CP (Annex I, Part I, I.4) sets for administrative documents.
 * The files are read once per process, and so is their parsing.
 *
 * pdfkit parses a registered font (fontkit.create) and builds its OpenType layout tables again in every document:
 * about 9 ms per face here, a fifth of a one-page form. A parsed fontkit Font only caches what it has decoded, so one
 * per process serves every document; each document still gets its own pdfkit EmbeddedFont over it, with its own
 * glyph subset, widths and ToUnicode map. The words pdfkit has shaped (its EmbeddedFont's `layoutCache`: a word's
 * glyphs and positions, which it only reads once made) are kept per process too, up to LAYOUT_CACHE_WORDS words a
 * face: a form's text is mostly its template's, so a later document shapes only its own names. Together they take a
 * Mẫu thuyết minh from about 140 ms to 60 ms here.
 *
 * pdfkit 0.17 has no public way to hand it a parsed font, so this uses three of its internals: the EmbeddedFont class
 * (the constructor of a font it opened), the `_fontFamilies` map in which `doc.font(name)` looks a name up before
 * parsing, and the font's `layoutCache`. If they are not there (another pdfkit), every document parses and shapes as
 * pdfkit does by itself; `be-vietnam-pro.spec.ts` fails then, so the loss is noticed.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const BE_VIETNAM_PRO = {
  regular: '400Regular/BeVietnamPro_400Regular.ttf',
  italic: '400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf',
  semibold: '600SemiBold/BeVietnamPro_600SemiBold.ttf',
  bold: '700Bold/BeVietnamPro_700Bold.ttf',
  boldItalic: '700Bold_Italic/BeVietnamPro_700Bold_Italic.ttf',
} as const;
export type BeVietnamProFace = keyof typeof BE_VIETNAM_PRO;

/** Tinos: Times New Roman's metrics (the same line breaks as the DOCX set in Times New Roman). */
export const TINOS = {
  regular: '400Regular/Tinos_400Regular.ttf',
  italic: '400Regular_Italic/Tinos_400Regular_Italic.ttf',
  bold: '700Bold/Tinos_700Bold.ttf',
  boldItalic: '700Bold_Italic/Tinos_700Bold_Italic.ttf',
  /** Tinos has no semibold: the report layouts that ask for one get the bold (Mẫu 08 printed as a letter). */
  semibold: '700Bold/Tinos_700Bold.ttf',
} as const;
export type TinosFace = keyof typeof TINOS;

const FAMILIES = {
  'be-vietnam-pro': {
    pkg: '@expo-google-fonts/be-vietnam-pro/package.json',
    files: BE_VIETNAM_PRO as Record<string, string>,
    shared: true,
  },
  // Parsed once, but its glyphs and shaped words not shared: drawing several documents with the same Tinos glyph
  // objects gave later documents a wrong ToUnicode map for a few letters (their text extracted as "ph4ơng";
  // documents.renderer.spec.ts renders every form in one process and would fail). Each document starts with an empty
  // glyph cache of the shared font and shapes its own words.
  tinos: { pkg: '@expo-google-fonts/tinos/package.json', files: TINOS as Record<string, string>, shared: false },
} as const;
type Family = keyof typeof FAMILIES;
/** A face of a family, as the caches key it ("tinos/bold"). */
type FaceKey = `${Family}/${string}`;

/** The fontkit Font inside a pdfkit EmbeddedFont: only what is needed to recognise one. */
interface ParsedFont {
  postscriptName: string;
  layout(text: string): unknown;
}
interface OpenedFont {
  name: string;
  font?: ParsedFont;
  layoutCache?: Record<string, unknown>;
}
type EmbeddedFontClass = new (doc: PDFKit.PDFDocument, font: ParsedFont, id: string) => OpenedFont;
interface PdfKitFontInternals {
  _font?: OpenedFont;
  _fontFamilies?: Record<string, OpenedFont>;
  _fontCount?: number;
}

const files = new Map<FaceKey, Buffer>();
const parsed = new Map<FaceKey, ParsedFont>();
let EmbeddedFont: EmbeddedFontClass | undefined;

/** Shaped words kept per face; past this many (a few kB each) the face starts a new cache. */
export const LAYOUT_CACHE_WORDS = 20_000;
/** How many documents go by between two counts of the cached words (a count walks every key). */
const COUNT_EVERY = 64;
const layouts = new Map<FaceKey, Record<string, unknown>>();
let documents = 0;

function layoutCacheOf(face: FaceKey): Record<string, unknown> {
  let cache = layouts.get(face);
  if (!cache || (documents % COUNT_EVERY === 0 && Object.keys(cache).length > LAYOUT_CACHE_WORDS)) {
    cache = Object.create(null) as Record<string, unknown>;
    layouts.set(face, cache);
  }
  return cache;
}

function fileOf(family: Family, face: string): Buffer {
  const key: FaceKey = `${family}/${face}`;
  let bytes = files.get(key);
  if (!bytes) {
    const dir = path.dirname(require.resolve(FAMILIES[family].pkg));
    bytes = readFileSync(path.join(dir, FAMILIES[family].files[face]));
    files.set(key, bytes);
  }
  return bytes;
}

/** Makes the faces available to `doc.font(face)`. Fonts not drawn with are not embedded (pdfkit embeds on first use). */
export function registerBeVietnamPro(doc: PDFKit.PDFDocument, faces: readonly BeVietnamProFace[]): void {
  registerFaces(doc, 'be-vietnam-pro', faces);
}

/** The official documents' serif, registered under the face names (`doc.font('bold')`). */
export function registerTinos(doc: PDFKit.PDFDocument, faces: readonly TinosFace[]): void {
  registerFaces(doc, 'tinos', faces);
}

function registerFaces(doc: PDFKit.PDFDocument, family: Family, faces: readonly string[]): void {
  const internals = doc as unknown as PdfKitFontInternals;
  documents++;
  for (const face of faces) {
    const key: FaceKey = `${family}/${face}`;
    doc.registerFont(face, fileOf(family, face));
    const font = parsed.get(key);
    const families = internals._fontFamilies;
    if (font && EmbeddedFont && families && typeof internals._fontCount === 'number') {
      if (!FAMILIES[family].shared) (font as unknown as { _glyphs?: object })._glyphs = {};
      const embedded = new EmbeddedFont(doc, font, `F${++internals._fontCount}`);
      // Absent when the document was made with `fontLayoutCache: false`.
      if (embedded.layoutCache && FAMILIES[family].shared) embedded.layoutCache = layoutCacheOf(key);
      // Under both names, as pdfkit files a font it opens itself.
      families[face] = embedded;
      families[embedded.name] = embedded;
    } else {
      doc.font(face);
      const opened = internals._font;
      if (opened?.font && typeof opened.font.layout === 'function' && families?.[face] === opened) {
        parsed.set(key, opened.font);
        EmbeddedFont = opened.constructor as EmbeddedFontClass;
        if (opened.layoutCache && FAMILIES[family].shared) opened.layoutCache = layoutCacheOf(key);
      }
    }
  }
}

/** The parsed font and the shaped words behind a face in a document, for the spec: shared once the face is. */
export function sharedStateOf(
  doc: PDFKit.PDFDocument,
  face: BeVietnamProFace | TinosFace,
): { font?: unknown; layoutCache?: Record<string, unknown> } {
  const opened = (doc as unknown as PdfKitFontInternals)._fontFamilies?.[face];
  return { font: opened?.font, layoutCache: opened?.layoutCache };
}
