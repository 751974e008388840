import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../src/auth/auth-user';
import { Clock } from '../src/common/clock';
import { requestContext } from '../src/common/request-context';
import { DossierAttachmentsService } from '../src/dossiers/dossier-attachments.service';
import { DossierDraftingService } from '../src/dossiers/dossier-drafting.service';
import { SystemsCommandService } from '../src/systems/systems-command.service';
import { PriorApprovalsService } from '../src/systems/prior-approvals/prior-approvals.service';
import { UsersService } from '../src/users/users.service';
import { DossierWorkflowService } from '../src/workflow/dossier-workflow.service';
import { demoSystemsFor, DemoSystem } from './demo-systems';

/**
 * Dispatch 256/UBND-NC of UBND tỉnh Sơn La (13/01/2026), footnotes 2 and 3: as of 06/01/2026 the provincial
 * police had received level dossiers from these 19 units and approved those of these 10.
 */
export const DISPATCH_SUBMITTED = [
  'SL-CA',
  'SL-TT-XTDT',
  'SL-VP-UBND',
  'SL-SO-NGV',
  'SL-SO-TP',
  'SL-SO-VHTTDL',
  'SL-SO-NNMT',
  'SL-SO-XD',
  'SL-SO-DTTG',
  'SL-TTR',
  'SL-VP-TU',
  'SL-BV-DKT',
  'SL-BQL-KCN',
  'SL-P-TOHIEU',
  'SL-P-CHIENGSINH',
  'SL-P-CHIENGCOI',
  'SL-P-CHIENGAN',
  'SL-P-MOCCHAU',
  'SL-X-QUYNHNHAI',
];
export const DISPATCH_APPROVED = [
  'SL-CA',
  'SL-TT-XTDT',
  'SL-VP-UBND',
  'SL-TTR',
  'SL-SO-DTTG',
  'SL-SO-NNMT',
  'SL-SO-XD',
  'SL-SO-VHTTDL',
  'SL-P-CHIENGCOI',
  'SL-X-QUYNHNHAI',
];
export const DISPATCH_CUTOFF = '2026-01-06';

/**
 * Levels approved before capdo existed (by the former Sở Thông tin và Truyền thông, which approved levels 1–2 for
 * the province's bodies under Decree 85): recorded as claims with the decision's PDF and confirmed by Công an tỉnh.
 * They are on the bodies' LAN systems, which no demo dossier is about; none of the bodies submitted by 06/01/2026
 * because of them (a body counts as submitted or approved by its dossiers only).
 */
export const DEMO_PRIOR_DECISIONS = [
  {
    agency: 'SL-SO-TC',
    decision: { level: 2, decisionNumber: '112/QĐ-STTTT', decisionDate: '2023-06-12', issuer: 'Sở Thông tin và Truyền thông tỉnh Sơn La' },
  },
  {
    agency: 'SL-SO-NV',
    decision: { level: 2, decisionNumber: '187/QĐ-STTTT', decisionDate: '2023-09-25', issuer: 'Sở Thông tin và Truyền thông tỉnh Sơn La' },
  },
  {
    agency: 'SL-SO-CT',
    decision: { level: 2, decisionNumber: '54/QĐ-STTTT', decisionDate: '2024-04-08', issuer: 'Sở Thông tin và Truyền thông tỉnh Sơn La' },
  },
] as const;
export const DISPATCH_DEADLINE = '2026-02-15';

/** A small deterministic generator (mulberry32): the same demo data on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A weekday on or after `day` (officers and appraisers work on weekdays). */
function weekday(day: string): string {
  let d = day;
  while ([0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())) d = addDays(d, 1);
  return d;
}

interface Plan {
  agency: string;
  submitOn: string;
  /** Days from submission to each later step; undefined stops the dossier there. */
  returnAfter?: number;
  startAfter?: number;
  approveAfter?: number;
}

/** Who does what, and when: the 19 + 10 of the dispatch, then activity up to 30/09/2026 (some on time, some late). */
export function demoTimeline(agencyCodes: string[]): Plan[] {
  const random = seededRandom(256);
  const plans: Plan[] = [];
  DISPATCH_SUBMITTED.forEach((agency, i) => {
    const approved = DISPATCH_APPROVED.includes(agency);
    const submitOn = weekday(addDays('2025-08-04', Math.floor((i * 130) / DISPATCH_SUBMITTED.length)));
    if (approved) plans.push({ agency, submitOn, startAfter: 3, approveAfter: 20 + Math.floor(random() * 10) });
    else if (i % 3 === 0) plans.push({ agency, submitOn: weekday(addDays('2025-11-10', i)), returnAfter: 4 });
    else plans.push({ agency, submitOn: weekday(addDays('2025-12-01', i)), startAfter: 4, approveAfter: 40 + Math.floor(random() * 60) });
  });
  const rest = agencyCodes.filter((c) => !DISPATCH_SUBMITTED.includes(c));
  rest.forEach((agency, i) => {
    const roll = random();
    if (roll < 0.35) {
      // Before the dispatch's deadline of 15/02/2026.
      plans.push({
        agency,
        submitOn: weekday(addDays('2026-01-12', Math.floor(random() * 33))),
        startAfter: 5,
        approveAfter: roll < 0.25 ? 25 + Math.floor(random() * 30) : undefined,
      });
    } else if (roll < 0.6) {
      // Late: after the deadline, up to the end of September 2026 (some under Decree 331 from 19/8/2026).
      plans.push({
        agency,
        submitOn: weekday(addDays('2026-02-20', Math.floor(random() * 220))),
        startAfter: 4,
        approveAfter: roll < 0.5 ? 20 + Math.floor(random() * 20) : undefined,
      });
    }
    // The others never submit: they are the ones the leadership report lists.
    void i;
  });
  return plans;
}

/**
 * Registers each body's systems and takes the dossiers of the timeline through the real workflow services with
 * the clock set to each step's date, so histories, revisions, clocks and approvals are what the product would
 * have recorded. Runs once, on an empty database (main.ts and `npm run seed:demo`).
 */
export async function seedDemoActivity(
  app: INestApplicationContext,
  options: { until?: string } = {},
): Promise<{ systems: number; dossiers: number }> {
  const dataSource = app.get(DataSource);
  const clock = app.get(Clock);
  const systems = app.get(SystemsCommandService);
  const drafting = app.get(DossierDraftingService);
  const attachments = app.get(DossierAttachmentsService);
  const workflow = app.get(DossierWorkflowService);
  const users = await loadUsers(dataSource);
  const admin = users.get('admin')!;
  const police = users.get('thamdinh')!;
  const agencies: { id: string; code: string; name: string; kind: string }[] = await dataSource.query(
    `SELECT id, code, name, kind FROM agencies WHERE province_code = 'SL' ORDER BY code`,
  );
  const as = <T>(user: AuthUser, fn: () => Promise<T>) =>
    requestContext.run({ correlationId: 'seed-demo', actor: { id: user.id, username: user.username } }, fn);

  const systemIds = new Map<string, { id: string; demo: DemoSystem }[]>();
  clock.setFixed('2025-07-15');
  try {
    for (const agency of agencies) {
      const created: { id: string; demo: DemoSystem }[] = [];
      for (const demo of demoSystemsFor(agency)) {
        const dto = await systems.create(admin, { ...demo.system, ownerAgencyId: agency.id } as never);
        created.push({ id: dto.id, demo });
      }
      systemIds.set(agency.code, created);
    }

    // Decisions made before capdo: each owner declares its decision with the PDF, the provincial police confirm it.
    const priorApprovals = app.get(PriorApprovalsService);
    for (const prior of DEMO_PRIOR_DECISIONS) {
      const system = systemIds.get(prior.agency)?.find((s) => s.demo.system.code === 'LAN');
      if (!system) continue;
      const officer = users.get(`canbo.${prior.agency.toLowerCase()}`)!;
      const evidence = {
        originalname: Buffer.from(`Quyết định ${prior.decision.decisionNumber.replace(/\//g, '-')}.pdf`, 'utf8').toString('latin1'),
        buffer: DEMO_PDF,
        size: DEMO_PDF.length,
      };
      const claim = await as(officer, () => priorApprovals.claim(officer, system.id, prior.decision, evidence));
      await as(police, () => priorApprovals.confirm(police, system.id, { version: claim.version }));
    }

    let dossiers = 0;
    const until = options.until ?? '2026-09-30';
    for (const plan of demoTimeline(agencies.map((a) => a.code)).sort((a, b) => a.submitOn.localeCompare(b.submitOn))) {
      if (plan.submitOn > until) continue;
      const officer = users.get(`canbo.${plan.agency.toLowerCase()}`)!;
      const target = systemIds.get(plan.agency)!.find((s) => s.demo.dossier) ?? systemIds.get(plan.agency)![0];
      clock.setFixed(addDays(plan.submitOn, -7));
      const draft = await as(officer, () =>
        drafting.create(officer, { systemId: target.id, facts: target.demo.facts, levelJustification: target.demo.justification }),
      );
      const filled = await as(officer, () =>
        drafting.update(officer, draft.id, {
          version: draft.version,
          planSections: DEMO_PLAN_TEXT,
          planEntries: draft.plan.map((p, i) =>
            i % 5 === 4
              ? {
                  code: p.code,
                  status: 'PLANNED' as const,
                  plannedDate: addDays(plan.submitOn, 180),
                  description: 'Đưa vào kế hoạch năm sau, đã bố trí kinh phí.',
                }
              : { code: p.code, status: 'IMPLEMENTED' as const, description: 'Đã triển khai, có biên bản nghiệm thu.' },
          ),
        }),
      );
      for (const [kind, name] of [
        ['DESIGN_DOCUMENT', 'Thiết kế thi công.pdf'],
        ['RISK_ASSESSMENT', 'Báo cáo đánh giá rủi ro.pdf'],
      ] as const) {
        await as(officer, () =>
          attachments.upload(officer, draft.id, kind, {
            originalname: Buffer.from(name, 'utf8').toString('latin1'),
            buffer: DEMO_PDF,
            size: DEMO_PDF.length,
          }),
        );
      }
      let version = filled.version;
      const step = async (user: AuthUser, day: string, action: Parameters<DossierWorkflowService['act']>[2], body: object) => {
        if (day > until) return false;
        clock.setFixed(`${weekday(day)}T02:30:00Z`);
        version = (await as(user, () => workflow.act(user, draft.id, action, { version, ...body }))).version;
        return true;
      };
      await step(officer, plan.submitOn, 'submit', { note: 'Kính gửi Công an tỉnh Sơn La hồ sơ đề xuất cấp độ.' });
      dossiers++;
      if (plan.returnAfter !== undefined) {
        await step(police, addDays(plan.submitOn, plan.returnAfter), 'return', {
          items: ['Bổ sung sơ đồ vùng mạng có địa chỉ IP', 'Bổ sung quy chế bảo đảm an toàn thông tin đã ban hành'],
        });
        continue;
      }
      if (plan.startAfter === undefined || !(await step(police, addDays(plan.submitOn, plan.startAfter), 'start-appraisal', {}))) continue;
      if (plan.approveAfter === undefined) continue;
      const approveOn = weekday(addDays(plan.submitOn, plan.approveAfter));
      if (draft.proposedLevel >= 3) {
        if (
          !(await step(police, addDays(approveOn, -3), 'appraise', {
            conclusion: 'SUITABLE',
            opinions: 'Hồ sơ đầy đủ, cấp độ đề xuất phù hợp.',
          }))
        )
          continue;
      }
      await step(police, approveOn, 'approve', {
        decisionNumber: `${100 + dossiers}/QĐ-CAT-PA05`,
        decisionDate: approveOn,
        signerName: 'Đặng Trọng Cường',
        signerTitle: 'Giám đốc Công an tỉnh',
        level: draft.proposedLevel,
      });
    }
    return { systems: [...systemIds.values()].reduce((n, list) => n + list.length, 0), dossiers };
  } finally {
    clock.setFixed(undefined);
  }
}

async function loadUsers(dataSource: DataSource): Promise<Map<string, AuthUser>> {
  const accounts = await new UsersService(dataSource).accounts();
  return new Map(accounts.map((account) => [account.username, account]));
}

/** The seven plan sections as the demo bodies wrote them (the national benchmark data reuses them). */
export const DEMO_PLAN_TEXT: Record<string, string> = {
  a: 'Phân vùng mạng, tường lửa, mã hóa kết nối quản trị từ xa ngay từ khâu thiết kế.',
  b: 'Quản lý tài khoản, cập nhật bản vá hằng tháng, phân công cán bộ vận hành.',
  c: 'Kiểm tra, đánh giá an toàn hằng năm và trước khi đưa vào sử dụng.',
  d: 'Đánh giá rủi ro định kỳ và khi có thay đổi lớn.',
  dd: 'Giám sát tập trung, kết nối với Trung tâm giám sát an ninh mạng của tỉnh.',
  e: 'Sao lưu hằng ngày, phương án ứng cứu sự cố và khôi phục.',
  g: 'Xóa dữ liệu an toàn khi thanh lý thiết bị, lưu trữ dữ liệu theo quy định.',
};

/** A minimal valid PDF, the stand-in for the scanned documents of the demo dossiers. */
export const DEMO_PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
