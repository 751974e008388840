import { Client } from 'pg';
import { COMPLETE_DESCRIPTION } from '../../support/dossier-fixtures';
import { AGENCY_HEAD_SQL } from '../../support/procedure-fixtures';
import { HttpLedger, Reply } from './http-ledger';
import { sleep } from './server-process';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
export const LEVEL3_FACTS = {
  systemType: 'CITIZEN_BUSINESS',
  infoTypes: ['PUBLIC', 'PERSONAL'],
  handlesAdminProcedures: true,
  basicPersonalDataSubjects: 5000,
  sensitivePersonalDataSubjects: 0,
  riskAssessedLevel: 2,
};
export const LEVEL2_FACTS = { systemType: 'INTERNAL', infoTypes: ['PRIVATE'], riskAssessedLevel: 2 };
export const PLAN_SECTIONS = {
  a: 'Thiết kế an toàn',
  b: 'Vận hành an toàn',
  c: 'Kiểm tra định kỳ',
  d: 'Quản lý rủi ro',
  dd: 'Giám sát tập trung',
  e: 'Sao lưu hằng ngày',
  g: 'Thanh lý an toàn',
};

/**
 * Officers of these Sơn La bodies prepare dossiers; Công an tỉnh (thamdinh) appraises levels 1–3 and approves levels
 * 1–2; each body's head (giamdoc.<code>) approves its level-3 dossiers on the Tờ trình (ND331 Art. 18.2.b, 20.3.b).
 */
export const LOAD_AGENCIES = ['SL-SO-XD', 'SL-SO-TP', 'SL-SO-NNMT', 'SL-SO-VHTTDL', 'SL-VP-UBND', 'SL-TTR', 'SL-SO-DTTG', 'SL-BQL-KCN'];

const headOf = (code: string) => `giamdoc.${code.toLowerCase()}`;

/** The load's database before the server takes it: the bodies' heads, who approve level 3 (superuser URL). */
export async function prepareLoadDatabase(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const code of LOAD_AGENCIES) await client.query(AGENCY_HEAD_SQL, [headOf(code), `Lãnh đạo ${code}`, code]);
  } finally {
    await client.end();
  }
}

interface Actors {
  officers: Map<string, { token: string; agencyId: string; head: string }>;
  appraiser: string;
  admin: string;
}

/**
 * A mixed write load against a running server: each worker registers a system, drafts a dossier, fills it in,
 * attaches the documents, submits it, and the appraiser returns, appraises and approves it; an administrator renames
 * agencies meanwhile. A request that fails (server killed, database down) leaves its outcome unknown: the worker
 * reads the dossier again and carries on from whatever state it is really in.
 */
export class MixedWriteLoad {
  private stopping = false;
  private actors?: Actors;
  private counter = 0;
  readonly workers: Promise<void>[] = [];

  constructor(
    readonly ledger: HttpLedger,
    private readonly random: () => number,
  ) {}

  async prepare(agencyIds: Map<string, string>): Promise<void> {
    const officers = new Map<string, { token: string; agencyId: string; head: string }>();
    for (const code of LOAD_AGENCIES)
      officers.set(code, {
        token: await this.ledger.login(`canbo.${code.toLowerCase()}`),
        agencyId: agencyIds.get(code)!,
        head: await this.ledger.login(headOf(code)),
      });
    this.actors = { officers, appraiser: await this.ledger.login('thamdinh'), admin: await this.ledger.login('admin') };
  }

  start(dossierWorkers: number, agencyIdsToRename: string[]): void {
    this.stopping = false;
    for (let i = 0; i < dossierWorkers; i++) this.workers.push(this.dossierWorker(LOAD_AGENCIES[i % LOAD_AGENCIES.length]));
    this.workers.push(this.agencyWorker(agencyIdsToRename));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.workers.splice(0));
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  /** Writes answered 2xx go to the ledger; the caller gets the reply either way. */
  private async write(
    op: string,
    method: string,
    path: string,
    token: string,
    payload: { json?: unknown; form?: FormData },
    ack: (body: any) => Omit<Parameters<HttpLedger['acknowledge']>[0], 'correlationId' | 'op'>,
  ): Promise<Reply> {
    const res = await this.ledger.call(method, path, { token, ...payload });
    if (res.status >= 200 && res.status < 300) this.ledger.acknowledge({ correlationId: res.correlationId, op, ...ack(res.body) });
    else if (res.status === 0 || res.status >= 500) await sleep(50 + this.random() * 150);
    return res;
  }

  private async read(path: string, token: string): Promise<any | undefined> {
    for (let attempt = 0; attempt < 600 && !this.stopping; attempt++) {
      const res = await this.ledger.call('GET', path, { token });
      if (res.status === 200) return res.body;
      if (res.status === 404) return undefined;
      await sleep(100);
    }
    return undefined;
  }

  private async dossierWorker(agencyCode: string): Promise<void> {
    const actors = this.actors!;
    const officer = actors.officers.get(agencyCode)!;
    while (!this.stopping) {
      const code = `REL-${agencyCode}-${++this.counter}-${Math.floor(this.random() * 1e6)}`;
      const created = await this.write(
        'system.create',
        'POST',
        '/api/v1/systems',
        officer.token,
        {
          json: {
            code,
            name: `Hệ thống thử độ tin cậy ${code}`,
            ownerAgencyId: officer.agencyId,
            systemType: 'CITIZEN_BUSINESS',
            infoTypes: ['PUBLIC', 'PERSONAL'],
            lifecycle: 'IN_OPERATION',
            description: 'Phục vụ người dân',
            scope: 'Toàn tỉnh',
            servedPopulation: 'Người dân',
            internalRegulationNumber: '12/QC',
            internalRegulationDate: '2025-06-01',
          },
        },
        (b) => ({ entityType: 'system', entityId: b.id, version: b.version }),
      );
      if (created.status !== 201) continue;
      const systemId: string = created.body.id;
      if (this.chance(0.5)) {
        await this.write(
          'system.update',
          'PATCH',
          `/api/v1/systems/${systemId}`,
          officer.token,
          { json: { version: created.body.version, description: `Phục vụ người dân, cập nhật ${Date.now()}` } },
          (b) => ({
            entityType: 'system',
            entityId: systemId,
            version: b.version,
          }),
        );
      }
      const facts = this.chance(0.5) ? LEVEL3_FACTS : LEVEL2_FACTS;
      const dossier = await this.write(
        'dossier.create',
        'POST',
        '/api/v1/dossiers',
        officer.token,
        { json: { systemId, facts, levelJustification: 'Theo tiêu chí của Nghị định.' } },
        (b) => ({
          entityType: 'dossier',
          entityId: b.id,
          version: b.version,
          status: b.status,
        }),
      );
      if (dossier.status !== 201) continue;
      await this.drive(dossier.body.id, officer.token, officer.head);
    }
  }

  /** Moves one dossier to a final state, re-reading it before each step. */
  private async drive(id: string, officerToken: string, headToken: string): Promise<void> {
    const { appraiser } = this.actors!;
    for (let steps = 0; steps < 40 && !this.stopping; steps++) {
      const d = await this.read(`/api/v1/dossiers/${id}`, officerToken);
      if (!d) return;
      const act = (token: string, action: string, extra: object = {}) =>
        this.write(
          `dossier.${action}`,
          'POST',
          `/api/v1/dossiers/${id}/actions/${action}`,
          token,
          { json: { version: d.version, ...extra } },
          (b) => ({
            entityType: 'dossier',
            entityId: id,
            version: b.version,
            status: b.status,
          }),
        );
      // Decisions are multipart, with the signed PDF.
      const approve = (token: string) =>
        this.write(
          'dossier.approve',
          'POST',
          `/api/v1/dossiers/${id}/actions/approve`,
          token,
          { form: approval(d.version, d.proposedLevel) },
          (b) => ({
            entityType: 'dossier',
            entityId: id,
            version: b.version,
            status: b.status,
          }),
        );
      switch (d.status as string) {
        case 'DRAFT': {
          if (this.chance(0.03)) {
            await act(officerToken, 'withdraw', { note: 'Rút để lập lại' });
            break;
          }
          const completeness = await this.read(`/api/v1/dossiers/${id}/completeness`, officerToken);
          if (!completeness) return;
          const codes = new Set<string>(completeness.missing.map((m: { code: string }) => m.code));
          if (codes.has('DESIGN_DOCUMENT_MISSING') || codes.has('RISK_ASSESSMENT_MISSING')) {
            const kind = codes.has('DESIGN_DOCUMENT_MISSING') ? 'DESIGN_DOCUMENT' : 'RISK_ASSESSMENT';
            const form = new FormData();
            form.append('kind', kind);
            form.append('file', new Blob([PDF], { type: 'application/pdf' }), `${kind}.pdf`);
            await this.write('dossier.attach', 'POST', `/api/v1/dossiers/${id}/attachments`, officerToken, { form }, (b) => ({
              entityType: 'dossier',
              entityId: id,
              attachmentId: b.id,
            }));
          } else if (codes.size) {
            const planEntries = d.plan.map((p: { code: string }) => ({
              code: p.code,
              status: 'IMPLEMENTED',
              description: 'Đã triển khai',
            }));
            await this.write(
              'dossier.update',
              'PATCH',
              `/api/v1/dossiers/${id}`,
              officerToken,
              { json: { version: d.version, description: COMPLETE_DESCRIPTION, planSections: PLAN_SECTIONS, planEntries } },
              (b) => ({
                entityType: 'dossier',
                entityId: id,
                version: b.version,
                status: b.status,
              }),
            );
          } else {
            await act(officerToken, 'submit', { note: 'Kính gửi hồ sơ' });
          }
          break;
        }
        case 'RETURNED':
          await act(officerToken, 'submit', { note: 'Đã bổ sung' });
          break;
        case 'SUBMITTED':
          if (this.chance(0.25)) await act(appraiser, 'return', { items: ['Bổ sung sơ đồ mạng'] });
          else await act(appraiser, 'start-appraisal');
          break;
        case 'UNDER_APPRAISAL':
          if (d.proposedLevel <= 2 && this.chance(0.7)) await approve(appraiser);
          else if (this.chance(0.2)) await act(appraiser, 'appraise', { conclusion: 'NOT_SUITABLE', reasons: ['Chưa phân vùng mạng'] });
          else await act(appraiser, 'appraise', { conclusion: 'SUITABLE', opinions: 'Phù hợp' });
          break;
        case 'APPRAISED':
          if (this.chance(0.1)) await act(officerToken, 'withdraw');
          else if (d.proposedLevel <= 2) await approve(appraiser);
          else await act(officerToken, 'request-approval', { submissionNumber: 'TTr-REL' });
          break;
        case 'AWAITING_APPROVAL':
          if (this.chance(0.05)) await act(officerToken, 'withdraw');
          else await approve(headToken);
          break;
        default:
          return;
      }
    }
  }

  /** An administrator renaming agencies, with the version it read: versions and agency history under load. */
  private async agencyWorker(agencyIds: string[]): Promise<void> {
    const { admin } = this.actors!;
    let n = 0;
    while (!this.stopping) {
      const id = agencyIds[n++ % agencyIds.length];
      const agency = await this.read(`/api/v1/agencies/${id}`, admin);
      if (!agency) continue;
      const base = String(agency.name).replace(/ \(bản \d+\)$/, '');
      await this.write(
        'agency.update',
        'PATCH',
        `/api/v1/agencies/${id}`,
        admin,
        { json: { version: agency.version, name: `${base} (bản ${n})` } },
        (b) => ({ entityType: 'agency', entityId: id, version: b.version }),
      );
      await sleep(20);
    }
  }
}

/** Today in Vietnam (UTC+7), as the server's clock dates a submission. */
export function vietnamToday(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

/**
 * The approval decision with its signed PDF, dated today: a decision dated before the dossier's first submission is
 * refused (issue 25, point 2), and the load submits its dossiers today.
 */
export function approval(version: number, level: number): FormData {
  const form = new FormData();
  form.append('version', String(version));
  form.append('decisionNumber', `${Math.floor(Math.random() * 900) + 100}/QĐ`);
  form.append('decisionDate', vietnamToday());
  form.append('signerName', 'Nguyễn Văn A');
  form.append('signerTitle', 'Giám đốc');
  form.append('level', String(level));
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'quyet-dinh.pdf');
  return form;
}
