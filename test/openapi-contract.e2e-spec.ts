import { writeFileSync } from 'node:fs';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { ERROR_CODES } from '../src/common/errors/error-codes';
import { readRouteFacts } from '../src/common/openapi/route-facts';
import { DOCUMENT_FORMS } from '../src/documents/document-data';
import { ANNUAL_REPORT_FORMATS } from '../src/reports/dto/annual-report.dto';
import { REPORT_FORMATS } from '../src/reports/dto/report.dto';
import { createTestApp, expectProblem, TestApp } from './support/test-app';

interface Response {
  $ref?: string;
  description?: string;
  content?: Record<string, { schema?: Record<string, unknown> }>;
}
interface Operation {
  operationId: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; schema?: { enum?: string[] } }[];
  responses: Record<string, Response>;
}
interface Doc {
  servers: { url: string }[];
  info: { license?: { name: string } };
  security: Record<string, string[]>[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, { enum?: string[] }> }>; responses: Record<string, Response> };
}

const operations = (doc: Doc) =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));

/** The response as written in the operation, or the shared one it refers to. */
const resolved = (doc: Doc, response: Response): Response =>
  response.$ref ? doc.components.responses[response.$ref.replace('#/components/responses/', '')] : response;

describe('OpenAPI document as a contract (issue 23, point 5)', () => {
  let t: TestApp;
  let doc: Doc;
  let source: string;

  beforeAll(async () => {
    t = await createTestApp();
    const res = await t.http().get('/api/docs-json').expect(200);
    source = res.text;
    doc = JSON.parse(source);
    // CAPDO_OPENAPI_OUT=/path/openapi.json keeps the document for a look with `npx redocly lint`.
    if (process.env.CAPDO_OPENAPI_OUT) writeFileSync(process.env.CAPDO_OPENAPI_OUT, JSON.stringify(doc, null, 2));
  });
  afterAll(() => t.close());

  it('passes `redocly lint` with the recommended rules: no error, no warning', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source, absoluteRef: 'openapi.json', config });
    const messages = problems.map((p) => `${p.severity} ${p.ruleId} ${p.location[0]?.pointer ?? ''}: ${p.message}`);
    expect(messages).toEqual([]);
  });

  it('says where it is served and under which licence; bearer by default, none on public routes (from @Public())', () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: '/' })]);
    expect(doc.info.license).toMatchObject({ name: 'UNLICENSED' });
    expect(doc.security).toEqual([{ bearer: [] }]);
    const publicOps = operations(doc).filter(({ op }) => op.security?.length === 0);
    expect(publicOps.map(({ method, path }) => `${method} ${path}`).sort()).toEqual(['get /api/health', 'post /api/v1/auth/login']);
    for (const { op } of operations(doc)) expect(op.security).toBeDefined();
  });

  it('declares the {regime} and {file} path parameters as enums', () => {
    const rulebook = doc.paths['/api/v1/classification/rulebooks/{regime}'].get;
    expect(rulebook.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'regime', in: 'path', schema: expect.objectContaining({ enum: ['ND85', 'ND331'] }) }),
      ]),
    );
    const documents = doc.paths['/api/v1/dossiers/{id}/documents/{file}'].get;
    const file = documents.parameters?.find((p) => p.name === 'file');
    expect(file?.schema?.enum).toEqual(DOCUMENT_FORMS.flatMap((f) => [`${f}.pdf`, `${f}.docx`]));
  });

  it('has one Problem schema (RFC 9457 with code, errors, correlationId) behind every 4xx and 5xx response', () => {
    const problem = doc.components.schemas.Problem;
    expect(Object.keys(problem.properties ?? {})).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'instance', 'code', 'errors', 'correlationId']),
    );
    expect(problem.properties?.code.enum).toEqual(Object.keys(ERROR_CODES));
    const withoutProblem = operations(doc).flatMap(({ path, method, op }) =>
      Object.entries(op.responses)
        .filter(([status]) => /^[45]/.test(status))
        .filter(
          ([, response]) => resolved(doc, response).content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/Problem',
        )
        .map(([status]) => `${method} ${path} ${status}`),
    );
    expect(withoutProblem).toEqual([]);
  });

  it('derives the error responses from each route: 401/403 unless public, 404 with path parameters, 429 where limited, 503 everywhere', () => {
    const statuses = (path: string, method: string) => Object.keys(doc.paths[path][method].responses).sort();
    expect(statuses('/api/health', 'get')).toEqual(['200', '400', '500', '503']);
    expect(statuses('/api/v1/auth/login', 'post')).toEqual(['200', '400', '401', '403', '413', '422', '429', '500', '503']);
    expect(statuses('/api/v1/systems/{id}', 'get')).toEqual(expect.arrayContaining(['401', '403', '404', '503']));
    expect(statuses('/api/v1/systems/{id}', 'get')).not.toContain('409');
    expect(statuses('/api/v1/dossiers/{id}/attachments', 'post')).toEqual(expect.arrayContaining(['409', '413', '415', '422']));
    expect(statuses('/api/v1/dossiers/{id}/documents/{file}', 'get')).toContain('429');
    for (const { op } of operations(doc)) {
      expect(Object.keys(op.responses).some((s) => /^2\d\d$/.test(s))).toBe(true);
      expect(op.responses['503']).toBeDefined();
    }
  });

  it('declares for each operation the success status its route really answers (@HttpCode, else 201 for POST, 200)', () => {
    const facts = readRouteFacts(t.app);
    const wrong = operations(doc).flatMap(({ path, method, op }) => {
      const declared = Object.keys(op.responses).filter((s) => /^2\d\d$/.test(s));
      const real = String(facts.get(op.operationId)?.successStatus);
      return declared.length === 1 && declared[0] === real ? [] : [`${method} ${path}: declares ${declared.join(', ')}, answers ${real}`];
    });
    expect(wrong).toEqual([]);
  });

  it('declares file responses with their media types as binary strings', () => {
    const content = (path: string) => doc.paths[path].get.responses['200'].content ?? {};
    const binary = { schema: { type: 'string', format: 'binary' } };
    expect(content('/api/v1/dossiers/{id}/documents/{file}')).toEqual({
      'application/pdf': binary,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document': binary,
    });
    const approvalRate = content('/api/v1/reports/approval-rate');
    expect(approvalRate['application/json'].schema).toEqual({ $ref: '#/components/schemas/ApprovalRateReportDto' });
    expect(approvalRate).toMatchObject({ 'text/csv': binary, 'application/pdf': binary });
    // One media type per `format` the report routes accept (json included): a new format needs its media type.
    expect(Object.keys(approvalRate)).toHaveLength(REPORT_FORMATS.length);
    expect(Object.keys(content('/api/v1/reports/annual'))).toHaveLength(ANNUAL_REPORT_FORMATS.length);
    expect(content('/api/v1/reports/plan-items.xlsx')).toEqual({
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': binary,
    });
    expect(content('/api/v1/dossiers/{id}/attachments/{attachmentId}')).toMatchObject({ 'application/pdf': binary, 'image/png': binary });
    expect(doc.paths['/api/v1/dossiers/{id}/attachments/{attachmentId}'].delete.responses['204']).toBeDefined();
  });

  it('an error the API really sends has the fields the Problem schema declares', async () => {
    const token = await t.login('admin');
    const res = await t.http().get('/api/v1/systems/00000000-0000-4000-8000-000000000000').set('Authorization', `Bearer ${token}`);
    const body = expectProblem(res, 404, 'NOT_FOUND');
    const declared = Object.keys(doc.components.schemas.Problem.properties ?? {});
    expect(Object.keys(body).filter((key) => !declared.includes(key))).toEqual([]);
  });
});
