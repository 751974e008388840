import express from 'express';
import request from 'supertest';
import { encodeJsonResponses, jsonBytes } from './json-response';

const same = (value: unknown) => expect(jsonBytes(value)?.toString('utf8')).toBe(JSON.stringify(value));

describe('jsonBytes: the bytes of JSON.stringify, written piece by piece', () => {
  it.each([
    ['a number', 42],
    ['a string with Vietnamese letters', 'Ủy ban nhân dân tỉnh Sơn La'],
    ['null', null],
    ['an empty object', {}],
    ['an empty array', []],
    ['a date (toJSON)', new Date(Date.UTC(2026, 0, 6))],
  ])('%s', (_name, value) => same(value));

  it('a report-like object: nested arrays of rows, key order, nested objects beyond the split depth', () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({
      code: `SL-${i}`,
      name: `Ủy ban nhân dân xã Chiềng ${i}`,
      firstSubmittedAt: i % 3 ? '2025-09-01' : null,
      nested: { deep: [1, { deeper: 'Đ' }] },
    }));
    same({ asOf: '2026-01-06', scope: { provinceCode: 'SL', rootAgency: null }, agencyRows: rows, notSubmitted: rows.slice(0, 10) });
  });

  it('leaves out undefined, functions and symbols in objects and writes them null in arrays', () => {
    same({ a: undefined, b: () => 1, c: Symbol('x'), d: 1, list: [undefined, () => 1, Symbol('y'), 2] });
    same([undefined, { e: undefined }]);
    // eslint-disable-next-line no-sparse-arrays
    same({ sparse: [1, , 3] });
  });

  it('leaves out a key whose toJSON gives undefined, and uses toJSON wherever JSON.stringify would', () => {
    const nothing = { toJSON: () => undefined };
    same({ a: nothing, b: 1, c: { toJSON: () => ({ inner: 'Việt' }) }, list: [nothing] });
    expect(jsonBytes(undefined)).toBeUndefined();
    expect(jsonBytes(nothing)).toBeUndefined();
  });

  it('writes an object listed twice the same both times, and sees a change to an unfrozen object between calls', () => {
    const row = { name: 'Sở Xây dựng', systems: 3 };
    same({ all: [row], missing: [row] });
    row.systems = 4;
    same({ all: [row], missing: [row] });
  });

  it("keeps a frozen row's bytes between calls (it cannot change), but not those of a frozen row holding an object", () => {
    const frozen = Object.freeze({ name: 'Sở Nội vụ', systems: 7 });
    same({ rows: [frozen] });
    same({ rows: [frozen, frozen] });
    const holder = { level: 1 };
    const shallow = Object.freeze({ name: 'Sở Y tế', byLevel: holder });
    same({ rows: [shallow] });
    holder.level = 2;
    same({ rows: [shallow] });
  });
});

describe("encodeJsonResponses: Express's res.json with those bytes", () => {
  const app = express();
  encodeJsonResponses(app);
  const body = { title: 'Báo cáo tỷ lệ phê duyệt cấp độ', rows: [{ name: 'Sở Tư pháp' }] };
  app.get('/report', (_req, res) => res.json(body));
  app.get('/problem', (_req, res) => res.status(422).type('application/problem+json').json({ title: 'Dữ liệu không hợp lệ' }));
  app.get('/nothing', (_req, res) => res.json(undefined));

  it('sends the same text as JSON.stringify, as UTF-8 JSON, with its length and an ETag', async () => {
    const res = await request(app).get('/report').expect(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.text).toBe(JSON.stringify(body));
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(body)));
    await request(app).get('/report').set('If-None-Match', res.headers.etag).expect(304);
    const head = await request(app).head('/report').expect(200);
    expect(head.headers['content-length']).toBe(res.headers['content-length']);
  });

  it('keeps a content type set before (problem+json) and sends nothing for undefined, as Express does', async () => {
    const problem = await request(app).get('/problem').expect(422);
    expect(problem.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(JSON.parse(problem.text)).toEqual({ title: 'Dữ liệu không hợp lệ' });
    const nothing = await request(app).get('/nothing').expect(200);
    expect(nothing.text).toBe('');
  });
});
