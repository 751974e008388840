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
import { IndependentAppraiserService } from '../src/workflow/independent-appraiser.service';
import { DecisionFile } from '../src/dossiers/dossier-writes';
import { decisionStyle, DemoBody, demoHeadUsername } from './demo-heads';
import { demoUsername } from './demo-seed';
import { demoSystemsFor, DemoSystem } from './demo-systems';

/** Công an tỉnh Sơn La: the owners' specialised unit of the demo routing, and a body with a dossier of its own. */
const POLICE = 'SL-CA';

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

export function addDays(day: string, days: number): string {
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
  /** Level 3: appraised and the Tờ trình sent to the owner this many days after submission; the owner has not decided yet. */
  awaitApprovalAfter?: number;
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
  // One commune's one-stop shop (level 3) appraised and sent to its People's Committee, which has not decided yet.
  const waiting = plans.find(
    (p) =>
      /^SL-[PX]-/.test(p.agency) && !DISPATCH_SUBMITTED.includes(p.agency) && p.startAfter !== undefined && p.approveAfter === undefined,
  );
  if (waiting) waiting.awaitApprovalAfter = 30;
  return plans;
}

/**
 * Levels 4–5 under Decree 331 (Art. 20.1.d): two level-4 systems of Sở Khoa học và Công nghệ (level 4 by their risk
 * assessment, Art. 10.5) ask Công an tỉnh, the owner's specialised unit, for its opinion (Mẫu 03) in September 2026.
 * The data centre has the opinion and waits for the owner to send it to Bộ Công an (Mẫu 02); the integration
 * platform waits for the opinion.
 */
export const DEMO_LEVEL4: readonly { agency: string; system: string; requestOn: string; opinionAfter?: number }[] = [
  { agency: 'SL-SO-KHCN', system: 'TTDL', requestOn: '2026-09-08', opinionAfter: 10 },
  { agency: 'SL-SO-KHCN', system: 'LGSP', requestOn: '2026-09-24' },
];

/** The services and accounts the demo acts through. */
export interface DemoEnv {
  clock: Clock;
  drafting: DossierDraftingService;
  attachments: DossierAttachmentsService;
  workflow: DossierWorkflowService;
  independence: IndependentAppraiserService;
  users: Map<string, AuthUser>;
  agencies: Map<string, DemoBody>;
  until: string;
}

type Action = Parameters<DossierWorkflowService['act']>[2];

const as = <T>(user: AuthUser, fn: () => Promise<T>) =>
  requestContext.run({ correlationId: 'seed-demo', actor: { id: user.id, username: user.username } }, fn);

/** A signed decision's scan: the demo's stand-in PDF, named for the decision. */
function decisionFile(number: string): DecisionFile {
  return {
    originalname: Buffer.from(`Quyết định ${number.replace(/\//g, '-')}.pdf`, 'utf8').toString('latin1'),
    buffer: DEMO_PDF,
    size: DEMO_PDF.length,
  };
}

/** A dossier being taken through the workflow: each step at its date (moved to a weekday) and hour, none after `until`. */
class DemoDossier {
  constructor(
    private readonly env: DemoEnv,
    readonly id: string,
    readonly proposedLevel: number,
    private version: number,
  ) {}

  async step(user: AuthUser, day: string, action: Action, body: object, file?: DecisionFile, hour = '02:30'): Promise<boolean> {
    if (day > this.env.until) return false;
    this.env.clock.setFixed(`${weekday(day)}T${hour}:00Z`);
    this.version = (await as(user, () => this.env.workflow.act(user, this.id, action, { version: this.version, ...body }, file))).version;
    return true;
  }

  /**
   * ND331 Art. 18.4 (TT12 Art. 6): the specialised unit does not appraise a system it owns or runs; its head sets up
   * an independent council, whose appraisal an administrator records.
   */
  async independentCouncil(head: AuthUser, day: string, members: { name: string; title: string }[]): Promise<void> {
    this.env.clock.setFixed(`${weekday(day)}T02:30:00Z`);
    const dto = await as(head, () =>
      this.env.independence.record(head, this.id, {
        version: this.version,
        kind: 'COUNCIL',
        name: 'Hội đồng thẩm định độc lập hồ sơ đề xuất cấp độ của Công an tỉnh Sơn La',
        decisionNumber: '1520/QĐ-CAT',
        decisionDate: weekday(day),
        members,
      }),
    );
    this.version = dto.version;
  }
}

/** A draft for the system, filled in as the bodies did (plan, sections, design and risk assessment attached) a week before `day`. */
export async function draftFor(
  env: DemoEnv,
  officer: AuthUser,
  system: { id: string; demo: DemoSystem },
  day: string,
): Promise<DemoDossier> {
  env.clock.setFixed(addDays(day, -7));
  const draft = await as(officer, () =>
    env.drafting.create(officer, { systemId: system.id, facts: system.demo.facts, levelJustification: system.demo.justification }),
  );
  const filled = await as(officer, () =>
    env.drafting.update(officer, draft.id, {
      version: draft.version,
      description: demoDossierContents(String(system.demo.system.name), day),
      planSections: DEMO_PLAN_TEXT,
      planEntries: draft.plan.map((p, i) =>
        i % 5 === 4
          ? {
              code: p.code,
              status: 'PLANNED' as const,
              plannedDate: addDays(day, 180),
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
      env.attachments.upload(officer, draft.id, kind, {
        originalname: Buffer.from(name, 'utf8').toString('latin1'),
        buffer: DEMO_PDF,
        size: DEMO_PDF.length,
      }),
    );
  }
  return new DemoDossier(env, draft.id, draft.proposedLevel, filled.version);
}

/** The independent council of Công an tỉnh's own dossier (Art. 18.4.b): none of its members works for the police. */
const POLICE_COUNCIL = [
  { name: 'Lò Văn Thắng', title: 'Phó Giám đốc Sở Khoa học và Công nghệ, Chủ tịch Hội đồng' },
  { name: 'Nguyễn Thu Hà', title: 'Trưởng phòng Tin học, Văn phòng UBND tỉnh, thành viên' },
  { name: 'Cầm Minh Quân', title: 'Giảng viên an toàn thông tin, Trường Đại học Tây Bắc, thành viên' },
];

/**
 * One dossier of the timeline (levels 1–3, sent with Mẫu 01/02): Công an tỉnh appraises (an independent council
 * appraises Công an tỉnh's own) and approves levels 1–2 as the owners' specialised unit (Art. 18.1); for level 3 the
 * operating unit sends the Tờ trình and the owner's head approves (Art. 18.2, 20.3.b). Returns whether it was submitted.
 */
async function takeThrough(env: DemoEnv, plan: Plan, system: { id: string; demo: DemoSystem }, n: number): Promise<boolean> {
  const body = env.agencies.get(plan.agency)!;
  const officer = env.users.get(demoUsername(plan.agency))!;
  const head = env.users.get(demoHeadUsername(plan.agency))!;
  const police = env.users.get('thamdinh')!;
  const dossier = await draftFor(env, officer, system, plan.submitOn);
  const ownByPolice = plan.agency === POLICE;
  if (ownByPolice) await dossier.independentCouncil(head, addDays(plan.submitOn, -3), POLICE_COUNCIL);
  const appraiser = ownByPolice ? env.users.get('admin')! : police;
  const to = ownByPolice ? 'Hội đồng thẩm định độc lập' : 'Công an tỉnh Sơn La';
  if (!(await dossier.step(officer, plan.submitOn, 'submit', { note: `Kính gửi ${to} hồ sơ đề xuất cấp độ.` }))) return false;
  if (plan.returnAfter !== undefined) {
    await dossier.step(appraiser, addDays(plan.submitOn, plan.returnAfter), 'return', {
      items: ['Bổ sung sơ đồ vùng mạng có địa chỉ IP', 'Bổ sung quy chế bảo đảm an toàn thông tin đã ban hành'],
    });
    return true;
  }
  if (plan.startAfter === undefined || !(await dossier.step(appraiser, addDays(plan.submitOn, plan.startAfter), 'start-appraisal', {})))
    return true;
  const after = plan.approveAfter ?? plan.awaitApprovalAfter;
  if (after === undefined) return true;
  const approveOn = weekday(addDays(plan.submitOn, after));
  const byOwner = dossier.proposedLevel >= 3;
  if (byOwner || appraiser !== police) {
    const appraised = await dossier.step(appraiser, addDays(approveOn, -3), 'appraise', {
      conclusion: 'SUITABLE',
      opinions: 'Hồ sơ đầy đủ, cấp độ đề xuất và phương án bảo đảm an toàn phù hợp.',
    });
    if (!appraised) return true;
  }
  if (!byOwner) {
    // Levels 1–2: Công an tỉnh, the owners' specialised unit, approves and reports to the owner (Art. 18.1, 20.3.a).
    const number = `${100 + n}/QĐ-CAT-PA05`;
    const decision = {
      decisionNumber: number,
      decisionDate: approveOn,
      signerName: 'Đặng Trọng Cường',
      signerTitle: 'Giám đốc Công an tỉnh',
    };
    await dossier.step(police, approveOn, 'approve', { ...decision, level: dossier.proposedLevel }, decisionFile(number));
    return true;
  }
  const style = decisionStyle(body);
  const sent = await dossier.step(
    officer,
    addDays(approveOn, -1),
    'request-approval',
    { submissionNumber: `${10 + n}/TTr-${style.abbreviation}` },
    undefined,
    '06:00',
  );
  if (!sent || plan.approveAfter === undefined) return true;
  const number = `${100 + n}/QĐ-${style.abbreviation}`;
  await dossier.step(
    head,
    approveOn,
    'approve',
    {
      decisionNumber: number,
      decisionDate: approveOn,
      signerName: style.signerName,
      signerTitle: style.signerTitle,
      level: dossier.proposedLevel,
    },
    decisionFile(number),
    '08:00',
  );
  return true;
}

/** A level-4 dossier: Mẫu 03 to Công an tỉnh, and its opinion when the plan gives one; not yet sent to the ministry. */
async function levelFourInProgress(
  env: DemoEnv,
  plan: (typeof DEMO_LEVEL4)[number],
  system: { id: string; demo: DemoSystem },
): Promise<boolean> {
  const officer = env.users.get(demoUsername(plan.agency))!;
  const police = env.users.get('thamdinh')!;
  const dossier = await draftFor(env, officer, system, plan.requestOn);
  const asked = await dossier.step(officer, plan.requestOn, 'request-opinion', {
    note: 'Kính gửi Công an tỉnh Sơn La hồ sơ đề xuất cấp độ 4, đề nghị cho ý kiến chuyên môn (Mẫu 03).',
  });
  if (!asked || plan.opinionAfter === undefined) return asked;
  const on = weekday(addDays(plan.requestOn, plan.opinionAfter));
  await dossier.step(police, on, 'give-opinion', {
    conclusion: 'SUITABLE',
    opinions: 'Đề xuất cấp độ 4 và phương án bảo đảm an ninh mạng phù hợp; đề nghị chủ quản gửi Bộ Công an thẩm định.',
    opinionNumber: '215/CAT-PA05',
    opinionDate: on,
  });
  return true;
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
  const users = await loadUsers(dataSource);
  const admin = users.get('admin')!;
  const police = users.get('thamdinh')!;
  const agencies: (DemoBody & { id: string })[] = await dataSource.query(
    `SELECT id, code, name, kind FROM agencies WHERE province_code = 'SL' ORDER BY code`,
  );
  const env: DemoEnv = {
    clock,
    drafting: app.get(DossierDraftingService),
    attachments: app.get(DossierAttachmentsService),
    workflow: app.get(DossierWorkflowService),
    independence: app.get(IndependentAppraiserService),
    users,
    agencies: new Map(agencies.map((a) => [a.code, a])),
    until: options.until ?? '2026-09-30',
  };

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
      const officer = users.get(demoUsername(prior.agency))!;
      const evidence = {
        originalname: Buffer.from(`Quyết định ${prior.decision.decisionNumber.replace(/\//g, '-')}.pdf`, 'utf8').toString('latin1'),
        buffer: DEMO_PDF,
        size: DEMO_PDF.length,
      };
      const claim = await as(officer, () => priorApprovals.claim(officer, system.id, prior.decision, evidence));
      await as(police, () => priorApprovals.confirm(police, system.id, { version: claim.version }));
    }

    let dossiers = 0;
    for (const plan of demoTimeline(agencies.map((a) => a.code)).sort((a, b) => a.submitOn.localeCompare(b.submitOn))) {
      if (plan.submitOn > env.until) continue;
      const target = systemIds.get(plan.agency)!.find((s) => s.demo.dossier) ?? systemIds.get(plan.agency)![0];
      if (await takeThrough(env, plan, target, dossiers + 1)) dossiers++;
    }
    for (const plan of DEMO_LEVEL4) {
      const system = systemIds.get(plan.agency)?.find((s) => s.demo.system.code === plan.system);
      if (system && (await levelFourInProgress(env, plan, system))) dossiers++;
    }
    return { systems: [...systemIds.values()].reduce((n, list) => n + list.length, 0), dossiers };
  } finally {
    clock.setFixed(undefined);
  }
}

export async function loadUsers(dataSource: DataSource): Promise<Map<string, AuthUser>> {
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

/**
 * The explanatory report's contents as the demo bodies wrote them (TT12 Art. 8.3–8.5; ND331 Art. 21.2, 22.3–22.5): the
 * architecture in its five parts, the approved construction design of a system in operation, the outline of the main
 * risks, and the four parts a level 4–5 proposal adds (written by every body; only levels 4–5 are asked for them).
 */
export function demoDossierContents(systemName: string, day: string) {
  const approvalYear = Number(day.slice(0, 4)) - 2;
  return {
    logicalModel: `${systemName}: lớp giao diện (cổng web), lớp ứng dụng, lớp cơ sở dữ liệu; người dùng truy cập qua HTTPS, quản trị qua VPN.`,
    physicalModel:
      'Máy chủ ảo tại Trung tâm dữ liệu tỉnh Sơn La, sau tường lửa trung tâm và tường lửa ứng dụng web; sao lưu sang vùng lưu trữ tập trung.',
    equipment: [
      {
        name: 'Tường lửa trung tâm (thiết bị tường lửa thế hệ mới)',
        location: 'Trung tâm dữ liệu tỉnh',
        purpose: 'Bảo vệ vùng biên, phân tách vùng mạng',
        mainNetworkDevice: true,
      },
      { name: 'Thiết bị chuyển mạch lõi', location: 'Trung tâm dữ liệu tỉnh', purpose: 'Kết nối các vùng mạng', mainNetworkDevice: true },
      { name: 'Tường lửa ứng dụng web (WAF)', location: 'Trung tâm dữ liệu tỉnh', purpose: 'Bảo vệ ứng dụng web', mainNetworkDevice: true },
      { name: 'Máy chủ ảo ứng dụng và cơ sở dữ liệu', location: 'Trung tâm dữ liệu tỉnh', purpose: `Chạy ${systemName}` },
    ],
    applications: [
      {
        name: systemName,
        server: 'APP-01 (máy chủ ảo)',
        location: 'Trung tâm dữ liệu tỉnh',
        operatingSystem: 'Ubuntu Server 22.04',
        purpose: 'Phục vụ người dùng của hệ thống',
      },
      {
        name: 'Cơ sở dữ liệu',
        server: 'DB-01 (máy chủ ảo)',
        location: 'Trung tâm dữ liệu tỉnh',
        operatingSystem: 'Ubuntu Server 22.04',
        purpose: 'Lưu trữ dữ liệu của hệ thống',
      },
    ],
    networkZones: [
      { name: 'Vùng DMZ (máy chủ công khai)', privateAddresses: '10.20.10.0/24', publicAddresses: '14.160.20.10' },
      { name: 'Vùng máy chủ nội bộ', privateAddresses: '10.20.20.0/24', publicAddresses: null },
      { name: 'Vùng quản trị', privateAddresses: '10.20.99.0/24', publicAddresses: null },
    ],
    designDocument: {
      title: `Thiết kế thi công ${systemName}`,
      approvalNumber: `45/QĐ-UBND`,
      approvalDate: `${approvalYear}-03-15`,
      approvedBy: 'UBND tỉnh Sơn La',
    },
    preliminaryRisks:
      'Tấn công từ chối dịch vụ, mã độc tống tiền, lộ lọt tài khoản quản trị; ảnh hưởng dự kiến: gián đoạn dịch vụ trong vài giờ.',
    relatedSystems: 'Cổng dịch vụ công quốc gia, Nền tảng tích hợp, chia sẻ dữ liệu của tỉnh (LGSP), Trục liên thông văn bản quốc gia.',
    threats: 'Tấn công từ chối dịch vụ, khai thác lỗ hổng ứng dụng web, mã độc tống tiền; có thể làm gián đoạn hoặc lộ lọt dữ liệu.',
    publicImpact: 'Gián đoạn việc giải quyết thủ tục hành chính và cung cấp thông tin cho người dân, doanh nghiệp trên địa bàn.',
    continuousOperation: 'Hệ thống phục vụ người dân liên tục 24/7; mọi việc dừng hệ thống phải có kế hoạch và được thông báo trước.',
  };
}

/** A minimal valid PDF, the stand-in for the scanned documents of the demo dossiers. */
export const DEMO_PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
