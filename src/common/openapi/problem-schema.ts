import { ERROR_CODES, ErrorCode } from '../errors/error-codes';

/** A JSON Schema object as the OpenAPI 3.0 document holds it (only what this folder reads and writes). */
export type SchemaObject = Record<string, unknown>;

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
export const PROBLEM_REF = '#/components/schemas/Problem';

/**
 * The one error body of the API (RFC 9457 problem details), as src/common/errors/problem.ts builds it and the filter
 * sends it: the stable `code` from the code map, field errors as `{ field: [messages] }`, and the correlation id of
 * the request. Extension members are allowed (RFC 9457 §3.2), e.g. `report` of IMPORT_ROWS_INVALID or
 * `retryAfterSeconds`.
 */
export function problemSchema(): SchemaObject {
  const codes = Object.keys(ERROR_CODES) as ErrorCode[];
  return {
    type: 'object',
    description:
      'Lỗi theo RFC 9457 (application/problem+json): mã lỗi ổn định `code`, lỗi từng trường `errors`, mã tham chiếu `correlationId`.',
    required: ['type', 'title', 'status', 'code'],
    properties: {
      type: {
        type: 'string',
        format: 'uri',
        description: 'Địa chỉ định danh loại lỗi',
        example: 'https://capdo.gov.vn/problems/not-found',
      },
      title: { type: 'string', description: 'Tên loại lỗi (tiếng Việt)', example: ERROR_CODES.NOT_FOUND.title },
      status: { type: 'integer', minimum: 400, maximum: 599, description: 'Mã trạng thái HTTP', example: 404 },
      detail: { type: 'string', description: 'Giải thích cho lần lỗi này', example: 'Không tìm thấy bản ghi.' },
      instance: { type: 'string', description: 'Địa chỉ đã gọi', example: '/api/v1/systems/3f0c1b9e-8f4a-4c55-9d2b-2f7f6c1e0a11' },
      code: { type: 'string', enum: codes, description: 'Mã lỗi ổn định (src/common/errors/error-codes.ts)', example: 'NOT_FOUND' },
      errors: {
        type: 'object',
        description: 'Lỗi từng trường: tên trường → các thông báo',
        additionalProperties: { type: 'array', items: { type: 'string' } },
        example: { userCount: ['Số người dùng phải là số nguyên không âm'] },
      },
      correlationId: {
        type: 'string',
        description: 'Mã tham chiếu của yêu cầu (tiêu đề X-Correlation-Id), ghi trong nhật ký máy chủ',
        example: '6f1c2d7e-0b9a-4f3e-8c5d-1a2b3c4d5e6f',
      },
    },
    additionalProperties: true,
  };
}
