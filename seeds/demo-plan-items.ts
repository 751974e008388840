import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../src/auth/auth-user';
import { Clock } from '../src/common/clock';
import { requestContext } from '../src/common/request-context';
import { PlanItemsService } from '../src/plan-items/plan-items.service';

/** The day the demo's bodies record their progress on the approved plans (after the last demo approval, 30/09/2026). */
const PROGRESS_DAY = '2026-10-20T02:30:00Z';

interface OpenItem {
  id: string;
  system_id: string;
  version: number;
  officer_id: string;
  officer_username: string;
  officer_name: string;
  agency_id: string;
  province_code: string;
}

/**
 * After the approvals of the demo (seeds/demo-activity.ts), the Sơn La bodies move their plans along through the real
 * service, on a fixed day: every other approved system finishes its open items (its plan becomes fully deployed, Mẫu 08
 * col 10 "Đã triển khai đầy đủ"); the others start one item and leave the rest, some past their planned date (partly
 * deployed, overdue items on the plan pages and in the reminders). Returns how many systems ended fully deployed.
 */
export async function seedPlanItems(app: INestApplicationContext): Promise<{ full: number; partial: number }> {
  const dataSource = app.get(DataSource);
  const clock = app.get(Clock);
  const items = app.get(PlanItemsService);
  const open: OpenItem[] = await dataSource.query(
    `SELECT p.id, p.system_id, p.version, u.id AS officer_id, u.username AS officer_username, u.full_name AS officer_name,
            u.agency_id, a.province_code
       FROM plan_items p
       JOIN systems s ON s.id = p.system_id
       JOIN LATERAL (SELECT * FROM users WHERE role = 'AGENCY_OFFICER' AND agency_id = s.owner_agency_id ORDER BY username LIMIT 1) u ON true
       JOIN agencies a ON a.id = u.agency_id
      WHERE p.superseded_at IS NULL AND p.status IN ('NOT_STARTED', 'IN_PROGRESS')
      ORDER BY s.name, s.id, p.planned_date, p.requirement_id`,
  );
  const bySystem = new Map<string, OpenItem[]>();
  for (const item of open) bySystem.set(item.system_id, [...(bySystem.get(item.system_id) ?? []), item]);
  let full = 0;
  let partial = 0;
  clock.setFixed(PROGRESS_DAY);
  try {
    let n = 0;
    for (const [systemId, list] of bySystem) {
      const finish = n++ % 2 === 0;
      const first = list[0];
      const officer: AuthUser = {
        id: first.officer_id,
        username: first.officer_username,
        fullName: first.officer_name,
        role: 'AGENCY_OFFICER',
        agencyId: first.agency_id,
        provinceCode: first.province_code,
      };
      const chosen = finish ? list : [first];
      for (const item of chosen) {
        await requestContext.run({ correlationId: 'seed-demo-plan-items', actor: { id: officer.id, username: officer.username } }, () =>
          items.update(officer, systemId, item.id, {
            version: item.version,
            status: finish ? 'DONE' : 'IN_PROGRESS',
            responsibleUnit: 'Bộ phận công nghệ thông tin của đơn vị',
            note: finish ? 'Đã nghiệm thu, có biên bản.' : 'Đã ký hợp đồng triển khai.',
          }),
        );
      }
      if (finish) full++;
      else partial++;
    }
    return { full, partial };
  } finally {
    clock.setFixed(undefined);
  }
}
