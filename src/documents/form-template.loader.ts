/**
 * Loading the form templates of templates/forms (cached; a file edited by an administrator is picked up on the next
 * render). The only module of the form templates with a side effect: it reads the files.
 */
import { readFileSync, statSync, existsSync } from 'fs';
import * as path from 'path';
import { DOCUMENT_FORMS } from './document-data';
import type { TemplateForm } from './form-template.data';
import { parseFormTemplate } from './form-template.compiler';
import { FormTemplateError, type FormTemplate } from './form-template.types';

let templatesDirCache: string | undefined;

/** templates/forms of the project: from the working directory, or found by walking up from this file (dist builds). */
export function formTemplatesDir(): string {
  if (templatesDirCache) return templatesDirCache;
  const candidates = [path.resolve(process.cwd(), 'templates/forms')];
  for (let dir = __dirname, i = 0; i < 5; i++, dir = path.dirname(dir)) candidates.push(path.join(dir, 'templates/forms'));
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`Không tìm thấy thư mục mẫu văn bản templates/forms (đã tìm: ${candidates.join(', ')})`);
  templatesDirCache = found;
  return found;
}

const templateCache = new Map<string, { mtimeMs: number; size: number; template: FormTemplate }>();

export function loadFormTemplate(form: TemplateForm, dir: string = formTemplatesDir()): FormTemplate {
  const file = path.join(dir, `${form}.json`);
  const label = path.relative(process.cwd(), file) || file;
  let stat;
  try {
    stat = statSync(file);
  } catch {
    throw new FormTemplateError(label, '(tệp)', 'không tìm thấy tệp mẫu');
  }
  const cached = templateCache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.template;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new FormTemplateError(label, '(JSON)', `không đọc được JSON: ${(error as Error).message}`);
  }
  const template = parseFormTemplate(json, label, form);
  templateCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, template });
  return template;
}

/** Loads and validates every form template; call at start-up or in a spec to fail fast on an edited template. */
export function loadAllFormTemplates(dir: string = formTemplatesDir()): FormTemplate[] {
  return DOCUMENT_FORMS.map((form) => loadFormTemplate(form, dir));
}
