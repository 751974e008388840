import { csvField, formatCount, formatDateVi, formatPercent, keepDatesWhole, percentHeader, reportFileName, toCsv } from './report-text';

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

describe('CSV for Excel in a Vietnamese locale (";" and decimal comma)', () => {
  it("writes a percentage as a number with the dialect's decimal separator", () => {
    expect(csvField(52.6)).toBe('52.6');
    expect(csvField(52.6, ';')).toBe('52,6');
    expect(csvField(19, ';')).toBe('19');
    expect(csvField(-5, ';')).toBe('-5');
  });

  it('separates with ";", keeps quoting text that holds a separator, and defuses formulas the same way', () => {
    const content = toCsv(
      [
        ['Nhóm cơ quan, đơn vị', percentHeader('Tỷ lệ')],
        ['=cmd', 66.7],
        ['a;b', null],
      ],
      ';',
    );
    expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(content.subarray(3).toString('utf8')).toBe(`"Nhóm cơ quan, đơn vị";Tỷ lệ (%)\r\n'=cmd;66,7\r\n"a;b";\r\n`);
  });
});

describe('dates in PDF text', () => {
  it('joins "ngày" and its date with no-break spaces, in figures and in words', () => {
    expect(keepDatesWhole('Số 101/QĐ-CAT-PA05 ngày 01/09/2025 của Công an tỉnh')).toBe(
      'Số 101/QĐ-CAT-PA05 ngày\u00A001/09/2025 của Công an tỉnh',
    );
    expect(keepDatesWhole('Sơn La, ngày 07 tháng 12 năm 2026')).toBe('Sơn La, ngày\u00A007\u00A0tháng\u00A012\u00A0năm\u00A02026');
    expect(keepDatesWhole('Ngày 1/2/2026')).toBe('Ngày\u00A01/2/2026');
  });

  it('leaves other text as it is', () => {
    expect(keepDatesWhole('Số, ngày, cơ quan ban hành')).toBe('Số, ngày, cơ quan ban hành');
    expect(keepDatesWhole('31/12/2026')).toBe('31/12/2026');
  });
});
