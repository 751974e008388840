import { CallHandler, ExecutionContext, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Observable } from 'rxjs';
import { DomainError } from '../../common/errors/domain-error';
import { MAX_IMPORT_BYTES } from './sheet-file';

const MEGABYTES = MAX_IMPORT_BYTES / 1024 / 1024;

/** The refusal of a file over the limit, stating the limit (issue 21): the generic 413 did not say how much is allowed. */
export const importFileTooLarge = (): DomainError =>
  new DomainError(
    'PAYLOAD_TOO_LARGE',
    `Tệp lớn hơn ${MEGABYTES} MB, giới hạn của một lần nhập. Chia tệp thành nhiều phần rồi nhập lần lượt.`,
    { file: [`tối đa ${MEGABYTES} MB`] },
  );

/** The import's upload (field "file", one file of at most MAX_IMPORT_BYTES), for the API and the page alike. */
@Injectable()
export class ImportUploadInterceptor extends FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } }) {
  override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await super.intercept(context, next);
    } catch (error) {
      throw error instanceof PayloadTooLargeException ? importFileTooLarge() : error;
    }
  }
}
