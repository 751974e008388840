import { CellValue, EXAMPLE_SYSTEM, HEADER_ROW, SheetField, SheetSystem, SYSTEM_COLUMNS } from './system-columns';
import { detectHeader } from './sheet-header';
import { formatSystemRow, isBlankRow, isExampleRow, parseSystemRow } from './system-sheet';

type Cells = Partial<Record<SheetField, CellValue>>;

const REQUIRED: Cells = {
  ownerAgencyCode: 'SL-SO-XD',
  code: 'QLVB',
  name: 'Hệ thống quản lý văn bản',
  systemType: 'Hệ thống thông tin phục vụ hoạt động nội bộ',
  infoTypes: 'Thông tin riêng',
  lifecycle: 'Đang vận hành',
};

/** Parses one cell of an otherwise valid row; returns the value read or the errors. */
function cell(field: SheetField, value: CellValue) {
  const { values, errors } = parseSystemRow({ ...REQUIRED, [field]: value });
  return { value: values[field], errors };
}

const valueOf = (field: SheetField, value: CellValue) => {
  const result = cell(field, value);
  expect(result.errors).toEqual([]);
  return result.value;
};

const errorOf = (field: SheetField, value: CellValue) => {
  const { errors } = cell(field, value);
  expect(errors).toHaveLength(1);
  return errors[0];
};

describe('system sheet columns', () => {
  it('has the Vietnamese titles in template order, six of them required', () => {
    expect(HEADER_ROW).toEqual([
      'Mã cơ quan chủ quản',
      'Mã hệ thống',
      'Tên hệ thống',
      'Mã đơn vị vận hành',
      'Loại hệ thống',
      'Loại thông tin',
      'Trạng thái',
      'Ngày đưa vào sử dụng',
      'Nơi đặt hệ thống',
      'Kết nối Internet',
      'Kết nối mạng TSLCD',
      'Số người sử dụng',
      'Số chủ thể dữ liệu cá nhân cơ bản',
      'Số chủ thể dữ liệu cá nhân nhạy cảm',
      'Mô tả',
      'Cấp độ đã phê duyệt',
      'Số quyết định phê duyệt',
      'Ngày quyết định',
      'Cơ quan ban hành quyết định',
      'Tình trạng triển khai phương án',
      'Số quy chế bảo đảm ATTT',
      'Ngày ban hành quy chế',
    ]);
    expect(SYSTEM_COLUMNS.filter((c) => c.required).map((c) => c.field)).toEqual([
      'ownerAgencyCode',
      'code',
      'name',
      'systemType',
      'infoTypes',
      'lifecycle',
    ]);
  });
});

/** The template's header read on its own (sheet-header.ts finds it among the first rows of a file). */
function matchHeaders(cells: CellValue[]) {
  const header = detectHeader([{ number: 1, cells }])!;
  return { fields: header.columns.map((c) => c.field), missing: header.missing, duplicated: header.duplicated };
}

describe('the template header', () => {
  it('finds columns whatever the case, diacritics or required marker, and ignores unknown columns', () => {
    const match = matchHeaders([
      'ma co quan chu quan',
      'MÃ HỆ THỐNG *',
      'Tên hệ thống (bắt buộc)',
      'Ghi chú',
      'loại hệ thống',
      'Loại thông tin',
      'trang thai',
    ]);
    expect(match.fields).toEqual(['ownerAgencyCode', 'code', 'name', null, 'systemType', 'infoTypes', 'lifecycle']);
    expect(match.missing).toEqual([]);
  });

  it('accepts the API field names as headers', () => {
    expect(matchHeaders(['ownerAgencyCode', 'code', 'name', 'systemType', 'infoTypes', 'lifecycle']).missing).toEqual([]);
  });

  it('names the required columns that are missing', () => {
    expect(matchHeaders(['Mã hệ thống', 'Tên hệ thống', 'Loại hệ thống']).missing.map((c) => c.title)).toEqual([
      'Mã cơ quan chủ quản',
      'Loại thông tin',
      'Trạng thái',
    ]);
  });

  it('reports a column given twice', () => {
    expect(matchHeaders([...HEADER_ROW, 'Mã hệ thống']).duplicated.map((c) => c.title)).toEqual(['Mã hệ thống']);
  });
});

describe('parseSystemRow', () => {
  it('reads a complete row into the API fields, agencies by code', () => {
    const { values, errors } = parseSystemRow({
      ...REQUIRED,
      ownerAgencyCode: ' sl-so-xd ',
      code: 'qlvb',
      operatorAgencyCode: 'SL-VP-UBND',
      goLiveDate: '02/01/2020',
      hosting: 'Trung tâm dữ liệu của tỉnh',
      internetFacing: 'Có',
      connectsGovNetwork: 'Không',
      userCount: 120,
      approvedLevel: 2,
      approvalDecisionNumber: '125/QĐ-UBND',
      approvalDecisionDate: '2025-09-30',
      deploymentStatus: 'Đã triển khai đầy đủ',
    });
    expect(errors).toEqual([]);
    expect(values).toEqual({
      ownerAgencyCode: 'SL-SO-XD',
      code: 'QLVB',
      name: 'Hệ thống quản lý văn bản',
      operatorAgencyCode: 'SL-VP-UBND',
      systemType: 'INTERNAL',
      infoTypes: ['PRIVATE'],
      lifecycle: 'IN_OPERATION',
      goLiveDate: '2020-01-02',
      hosting: 'PROVINCIAL_DC',
      internetFacing: true,
      connectsGovNetwork: false,
      userCount: 120,
      approvedLevel: 2,
      approvalDecisionNumber: '125/QĐ-UBND',
      approvalDecisionDate: '2025-09-30',
      deploymentStatus: 'FULL',
    });
  });

  it('leaves out the columns the file does not have, and reads blank cells as null', () => {
    const { values } = parseSystemRow({ ...REQUIRED, hosting: '  ', description: null });
    expect(values).toEqual(expect.objectContaining({ hosting: null, description: null }));
    expect('goLiveDate' in values).toBe(false);
  });

  it('reads a blank deployment status as "not deployed", the database default', () => {
    expect(valueOf('deploymentStatus', '')).toBe('NOT_DEPLOYED');
  });

  it('stores text NFC-normalised and trimmed', () => {
    expect(valueOf('name', '  Cổng thông tin điện tử  '.normalize('NFD'))).toBe('Cổng thông tin điện tử');
  });

  it('reads numbers typed into text columns as their digits', () => {
    expect(valueOf('approvalDecisionNumber', 125)).toBe('125');
  });

  it.each(['ownerAgencyCode', 'code', 'name', 'systemType', 'infoTypes', 'lifecycle'] as const)(
    'refuses a blank required cell: %s',
    (field) => {
      const { errors } = parseSystemRow({ ...REQUIRED, [field]: '' });
      expect(errors).toEqual([{ column: SYSTEM_COLUMNS.find((c) => c.field === field)!.title, message: 'bắt buộc nhập' }]);
    },
  );

  it('reports every bad cell of a row, each with its column', () => {
    const { errors } = parseSystemRow({ ...REQUIRED, lifecycle: 'Đang chạy', goLiveDate: '31/02/2024', userCount: 'nhiều' });
    expect(errors.map((e) => e.column)).toEqual(['Trạng thái', 'Ngày đưa vào sử dụng', 'Số người sử dụng']);
  });

  it('reports a formula error in a cell', () => {
    expect(errorOf('name', { error: '#N/A' })).toEqual({ column: 'Tên hệ thống', message: 'ô có lỗi công thức #N/A' });
  });
});

describe('enumerated cells', () => {
  it.each([
    ['Đang vận hành', 'IN_OPERATION'],
    ['đang vận hành', 'IN_OPERATION'],
    ['DANG VAN HANH', 'IN_OPERATION'],
    ['Đang nâng cấp, mở rộng', 'UPGRADING'],
    ['IN_OPERATION', 'IN_OPERATION'],
    ['planned', 'PLANNED'],
    ['Đã dừng vận hành', 'RETIRED'],
  ])('reads lifecycle %s as %s', (text, code) => expect(valueOf('lifecycle', text)).toBe(code));

  it.each([
    ['Hệ thống thông tin phục vụ người dân, doanh nghiệp', 'CITIZEN_BUSINESS'],
    ['he thong thong tin dieu khien cong nghiep', 'INDUSTRIAL_CONTROL'],
    ['CITIZEN_BUSINESS', 'CITIZEN_BUSINESS'],
  ])('reads system type %s as %s', (text, code) => expect(valueOf('systemType', text)).toBe(code));

  it('reads hosting and deployment labels', () => {
    expect(valueOf('hosting', 'Thuê dịch vụ điện toán đám mây')).toBe('RENTED_CLOUD');
    expect(valueOf('deploymentStatus', 'da trien khai mot so hang muc')).toBe('PARTIAL');
  });

  it('refuses an unknown value and lists the allowed labels', () => {
    const error = errorOf('systemType', 'Hệ thống quan trọng');
    expect(error.column).toBe('Loại hệ thống');
    expect(error.message).toContain('"Hệ thống quan trọng" không hợp lệ');
    expect(error.message).toContain('Hệ thống thông tin phục vụ hoạt động nội bộ');
  });
});

describe('information types', () => {
  it.each([
    ['Thông tin công cộng; Thông tin cá nhân', ['PUBLIC', 'PERSONAL']],
    ['Thông tin cá nhân, Thông tin công cộng', ['PUBLIC', 'PERSONAL']],
    ['PUBLIC;PRIVATE', ['PUBLIC', 'PRIVATE']],
    ['công cộng, riêng', ['PUBLIC', 'PRIVATE']],
    ['Thông tin bí mật nhà nước (Mật, Tối mật, Tuyệt mật)', ['STATE_SECRET']],
    ['Thông tin riêng; Thông tin bí mật nhà nước (Mật, Tối mật, Tuyệt mật)', ['PRIVATE', 'STATE_SECRET']],
    ['Bí mật nhà nước', ['STATE_SECRET']],
    ['Thông tin riêng; Thông tin riêng', ['PRIVATE']],
  ])('reads %s', (text, codes) => expect(valueOf('infoTypes', text)).toEqual(codes));

  it('names the parts it does not recognise', () => {
    expect(errorOf('infoTypes', 'Thông tin riêng; Thông tin mật; khác').message).toContain('không nhận ra "Thông tin mật", "khác"');
  });
});

describe('yes/no cells', () => {
  it.each([
    ['Có', true],
    ['có', true],
    ['co', true],
    ['x', true],
    ['X', true],
    ['true', true],
    [true, true],
    [1, true],
    ['Không', false],
    ['khong', false],
    ['FALSE', false],
    [false, false],
    [0, false],
  ] as const)('reads %s as %s', (input, expected) => expect(valueOf('internetFacing', input)).toBe(expected));

  it('leaves a blank cell unknown', () => expect(valueOf('internetFacing', null)).toBeNull());

  it.each(['Có thể', 'yes please', 2])('refuses %s', (input) =>
    expect(errorOf('connectsGovNetwork', input)).toEqual({ column: 'Kết nối mạng TSLCD', message: 'nhập "Có" hoặc "Không"' }),
  );
});

describe('date cells', () => {
  it.each([
    ['15/01/2024', '2024-01-15'],
    ['5/1/2024', '2024-01-05'],
    ['15-01-2024', '2024-01-15'],
    ['15.01.2024', '2024-01-15'],
    ['2024-01-15', '2024-01-15'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %s as %s', (text, iso) => expect(valueOf('goLiveDate', text)).toBe(iso));

  it('reads a real Excel date (midnight UTC, as exceljs gives it)', () => {
    expect(valueOf('approvalDecisionDate', new Date(Date.UTC(2025, 8, 30)))).toBe('2025-09-30');
  });

  it('reads an Excel serial number left without a date format', () => {
    expect(valueOf('goLiveDate', 45306)).toBe('2024-01-15');
  });

  it.each(['31/02/2024', '29/02/2025', '2024-13-01', '01/2024', 'hôm qua', '15/01/24', 2024, 45306.5])('refuses %s', (input) => {
    expect(errorOf('goLiveDate', input)).toEqual({ column: 'Ngày đưa vào sử dụng', message: expect.stringContaining('ngày không hợp lệ') });
  });
});

describe('number cells', () => {
  it.each([
    [1200, 1200],
    ['1200', 1200],
    ['1.200', 1200],
    ['1,200', 1200],
    ['1 200 000', 1200000],
    [' 0 ', 0],
  ] as const)('reads %s as %s', (input, n) => expect(valueOf('userCount', input)).toBe(n));

  it('passes a negative number on, for the API rule to refuse', () => expect(valueOf('userCount', '-5')).toBe(-5));

  it.each(['1,5', 'một trăm', 12.5, '12a'])('refuses %s', (input) => {
    expect(errorOf('basicPersonalDataSubjects', input)).toEqual({
      column: 'Số chủ thể dữ liệu cá nhân cơ bản',
      message: 'phải là số nguyên không âm, ví dụ 1200',
    });
  });
});

describe('approved level cells', () => {
  it.each([
    [3, 3],
    ['3', 3],
    ['Cấp độ 3', 3],
    ['cap 2', 2],
  ] as const)('reads %s as %s', (input, level) => expect(valueOf('approvedLevel', input)).toBe(level));

  it.each(['ba', 'Cấp độ III', 2.5])('refuses %s', (input) =>
    expect(errorOf('approvedLevel', input)).toEqual({ column: 'Cấp độ đã phê duyệt', message: 'cấp độ là số từ 1 đến 5' }),
  );
});

describe('writing a system back', () => {
  const system: SheetSystem = {
    ...EXAMPLE_SYSTEM,
    name: 'Cổng thông tin',
    infoTypes: ['PRIVATE', 'STATE_SECRET'],
    hosting: null,
    internetFacing: null,
    connectsGovNetwork: false,
  };

  it('writes Vietnamese labels, dd/mm/yyyy dates and Có/Không', () => {
    const row = formatSystemRow(system);
    const byTitle = Object.fromEntries(HEADER_ROW.map((title, i) => [title, row[i]]));
    expect(byTitle).toMatchObject({
      'Loại hệ thống': 'Hệ thống thông tin phục vụ người dân, doanh nghiệp',
      'Loại thông tin': 'Thông tin riêng; Thông tin bí mật nhà nước (Mật, Tối mật, Tuyệt mật)',
      'Trạng thái': 'Đang vận hành',
      'Ngày đưa vào sử dụng': '01/05/2021',
      'Nơi đặt hệ thống': null,
      'Kết nối Internet': null,
      'Kết nối mạng TSLCD': 'Không',
      'Số người sử dụng': 1200,
      'Cấp độ đã phê duyệt': 2,
      'Tình trạng triển khai phương án': 'Đã triển khai một số hạng mục',
    });
  });

  it('reads back what it writes', () => {
    const row = formatSystemRow(system);
    const cells = Object.fromEntries(SYSTEM_COLUMNS.map((c, i) => [c.field, row[i]])) as Cells;
    expect(parseSystemRow(cells)).toEqual({ values: system, errors: [] });
  });
});

describe('blank and example rows', () => {
  it('knows a blank row', () => {
    expect(isBlankRow([null, '', '  ', undefined as unknown as CellValue])).toBe(true);
    expect(isBlankRow([null, 'x'])).toBe(false);
  });

  it('recognises the untouched example row of the template, and nothing else', () => {
    const example = formatSystemRow(EXAMPLE_SYSTEM);
    const cells = Object.fromEntries(SYSTEM_COLUMNS.map((c, i) => [c.field, example[i]])) as Cells;
    expect(isExampleRow(cells)).toBe(true);
    expect(isExampleRow({ ...cells, name: 'Cổng thông tin điện tử Sở Xây dựng' })).toBe(false);
    expect(isExampleRow(REQUIRED)).toBe(false);
  });
});
