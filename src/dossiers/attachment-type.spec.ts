import {
  attachmentDisposition,
  cleanFileName,
  decodeFileName,
  detectAllowedType,
  downloadHeaders,
  storedFileName,
} from './attachment-type';

const PDF = 'application/pdf';
const JPEG = 'image/jpeg';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('attachment type from content', () => {
  it('recognises a PDF and a PNG by their bytes', async () => {
    expect(await detectAllowedType(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'))).toBe('application/pdf');
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1c1f2a40000000049454e44ae426082',
      'hex',
    );
    expect(await detectAllowedType(png)).toBe('image/png');
  });

  it('refuses a Windows executable whatever its name, and plain text', async () => {
    expect(await detectAllowedType(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]))).toBeUndefined();
    expect(await detectAllowedType(Buffer.from('hello'))).toBeUndefined();
  });

  it('decodes UTF-8 names sent as latin1, and keeps names that were not UTF-8', () => {
    expect(decodeFileName(Buffer.from('Thiết kế sơ bộ.pdf', 'utf8').toString('latin1'))).toBe('Thiết kế sơ bộ.pdf');
    expect(decodeFileName('Ã©t\u00e9.pdf')).toBe('Ã©t\u00e9.pdf');
  });
});

describe('the stored name follows the detected type', () => {
  it('renames a PDF sent as Huong-dan.bat to Huong-dan.pdf', () => {
    expect(storedFileName('Huong-dan.bat', PDF)).toBe('Huong-dan.pdf');
    expect(storedFileName('Thiết kế.pdf.exe', PDF)).toBe('Thiết kế.pdf.pdf');
  });

  it('keeps an extension that already fits, in the case the user wrote it', () => {
    expect(storedFileName('Thiết kế thi công.pdf', PDF)).toBe('Thiết kế thi công.pdf');
    expect(storedFileName('Ảnh.JPEG', JPEG)).toBe('Ảnh.JPEG');
    expect(storedFileName('Ảnh.jpg', JPEG)).toBe('Ảnh.jpg');
    expect(storedFileName('Quy chế.doc', DOCX)).toBe('Quy chế.docx');
  });

  it('adds the extension to a name without one, and names a nameless file', () => {
    expect(storedFileName('Huong-dan', PDF)).toBe('Huong-dan.pdf');
    expect(storedFileName('.pdf', PDF)).toBe('pdf.pdf');
    expect(storedFileName('...', PDF)).toBe('tep-dinh-kem.pdf');
    expect(storedFileName('', PDF)).toBe('tep-dinh-kem.pdf');
    expect(storedFileName('\u202e\u0007', PDF)).toBe('tep-dinh-kem.pdf');
  });

  it('keeps the whole name within 255 characters with its extension', () => {
    const name = storedFileName(`${'ệ'.repeat(300)}.pdf`, PDF);
    expect([...name]).toHaveLength(255);
    expect(name.endsWith('ệ.pdf')).toBe(true);
  });
});

describe('names are cleaned of controls, bidi characters and paths', () => {
  it('strips a right-to-left override that would show "tai-lieu\u202efdp.exe" as a PDF', () => {
    expect(storedFileName('tai-lieu\u202efdp.exe', PDF)).toBe('tai-lieufdp.pdf');
  });

  it('strips C0 and C1 controls, DEL, bidi marks, embeddings, isolates, zero-width characters and BOM', () => {
    const hostile = [
      '\u0000',
      '\u0009',
      '\u000a',
      '\u001f',
      '\u007f',
      '\u0085',
      '\u009f',
      '\u200e',
      '\u200f',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u061c',
      '\u200b',
      '\ufeff',
      '\u2028',
      '\u2029',
    ];
    for (const c of hostile) expect(cleanFileName(`Bao${c}cao.pdf`)).toBe('Baocao.pdf');
  });

  it('normalises to NFC: a decomposed "ế" is stored composed', () => {
    const decomposed = 'Thie\u0302\u0301t ke\u0302\u0301.pdf';
    expect(storedFileName(decomposed, PDF)).toBe('Thiết kế.pdf');
    expect(storedFileName(decomposed, PDF)).toBe(storedFileName(decomposed, PDF).normalize('NFC'));
  });

  it('replaces path separators and the characters Windows refuses, and trims dots', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(cleanFileName('a\\b:c*d?e"f<g>h|i.pdf')).toBe('a_b_c_d_e_f_g_h_i.pdf');
    expect(cleanFileName('  ..tệp.pdf. ')).toBe('tệp.pdf');
  });
});

describe('Content-Disposition of a download (RFC 6266, filename* of RFC 8187)', () => {
  it('gives the UTF-8 name in filename* and an ASCII fallback without diacritics', () => {
    expect(attachmentDisposition('Thiết kế thi công.pdf')).toBe(
      `attachment; filename="Thiet ke thi cong.pdf"; filename*=UTF-8''Thi%E1%BA%BFt%20k%E1%BA%BF%20thi%20c%C3%B4ng.pdf`,
    );
    expect(attachmentDisposition('Đề án (bản 2).pdf')).toBe(
      `attachment; filename="De an (ban 2).pdf"; filename*=UTF-8''%C4%90%E1%BB%81%20%C3%A1n%20%28b%E1%BA%A3n%202%29.pdf`,
    );
  });

  it('never lets a quote, a backslash, a line break or a bidi override into the header', () => {
    const header = attachmentDisposition('a"b\\c\r\nSet-Cookie: x\u202e.pdf');
    expect(header).not.toMatch(/[\r\n\u202e]/);
    expect(header).toMatch(/^attachment; filename="[^"\\]*"; filename\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]+$/);
  });
});

describe('download headers', () => {
  it('send the stored type, forbid sniffing and caching, and name the file safely', () => {
    expect(downloadHeaders('Huong-dan.pdf', PDF)).toEqual({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="Huong-dan.pdf"; filename*=UTF-8''Huong-dan.pdf`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
  });
});
