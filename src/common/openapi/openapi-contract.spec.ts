import { ERROR_CODES } from '../errors/error-codes';
import { completeDocument, Document, errorStatuses, RouteFacts } from './openapi-contract';
import { problemSchema } from './problem-schema';

const LICENSE = { name: 'UNLICENSED', url: 'https://example.org/licence' };
const PRIVATE: RouteFacts = { public: false, successStatus: 200 };
const PUBLIC: RouteFacts = { public: true, successStatus: 200 };

function documentWith(paths: Document['paths']): Document {
  return { info: { title: 'capdo API', version: '1' }, paths, components: { schemas: {} } };
}

const op = (operationId: string, extra: Record<string, unknown> = {}) => ({
  operationId,
  responses: { '200': { description: 'OK' } },
  ...extra,
});
const codes = (responses: Record<string, unknown>) => Object.keys(responses).sort();

describe('errorStatuses: the error responses an operation can give, derived from what it takes', () => {
  it('a public read without parameters: only an unreadable body (400) and the server-side 500 and 503', () => {
    expect(errorStatuses('get', op('Health_check'), PUBLIC)).toEqual(['400', '500', '503']);
  });

  it('a signed-in read of one record: 401, 403, 404; no 409, 413 or 422', () => {
    const read = op('Systems_get', { parameters: [{ in: 'path', name: 'id' }] });
    expect(errorStatuses('get', read, PRIVATE)).toEqual(['400', '401', '403', '404', '500', '503']);
  });

  it('a list with query parameters may refuse them (422)', () => {
    expect(errorStatuses('get', op('Systems_list', { parameters: [{ in: 'query', name: 'page' }] }), PRIVATE)).toContain('422');
  });

  it('an upload: 409 (state), 413 (size), 415 (file type), 422 (rules)', () => {
    const upload = op('Attachments_upload', {
      parameters: [{ in: 'path', name: 'id' }],
      requestBody: { content: { 'multipart/form-data': {} } },
    });
    expect(errorStatuses('post', upload, PRIVATE)).toEqual(['400', '401', '403', '404', '409', '413', '415', '422', '500', '503']);
  });

  it('keeps what the controller declares (a public sign-in: 401, 403, 429)', () => {
    const login = op('Auth_login', {
      requestBody: { content: { 'application/json': {} } },
      responses: { '200': { description: 'OK' }, '401': { description: 'x' }, '403': { description: 'y' }, '429': { description: 'z' } },
    });
    expect(errorStatuses('post', login, PUBLIC)).toEqual(['400', '401', '403', '413', '422', '429', '500', '503']);
  });
});

describe('completeDocument: the generated document made a contract', () => {
  it('says where it is served: PUBLIC_URL without its trailing slash, else the same host ("/")', () => {
    expect(completeDocument(documentWith({}), new Map(), { publicUrl: 'https://capdo.sonla.gov.vn/', license: LICENSE }).servers).toEqual([
      expect.objectContaining({ url: 'https://capdo.sonla.gov.vn' }),
    ]);
    expect(completeDocument(documentWith({}), new Map(), { license: LICENSE }).servers).toEqual([expect.objectContaining({ url: '/' })]);
  });

  it('bearer security by default, none on a public route, a licence', () => {
    const doc = documentWith({ '/api/health': { get: op('Health_check') }, '/api/v1/me': { get: op('Auth_me') } });
    completeDocument(
      doc,
      new Map([
        ['Health_check', PUBLIC],
        ['Auth_me', PRIVATE],
      ]),
      { license: LICENSE },
    );
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/api/health'].get.security).toEqual([]);
    expect(doc.paths['/api/v1/me'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.info.license).toEqual(LICENSE);
  });

  it('every error response is a Problem: shared responses by reference, a declared one keeps its description', () => {
    const doc = documentWith({
      '/api/v1/systems/{id}': {
        get: op('Systems_get', {
          parameters: [{ in: 'path', name: 'id' }],
          responses: { '200': { description: 'OK' }, '403': { description: 'Không có quyền' } },
        }),
      },
    });
    completeDocument(doc, new Map([['Systems_get', PRIVATE]]), { license: LICENSE });
    const responses = doc.paths['/api/v1/systems/{id}'].get.responses;
    expect(codes(responses)).toEqual(['200', '400', '401', '403', '404', '500', '503']);
    expect(responses['404']).toEqual({ $ref: '#/components/responses/NotFound' });
    expect(responses['403']).toEqual({
      description: 'Không có quyền',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
    // Only the shared responses some operation refers to are kept (403 here is the controller's own).
    expect(codes(doc.components?.responses ?? {})).toEqual([
      'BadRequest',
      'InternalError',
      'NotFound',
      'ServiceUnavailable',
      'Unauthenticated',
    ]);
    expect(doc.components?.schemas?.Problem).toEqual(problemSchema());
  });

  it('refuses to guess for an operation whose route metadata it cannot find', () => {
    const doc = documentWith({ '/x': { get: op('Unknown_handler') } });
    expect(() => completeDocument(doc, new Map(), { license: LICENSE })).toThrow(/No route metadata for GET \/x/);
  });
});

describe('problemSchema: RFC 9457 problem details as the filter sends them', () => {
  it('has the RFC members, the stable code (every code of the code map), field errors and the correlation id', () => {
    const schema = problemSchema() as { properties: Record<string, { enum?: string[] }>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(['type', 'title', 'status', 'detail', 'instance', 'code', 'errors', 'correlationId']);
    expect(schema.properties.code.enum).toEqual(Object.keys(ERROR_CODES));
    expect(schema.required).toEqual(['type', 'title', 'status', 'code']);
  });
});
