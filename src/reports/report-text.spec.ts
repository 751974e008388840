import { csvField, formatCount, formatDateVi, formatPercent, reportFileName, toCsv } from './report-text';

describe('report text', () => {
  it('writes dates the Vietnamese way, and nothing for no date', () => {
    expect(formatDateVi('2026-01-06')).toBe('06/01/2026');
    expect(formatDateVi(null)).toBe('');
    expect(formatDateVi(undefined)).toBe('');
  });

  it.each([
    [52.6, '52,6%'],
    [100, '100%'],
    [0, '0%'],
    [8.9, '8,9%'],
    [null, '—'],
  ])('writes the percentage %p as %p', (value, text) => expect(formatPercent(value)).toBe(text));

  it('groups thousands with a dot', () => {
    expect(formatCount(12000)).toBe('12.000');
    expect(formatCount(283)).toBe('283');
    expect(formatCount(1234567)).toBe('1.234.567');
  });

  it('names the download with ASCII only', () => {
    expect(reportFileName('ty-le-phe-duyet-cap-do', '2026-01-06', 'pdf')).toBe('ty-le-phe-duyet-cap-do-2026-01-06.pdf');
  });
});

describe('CSV', () => {
  it.each([
    ['Sở Xây dựng', 'Sở Xây dựng'],
    ['Tên cơ quan, đơn vị', '"Tên cơ quan, đơn vị"'],
    ['Trung tâm "Phục vụ hành chính công"', '"Trung tâm ""Phục vụ hành chính công"""'],
    ['dòng 1\ndòng 2', '"dòng 1\ndòng 2"'],
    ['a;b', '"a;b"'],
    ['', ''],
  ])('quotes %p only when it must (RFC 4180)', (value, field) => expect(csvField(value)).toBe(field));

  it('writes numbers as they are and nothing for null', () => {
    expect(csvField(19)).toBe('19');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it.each(['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)'])(
    'defuses the formula-like %p so a spreadsheet shows it as text',
    (value) => {
      expect(csvField(value).replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it.each([
    ['a;=1+1', `"a;'=1+1"`],
    ['x,@SUM(1)', `"x,'@SUM(1)"`],
    ['Sở A\t-1', `"Sở A\t'-1"`],
  ])('defuses %p where Excel splits it on ";", "," or tab', (value, field) => expect(csvField(value)).toBe(field));

  it('keeps a negative count a number', () => expect(csvField(-5)).toBe('-5'));

  it('starts with the UTF-8 byte-order mark and ends lines with CRLF', () => {
    const content = toCsv([
      ['Mã', 'Tên'],
      ['SL-X-MUONGLAN', 'UBND xã Mường Lạn'],
    ]);
    expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(content.subarray(3).toString('utf8')).toBe('Mã,Tên\r\nSL-X-MUONGLAN,UBND xã Mường Lạn\r\n');
  });
});
