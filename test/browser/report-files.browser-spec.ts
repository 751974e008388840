import { parse } from 'csv-parse/sync';
import { unzipSync } from 'fflate';
import { seedDemoActivity } from '../../seeds/demo-activity';
import { seriousAxeViolations } from './support/axe';
import { BrowserApp, PHONE, screenshot, signIn, startBrowserApp } from './support/browser-app';

jest.setTimeout(240_000);

/**
 * The report page's download links (issue 23, point 6): the CSV of bodies, the same for Excel in a Vietnamese locale
 * (";" and decimal commas), and every table in a ZIP, beside the PDF and the workbook, for the chosen day.
 */
describe('the report page links the files people open (Chromium)', () => {
  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp();
    await seedDemoActivity(app.t.app);
  });
  afterAll(() => app?.close());

  it('offers CSV, CSV for Vietnamese Excel and the ZIP of every table, each opening as its kind, with no serious violation', async () => {
    const leader = await signIn(app, 'lanhdao');
    await leader.goto('/bao-cao?ngay=06/01/2026');
    const link = (name: string) => leader.getByRole('link', { name, exact: true });
    const href = async (name: string) => (await link(name).getAttribute('href'))!;
    for (const name of ['Tải PDF', 'Tải Excel (XLSX)', 'Tải CSV', 'CSV cho Excel tiếng Việt (;)', 'Tải tất cả bảng (ZIP)'])
      expect({ name, count: await link(name).count() }).toEqual({ name, count: 1 });

    const csv = await leader.request.get(await href('Tải CSV'));
    expect({ status: csv.status(), type: csv.headers()['content-type'] }).toEqual({ status: 200, type: 'text/csv; charset=utf-8' });
    const rows: string[][] = parse((await csv.body()).toString('utf8').slice(1));
    expect(rows).toHaveLength(96);

    const semicolonHref = await href('CSV cho Excel tiếng Việt (;)');
    expect(semicolonHref).toContain('asOf=2026-01-06');
    const semicolon = await leader.request.get(semicolonHref);
    expect(semicolon.headers()['content-disposition']).toBe('attachment; filename="ty-le-phe-duyet-cap-do-cham-phay-2026-01-06.csv"');
    expect(parse((await semicolon.body()).toString('utf8').slice(1), { delimiter: ';' })).toEqual(rows);

    const zip = await leader.request.get(await href('Tải tất cả bảng (ZIP)'));
    expect({ status: zip.status(), type: zip.headers()['content-type'] }).toEqual({ status: 200, type: 'application/zip' });
    const files = unzipSync(await zip.body());
    const tiers: string[][] = parse(Buffer.from(files['tong-hop-theo-nhom.csv']).toString('utf8').slice(1));
    expect(tiers.find((r) => r[0] === 'Tổng cộng')).toEqual(['Tổng cộng', '95', '19', '10', '76', '52.6', '20']);

    await screenshot(leader, '40-bao-cao-tai-tep');
    expect(await seriousAxeViolations(leader)).toEqual([]);
  });

  it('keeps the links usable on a phone without a serious violation', async () => {
    const phone = await signIn(app, 'lanhdao', PHONE);
    await phone.goto('/bao-cao?ngay=06/01/2026');
    await phone.getByRole('link', { name: 'Tải tất cả bảng (ZIP)', exact: true }).scrollIntoViewIfNeeded();
    await screenshot(phone, '41-bao-cao-tai-tep-dien-thoai');
    expect(await seriousAxeViolations(phone)).toEqual([]);
  });
});
