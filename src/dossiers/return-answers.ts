import { DomainError } from '../common/errors/domain-error';

/**
 * The appraiser's return for supplement (ND331 Art. 23.2; ND85 Art. 16) lists what the body must add; the officer marks
 * each request "đã bổ sung" as it is answered, while the dossier is being supplemented. The marks are positions in the
 * last return's list, kept through the resubmission so the appraiser sees which requests were answered.
 */
export function checkedReturnItemsDone(status: string, items: readonly string[] | null, done: readonly number[]): number[] {
  if (status !== 'RETURNED')
    throw new DomainError('VALIDATION_FAILED', 'Chỉ đánh dấu nội dung đã bổ sung khi hồ sơ đang được bổ sung theo yêu cầu.', {
      returnItemsDone: ['hồ sơ không ở trạng thái "Yêu cầu bổ sung"'],
    });
  const count = items?.length ?? 0;
  const unknown = done.filter((i) => i >= count);
  if (unknown.length)
    throw new DomainError('VALIDATION_FAILED', 'Có nội dung đánh dấu không thuộc yêu cầu bổ sung.', {
      returnItemsDone: [`yêu cầu bổ sung chỉ có ${count} nội dung (vị trí từ 0 đến ${Math.max(count - 1, 0)})`],
    });
  return [...new Set(done)].sort((a, b) => a - b);
}

/** The resubmission's "Nội dung đã bổ sung", pre-filled from the requests marked done. */
export function supplementNote(items: readonly string[] | null, done: readonly number[]): string {
  const answered = (items ?? []).filter((_, i) => done.includes(i));
  return answered.length ? `Đã bổ sung: ${answered.join('; ')}.` : '';
}

/** The parts of a dossier a return request can concern, as the dossier page names its sections. */
export const RETURN_PARTS = ['phan-1', 'phan-2', 'phan-3', 'phan-4', 'phan-5', 'tep'] as const;
export type ReturnPart = (typeof RETURN_PARTS)[number];

/**
 * The part a request concerns when the appraiser starts its line with it ("Phần 2: …", "Tệp đính kèm: …"); nothing is
 * guessed from the rest of the text. A request without a part is shown only in the list at the top of the page.
 */
export function returnItemPart(item: string): ReturnPart | null {
  const part = /^\s*phần\s*([1-5])\b/iu.exec(item);
  if (part) return `phan-${part[1]}` as ReturnPart;
  if (/^\s*(tệp|tài liệu) đính kèm\b/iu.test(item.normalize('NFC'))) return 'tep';
  return null;
}

/** The requests grouped by the part they concern, for the dossier page to show each beside its part. */
export function returnItemsByPart(
  items: readonly string[] | null,
  done: readonly number[],
): Partial<Record<ReturnPart, { index: number; item: string; done: boolean }[]>> {
  const byPart: Partial<Record<ReturnPart, { index: number; item: string; done: boolean }[]>> = {};
  (items ?? []).forEach((item, index) => {
    const part = returnItemPart(item);
    if (part) (byPart[part] ??= []).push({ index, item, done: done.includes(index) });
  });
  return byPart;
}
