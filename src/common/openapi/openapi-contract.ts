import { PROBLEM_MEDIA_TYPE, PROBLEM_REF, problemSchema, SchemaObject } from './problem-schema';

/** What the generated document cannot know about a route and its metadata can: read by route-facts.ts. */
export interface RouteFacts {
  /** `@Public()`: no token needed (the guard lets it through). */
  public: boolean;
  /** The status it answers on success (`@HttpCode`, else 201 for POST, 200 otherwise). */
  successStatus: number;
}

interface Operation {
  operationId?: string;
  parameters?: { in: string; name: string }[];
  requestBody?: { content?: Record<string, unknown> };
  responses: Record<string, { description?: string; content?: Record<string, unknown>; $ref?: string }>;
  security?: Record<string, string[]>[];
}

export interface Document {
  info: Record<string, unknown>;
  servers?: { url: string; description?: string }[];
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, SchemaObject>; responses?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
}

export const BEARER = 'bearer';
const WRITES = new Set(['post', 'put', 'patch', 'delete']);
const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/** The shared error responses, each a Problem; an operation refers to the ones it can give. */
const ERROR_RESPONSES: Record<string, { name: string; description: string }> = {
  '400': { name: 'BadRequest', description: 'BAD_REQUEST, MALFORMED_JSON: yêu cầu không đọc được (JSON sai cú pháp, tham số sai kiểu)' },
  '401': { name: 'Unauthenticated', description: 'UNAUTHENTICATED: chưa đăng nhập hoặc phiên đăng nhập đã hết hạn' },
  '403': { name: 'Forbidden', description: 'FORBIDDEN và các mã 403 khác: không có quyền với thao tác hoặc bản ghi này' },
  '404': { name: 'NotFound', description: 'NOT_FOUND: không có bản ghi này trong phạm vi của tài khoản' },
  '409': { name: 'Conflict', description: 'VERSION_CONFLICT, DUPLICATE hoặc thao tác không phù hợp với trạng thái của bản ghi' },
  '413': { name: 'PayloadTooLarge', description: 'PAYLOAD_TOO_LARGE: nội dung hoặc tệp gửi lên quá lớn' },
  '415': { name: 'UnsupportedMediaType', description: 'UNSUPPORTED_MEDIA_TYPE, ATTACHMENT_TYPE_NOT_ALLOWED: loại tệp không được nhận' },
  '422': { name: 'Unprocessable', description: 'VALIDATION_FAILED (kèm `errors` từng trường) hoặc vi phạm quy định nghiệp vụ (mã riêng)' },
  '429': { name: 'TooManyRequests', description: 'TOO_MANY_REQUESTS: quá nhiều yêu cầu (kèm tiêu đề Retry-After)' },
  '500': { name: 'InternalError', description: 'INTERNAL_ERROR: lỗi ngoài dự kiến (báo quản trị viên kèm correlationId)' },
  '503': {
    name: 'ServiceUnavailable',
    description: 'SERVICE_UNAVAILABLE: dịch vụ đang dừng hoặc cơ sở dữ liệu tạm thời không kết nối được',
  },
};

/**
 * The error statuses an operation can answer, derived from what it takes and from its route metadata:
 * - 400 always: the body parsers read any request's body before routing, so a malformed JSON body is refused on every
 *   route; parameters and bodies of the wrong type are refused too;
 * - 401 and 403 unless the route is public;
 * - 404 when the path names a record (it has path parameters);
 * - 409 for authenticated writes (version conflicts, duplicates, state transitions);
 * - 413 when it takes a body (the JSON body limit, the upload's file size);
 * - 415 when it takes a file upload (multipart);
 * - 422 when it takes a body or query parameters (validation) or writes (domain rules);
 * - 429 when it is limited per user: `@LimitedPerUser` declares that response itself (with Retry-After);
 * - 500 and 503 everywhere (an unexpected error; the shutdown gate or the database being down).
 * Statuses a controller declares itself (e.g. login's 401, 403, 429) are kept, with their descriptions.
 */
export function errorStatuses(method: string, operation: Operation, facts: RouteFacts): string[] {
  const params = operation.parameters ?? [];
  const hasBody = operation.requestBody !== undefined;
  const write = WRITES.has(method);
  const statuses = new Set(['400', '500', '503']);
  if (!facts.public) ['401', '403'].forEach((s) => statuses.add(s));
  if (params.some((p) => p.in === 'path')) statuses.add('404');
  if (write && !facts.public) statuses.add('409');
  if (hasBody) statuses.add('413');
  if (operation.requestBody?.content?.['multipart/form-data']) statuses.add('415');
  if (hasBody || write || params.some((p) => p.in === 'query')) statuses.add('422');
  for (const status of Object.keys(operation.responses)) if (/^[45]\d\d$/.test(status)) statuses.add(status);
  return [...statuses].sort();
}

/**
 * Completes the document Nest generates into a contract a client can be generated from: where it is served, its
 * licence, bearer security by default and none on public routes, the Problem schema on every error response each
 * operation can give (see errorStatuses). `facts` is keyed by operationId.
 */
export function completeDocument(
  doc: Document,
  facts: ReadonlyMap<string, RouteFacts>,
  options: { publicUrl?: string; license: { name: string; url: string } },
): Document {
  doc.servers = [{ url: options.publicUrl ? options.publicUrl.replace(/\/+$/, '') : '/', description: 'Máy chủ capdo' }];
  doc.info.license = options.license;
  doc.security = [{ [BEARER]: [] }];
  doc.components ??= {};
  doc.components.schemas = { ...doc.components.schemas, Problem: problemSchema() };
  const used = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method)) continue;
      const routeFacts = operation.operationId ? facts.get(operation.operationId) : undefined;
      if (!routeFacts)
        throw new Error(`No route metadata for ${method.toUpperCase()} ${path} (${operation.operationId ?? 'no operationId'})`);
      operation.security = routeFacts.public ? [] : [{ [BEARER]: [] }];
      for (const status of errorStatuses(method, operation, routeFacts)) {
        const declared = operation.responses[status];
        const shared = ERROR_RESPONSES[status];
        if (declared?.description && !declared.$ref) {
          operation.responses[status] = { ...declared, content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: PROBLEM_REF } } } };
        } else if (shared) {
          operation.responses[status] = { $ref: `#/components/responses/${shared.name}` };
          used.add(status);
        }
      }
    }
  }
  doc.components.responses = { ...doc.components.responses, ...sharedErrorResponses([...used]) };
  return doc;
}

/** The shared error responses the operations refer to (an unused component would be noise in the contract). */
function sharedErrorResponses(statuses: string[]): Record<string, unknown> {
  return Object.fromEntries(
    statuses.sort().map((status) => {
      const { name, description } = ERROR_RESPONSES[status];
      return [name, { description, content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: PROBLEM_REF } } } }];
    }),
  );
}
