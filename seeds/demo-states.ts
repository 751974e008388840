import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../src/common/clock';
import { todayInVietnam } from '../src/common/dates';
import { DossierStatus } from '../src/dossiers/dossier-status';
import { DossierAttachmentsService } from '../src/dossiers/dossier-attachments.service';
import { DossierDraftingService } from '../src/dossiers/dossier-drafting.service';
import { DossierWorkflowService } from '../src/workflow/dossier-workflow.service';
import { IndependentAppraiserService } from '../src/workflow/independent-appraiser.service';
import { addDays, DEMO_PDF, DemoEnv, draftFor, loadUsers } from './demo-activity';
import { DemoBody } from './demo-heads';
import { demoUsername } from './demo-seed';
import { DemoSystem, demoSystemsFor } from './demo-systems';

/**
 * Issue 23, point 7: one dossier in each state a newcomer can act on, each on a body of its own, all in
 * October–November 2026 (long after the figures of 06/01/2026, and on bodies the dispatch already counts as
 * submitted and approved, so those figures do not move). Each is about a system no other demo dossier is about (the body's
 * web portal, or for Văn phòng UBND tỉnh its document management system), and goes through the real drafting and workflow services with the clock set to each step's date.
 * `next` is the demo login that acts next: the body's officer `canbo.<code>` on a draft or a returned dossier (and on
 * the approved one's plan), `thamdinh` (Công an tỉnh, which appraises and approves levels 1–2) on the others.
 */
export const DEMO_STATES: readonly { agency: string; status: DossierStatus; submitOn?: string; next: string }[] = [
  { agency: 'SL-VP-UBND', status: 'DRAFT', next: 'canbo.sl-vp-ubnd' },
  { agency: 'SL-TTR', status: 'SUBMITTED', submitOn: '2026-11-25', next: 'thamdinh' },
  { agency: 'SL-SO-XD', status: 'RETURNED', submitOn: '2026-11-09', next: 'canbo.sl-so-xd' },
  { agency: 'SL-SO-NNMT', status: 'UNDER_APPRAISAL', submitOn: '2026-11-16', next: 'thamdinh' },
  { agency: 'SL-SO-VHTTDL', status: 'APPRAISED', submitOn: '2026-11-02', next: 'thamdinh' },
  { agency: 'SL-SO-DTTG', status: 'APPROVED', submitOn: '2026-10-19', next: 'canbo.sl-so-dttg' },
];

/** The day the draft of the DRAFT example is written (its officer has not sent it yet). */
const DRAFTED_ON = '2026-11-30';

const PORTAL = 'CONG-TTDT';

/** The body's web portal when it has one, else its first demo system no dossier is about yet. */
async function systemWithoutDossier(
  dataSource: DataSource,
  body: DemoBody & { id: string },
): Promise<{ id: string; demo: DemoSystem } | undefined> {
  const demos = demoSystemsFor(body).sort((a, b) => Number(b.system.code === PORTAL) - Number(a.system.code === PORTAL));
  for (const demo of demos) {
    const [row]: { id: string; dossiers: number }[] = await dataSource.query(
      `SELECT s.id, (SELECT count(*)::int FROM dossiers d WHERE d.system_id = s.id) AS dossiers FROM systems s WHERE s.owner_agency_id = $1 AND s.code = $2`,
      [body.id, demo.system.code],
    );
    if (row && row.dossiers === 0) return { id: row.id, demo };
  }
  return undefined;
}

/** Takes one portal dossier per entry of DEMO_STATES to its state; a step dated after today is not taken. */
export async function seedDemoStates(app: INestApplicationContext): Promise<{ agency: string; dossierId: string }[]> {
  const dataSource = app.get(DataSource);
  const clock = app.get(Clock);
  const users = await loadUsers(dataSource);
  const bodies: (DemoBody & { id: string })[] = await dataSource.query(
    `SELECT id, code, name, kind FROM agencies WHERE code = ANY($1) ORDER BY code`,
    [DEMO_STATES.map((s) => s.agency)],
  );
  const env: DemoEnv = {
    clock,
    drafting: app.get(DossierDraftingService),
    attachments: app.get(DossierAttachmentsService),
    workflow: app.get(DossierWorkflowService),
    independence: app.get(IndependentAppraiserService),
    users,
    agencies: new Map(bodies.map((b) => [b.code, b])),
    until: todayInVietnam(new Date()),
  };
  const police = users.get('thamdinh')!;
  const made: { agency: string; dossierId: string }[] = [];
  try {
    for (const plan of DEMO_STATES) {
      const body = env.agencies.get(plan.agency) as (DemoBody & { id: string }) | undefined;
      const system = body && (await systemWithoutDossier(dataSource, body));
      if (!system) continue;
      const officer = users.get(demoUsername(plan.agency))!;
      const submitOn = plan.submitOn ?? addDays(DRAFTED_ON, 7);
      if (addDays(submitOn, -7) > env.until) continue;
      const dossier = await draftFor(env, officer, system, submitOn);
      made.push({ agency: plan.agency, dossierId: dossier.id });
      if (plan.status === 'DRAFT') continue;
      if (!(await dossier.step(officer, submitOn, 'submit', { note: 'Kính gửi Công an tỉnh Sơn La hồ sơ đề xuất cấp độ.' }))) continue;
      if (plan.status === 'SUBMITTED') continue;
      if (plan.status === 'RETURNED') {
        await dossier.step(police, addDays(submitOn, 4), 'return', {
          items: ['Bổ sung sơ đồ vùng mạng có địa chỉ IP', 'Bổ sung quy chế bảo đảm an toàn thông tin đã ban hành'],
        });
        continue;
      }
      if (!(await dossier.step(police, addDays(submitOn, 2), 'start-appraisal', {}))) continue;
      if (plan.status === 'UNDER_APPRAISAL') continue;
      if (plan.status === 'APPRAISED') {
        await dossier.step(police, addDays(submitOn, 22), 'appraise', {
          conclusion: 'SUITABLE',
          opinions: 'Hồ sơ đầy đủ, cấp độ đề xuất và phương án bảo đảm an toàn phù hợp.',
        });
        continue;
      }
      const approveOn = addDays(submitOn, 22);
      const number = '412/QĐ-CAT-PA05';
      await dossier.step(
        police,
        approveOn,
        'approve',
        {
          decisionNumber: number,
          decisionDate: approveOn,
          signerName: 'Đặng Trọng Cường',
          signerTitle: 'Giám đốc Công an tỉnh',
          level: dossier.proposedLevel,
        },
        {
          originalname: Buffer.from(`Quyết định ${number.replace(/\//g, '-')}.pdf`, 'utf8').toString('latin1'),
          buffer: DEMO_PDF,
          size: DEMO_PDF.length,
        },
      );
    }
    return made;
  } finally {
    clock.setFixed(undefined);
  }
}
