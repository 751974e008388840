import { COMPLETE_DESCRIPTION } from '../../support/dossier-fixtures';
import { HttpLedger, Reply } from './http-ledger';
import { approval, LEVEL2_FACTS, PDF, PLAN_SECTIONS } from './mixed-write-load';

/** A dossier as the API returns it, reduced to what the steps below read. */
export interface DossierState {
  id: string;
  version: number;
  status: string;
  proposedLevel: number;
}

/** The name of the systems drafted here, followed by their code. */
export const SYSTEM_NAME = 'Hệ thống thử nhiều phiên bản ';

/** A reply the test expected to be 2xx; anything else fails the test with what the server said. */
function expectOk(what: string, res: Reply): any {
  if (res.status < 200 || res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)?.slice(0, 500)}`);
  return res.body;
}

/**
 * A level-2 system of `agencyId` and its dossier, filled in until nothing is missing (description, plan, design
 * document and risk assessment), left in DRAFT: the next step, submission, is the one that moves the report.
 */
export async function draftCompleteDossier(client: HttpLedger, token: string, agencyId: string, code: string): Promise<DossierState> {
  const system = expectOk(
    `system ${code}`,
    await client.call('POST', '/api/v1/systems', {
      token,
      json: {
        code,
        name: `${SYSTEM_NAME}${code}`,
        ownerAgencyId: agencyId,
        systemType: 'INTERNAL',
        infoTypes: ['PRIVATE'],
        lifecycle: 'IN_OPERATION',
        description: 'Quản lý văn bản nội bộ',
        scope: 'Nội bộ cơ quan',
        servedPopulation: 'Cán bộ, công chức',
        internalRegulationNumber: '12/QC',
        internalRegulationDate: '2025-06-01',
      },
    }),
  );
  let d = expectOk(
    `dossier of ${code}`,
    await client.call('POST', '/api/v1/dossiers', {
      token,
      json: { systemId: system.id, facts: LEVEL2_FACTS, levelJustification: 'Theo tiêu chí của Nghị định.' },
    }),
  );
  for (let step = 0; step < 8; step++) {
    const completeness = expectOk('completeness', await client.call('GET', `/api/v1/dossiers/${d.id}/completeness`, { token }));
    const missing = new Set<string>(completeness.missing.map((m: { code: string }) => m.code));
    if (missing.size === 0) return state(d);
    if (missing.has('DESIGN_DOCUMENT_MISSING') || missing.has('RISK_ASSESSMENT_MISSING')) {
      const kind = missing.has('DESIGN_DOCUMENT_MISSING') ? 'DESIGN_DOCUMENT' : 'RISK_ASSESSMENT';
      const form = new FormData();
      form.append('kind', kind);
      form.append('file', new Blob([PDF], { type: 'application/pdf' }), `${kind}.pdf`);
      expectOk(`attach ${kind}`, await client.call('POST', `/api/v1/dossiers/${d.id}/attachments`, { token, form }));
      d = expectOk('dossier', await client.call('GET', `/api/v1/dossiers/${d.id}`, { token }));
    } else {
      const planEntries = d.plan.map((p: { code: string }) => ({ code: p.code, status: 'IMPLEMENTED', description: 'Đã triển khai' }));
      d = expectOk(
        'fill in',
        await client.call('PATCH', `/api/v1/dossiers/${d.id}`, {
          token,
          json: { version: d.version, description: COMPLETE_DESCRIPTION, planSections: PLAN_SECTIONS, planEntries },
        }),
      );
    }
  }
  throw new Error(`dossier ${d.id} still incomplete`);
}

/** One workflow action with the version last seen; returns the dossier after it. */
export async function act(
  client: HttpLedger,
  token: string,
  d: DossierState,
  action: string,
  extra: object = {},
  correlationId?: string,
): Promise<DossierState> {
  const res = await client.call('POST', `/api/v1/dossiers/${d.id}/actions/${action}`, {
    token,
    json: { version: d.version, ...extra },
    correlationId,
  });
  return state(expectOk(`${action} ${d.id}`, res));
}

/** The approval decision (multipart, with the signed PDF), dated today. */
export async function approve(client: HttpLedger, token: string, d: DossierState): Promise<DossierState> {
  const res = await client.call('POST', `/api/v1/dossiers/${d.id}/actions/approve`, { token, form: approval(d.version, d.proposedLevel) });
  return state(expectOk(`approve ${d.id}`, res));
}

function state(body: any): DossierState {
  return { id: body.id, version: body.version, status: body.status, proposedLevel: body.proposedLevel };
}
