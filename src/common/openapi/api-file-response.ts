import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  zip: 'application/zip',
  octetStream: 'application/octet-stream',
} as const;

const BINARY = { type: 'string', format: 'binary' } as const;

/**
 * A response that is a file: one content entry per media type it can have, each a binary string — and, for routes
 * that answer JSON unless a file format is asked for, the JSON body's schema under application/json.
 */
export function ApiFileResponse(
  description: string,
  mediaTypes: readonly string[],
  options: { json?: Type<unknown>; status?: number } = {},
): MethodDecorator & ClassDecorator {
  const content: Record<string, { schema: Record<string, unknown> }> = {};
  if (options.json) content['application/json'] = { schema: { $ref: getSchemaPath(options.json) } };
  for (const mediaType of mediaTypes) content[mediaType] = { schema: BINARY };
  const decorators = [ApiResponse({ status: options.status ?? 200, description, content })];
  if (options.json) decorators.unshift(ApiExtraModels(options.json));
  return applyDecorators(...decorators);
}
