import { DomainError } from '../common/errors/domain-error';
import { checkedReturnItemsDone, returnItemPart, returnItemsByPart, supplementNote } from './return-answers';

describe('return requests marked "đã bổ sung" (ND331 Art. 23.2: the return says what to supplement)', () => {
  const items = ['Bổ sung sơ đồ mạng', 'Bổ sung quy chế'];

  it('keeps the marks of a dossier being supplemented, once each, in order', () => {
    expect(checkedReturnItemsDone('RETURNED', items, [1, 0, 1])).toEqual([0, 1]);
    expect(checkedReturnItemsDone('RETURNED', items, [])).toEqual([]);
  });

  it('refuses a mark beyond the list, naming the field', () => {
    const error = (() => {
      try {
        checkedReturnItemsDone('RETURNED', items, [2]);
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(error?.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(error?.errors ?? {})).toEqual(['returnItemsDone']);
  });

  it('refuses marks on a draft never returned (Art. 23.2: only a returned dossier has requests to answer)', () => {
    expect(() => checkedReturnItemsDone('DRAFT', null, [0])).toThrow(DomainError);
    expect(() => checkedReturnItemsDone('DRAFT', null, [])).toThrow(DomainError);
  });

  it('pre-fills the resubmission note from the requests marked done', () => {
    expect(supplementNote(items, [1])).toBe('Đã bổ sung: Bổ sung quy chế.');
    expect(supplementNote(items, [])).toBe('');
    expect(supplementNote(null, [0])).toBe('');
  });
});

describe('the part of the dossier a return request concerns', () => {
  it('is read from the start of its line ("Phần 1" … "Phần 5", "Tệp đính kèm"), in any case', () => {
    expect(returnItemPart('Phần 2: bổ sung số văn bản phê duyệt thiết kế')).toBe('phan-2');
    expect(returnItemPart('  phần 4 — bổ sung kế hoạch sao lưu')).toBe('phan-4');
    expect(returnItemPart('Tệp đính kèm: sơ đồ mạng có địa chỉ IP')).toBe('tep');
    expect(returnItemPart('Tài liệu đính kèm: quy chế')).toBe('tep');
  });

  it('is not guessed from the rest of the text', () => {
    expect(returnItemPart('Bổ sung sơ đồ mạng (Phần 1)')).toBeNull();
    expect(returnItemPart('Phần 6: không có phần này')).toBeNull();
    expect(returnItemPart('Phần 12')).toBeNull();
  });
});

describe('the requests beside their parts', () => {
  it('groups the requests that name a part, with their marks; the others stay only at the top', () => {
    expect(returnItemsByPart(['Phần 1: mô tả', 'Chung chung', 'Tệp đính kèm: quy chế'], [2])).toEqual({
      'phan-1': [{ index: 0, item: 'Phần 1: mô tả', done: false }],
      tep: [{ index: 2, item: 'Tệp đính kèm: quy chế', done: true }],
    });
    expect(returnItemsByPart(null, [])).toEqual({});
  });
});
