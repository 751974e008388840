import { decodeFileName, detectAllowedType } from './attachment-type';

describe('attachment type from content', () => {
  it('recognises a PDF and a PNG by their bytes', async () => {
    expect(await detectAllowedType(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'))).toBe('application/pdf');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a1c1f2a40000000049454e44ae426082', 'hex');
    expect(await detectAllowedType(png)).toBe('image/png');
  });

  it('refuses a Windows executable whatever its name, and plain text', async () => {
    expect(await detectAllowedType(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]))).toBeUndefined();
    expect(await detectAllowedType(Buffer.from('hello'))).toBeUndefined();
  });

  it('decodes UTF-8 names sent as latin1 and strips path separators', () => {
    expect(decodeFileName(Buffer.from('Thiết kế sơ bộ.pdf', 'utf8').toString('latin1'))).toBe('Thiết kế sơ bộ.pdf');
    expect(decodeFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
  });
});
