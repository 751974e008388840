import type { ApiBodyOptions } from '@nestjs/swagger';

/** The signed decision: a scanned PDF of a few pages. */
export const MAX_DECISION_BYTES = 10 * 1024 * 1024;
export const DECISION_UPLOAD = { limits: { fileSize: MAX_DECISION_BYTES, files: 1 } };

const common = {
  version: { type: 'integer', minimum: 1, description: 'Phiên bản hồ sơ đã đọc' },
  note: { type: 'string', maxLength: 4000 },
  decisionNumber: { type: 'string', maxLength: 60, example: '125/QĐ-UBND' },
  decisionDate: { type: 'string', format: 'date', example: '2026-11-25' },
  signerName: { type: 'string', maxLength: 255, example: 'Nguyễn Văn A' },
  signerTitle: { type: 'string', maxLength: 255, example: 'Chủ tịch' },
  file: { type: 'string', format: 'binary', description: 'Bản quyết định đã ký (PDF, tối đa 10 MB)' },
  confirmFutureDate: { type: 'boolean', description: 'Xác nhận quyết định ghi ngày sau hôm nay (nếu có)' },
} as const;
const required = ['version', 'decisionNumber', 'decisionDate', 'signerName', 'signerTitle', 'file'];

/** The multipart bodies of the decision actions, as the OpenAPI document describes them. */
export const DECISION_FORM: Record<'approve' | 'plan' | 'listing', ApiBodyOptions> = {
  approve: {
    schema: {
      type: 'object',
      required: [...required, 'level'],
      properties: { ...common, level: { type: 'integer', minimum: 1, maximum: 5 } },
    },
  },
  plan: { schema: { type: 'object', required, properties: common } },
  listing: { schema: { type: 'object', required, properties: common } },
};
