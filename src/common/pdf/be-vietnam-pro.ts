/**
 * Be Vietnam Pro (OFL, from @expo-google-fonts/be-vietnam-pro) for pdfkit documents: the standard PDF fonts cannot
 * encode Vietnamese. The files are read once per process, and so is their parsing.
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

const files = new Map<BeVietnamProFace, Buffer>();
const parsed = new Map<BeVietnamProFace, ParsedFont>();
let EmbeddedFont: EmbeddedFontClass | undefined;

/** Shaped words kept per face; past this many (a few kB each) the face starts a new cache. */
export const LAYOUT_CACHE_WORDS = 20_000;
/** How many documents go by between two counts of the cached words (a count walks every key). */
const COUNT_EVERY = 64;
const layouts = new Map<BeVietnamProFace, Record<string, unknown>>();
let documents = 0;

function layoutCacheOf(face: BeVietnamProFace): Record<string, unknown> {
  let cache = layouts.get(face);
  if (!cache || (documents % COUNT_EVERY === 0 && Object.keys(cache).length > LAYOUT_CACHE_WORDS)) {
    cache = Object.create(null) as Record<string, unknown>;
    layouts.set(face, cache);
  }
  return cache;
}

function fileOf(face: BeVietnamProFace): Buffer {
  let bytes = files.get(face);
  if (!bytes) {
    const dir = path.dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));
    bytes = readFileSync(path.join(dir, BE_VIETNAM_PRO[face]));
    files.set(face, bytes);
  }
  return bytes;
}

/** Makes the faces available to `doc.font(face)`. Fonts not drawn with are not embedded (pdfkit embeds on first use). */
export function registerBeVietnamPro(doc: PDFKit.PDFDocument, faces: readonly BeVietnamProFace[]): void {
  const internals = doc as unknown as PdfKitFontInternals;
  documents++;
  for (const face of faces) {
    doc.registerFont(face, fileOf(face));
    const font = parsed.get(face);
    const families = internals._fontFamilies;
    if (font && EmbeddedFont && families && typeof internals._fontCount === 'number') {
      const embedded = new EmbeddedFont(doc, font, `F${++internals._fontCount}`);
      // Absent when the document was made with `fontLayoutCache: false`.
      if (embedded.layoutCache) embedded.layoutCache = layoutCacheOf(face);
      // Under both names, as pdfkit files a font it opens itself.
      families[face] = embedded;
      families[embedded.name] = embedded;
    } else {
      doc.font(face);
      const opened = internals._font;
      if (opened?.font && typeof opened.font.layout === 'function' && families?.[face] === opened) {
        parsed.set(face, opened.font);
        EmbeddedFont = opened.constructor as EmbeddedFontClass;
        if (opened.layoutCache) opened.layoutCache = layoutCacheOf(face);
      }
    }
  }
}

/** The parsed font and the shaped words behind a face in a document, for the spec: shared once the face is. */
export function sharedStateOf(doc: PDFKit.PDFDocument, face: BeVietnamProFace): { font?: unknown; layoutCache?: Record<string, unknown> } {
  const opened = (doc as unknown as PdfKitFontInternals)._fontFamilies?.[face];
  return { font: opened?.font, layoutCache: opened?.layoutCache };
}
