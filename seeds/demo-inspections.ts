import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../src/auth/auth-user';
import { Clock } from '../src/common/clock';
import { requestContext } from '../src/common/request-context';
import { RecordInspectionBody } from '../src/inspections/dto/inspection.dto';
import { InspectionRecordingService } from '../src/inspections/inspection-recording.service';
import { mapSchedule, policyInForce, ScheduleRow, scheduleRowsSql } from '../src/inspections/inspections.query';
import { UsersService } from '../src/users/users.service';

/** The demo's day for the inspections: after the approvals of demo-activity.ts, before the incident of demo-incidents.ts. */
const DEMO_DAY = '2026-11-20';
const POLICE = 'Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao, Công an tỉnh Sơn La';

/**
 * Inspections for the Sơn La demo, through the real service on a fixed clock: every other system approved through
 * the workflow is inspected (periodic, by the provincial police's cybersecurity unit, gray box from level 3, a
 * self-assessment below), one with a finding still open and one with a finding past its due date; the decisions made
 * before capdo (2023–2024, level 2, due 24 months later) are left uninspected except the latest, so the two older ones
 * are late (due before 06/01/2026). Returns how many were inspected and how many approved systems are overdue on the demo day.
 */
export async function seedInspections(app: INestApplicationContext): Promise<{ done: number; late: number }> {
  const dataSource = app.get(DataSource);
  const clock = app.get(Clock);
  const recording = app.get(InspectionRecordingService);
  const systems: { id: string; approved_level: number; approved_on: string; username: string | null }[] = await dataSource.query(
    `SELECT s.id, s.approved_level, to_char(s.approval_decision_date, 'YYYY-MM-DD') AS approved_on,
            (SELECT username FROM users WHERE role = 'AGENCY_OFFICER' AND active AND agency_id = s.owner_agency_id ORDER BY username LIMIT 1) AS username
       FROM systems s
      WHERE s.province_code = 'SL' AND s.approved_level IS NOT NULL AND s.retired_at IS NULL AND NOT s.state_secret
      ORDER BY s.approval_decision_date, s.name, s.id`,
  );
  const accounts = new Map((await new UsersService(dataSource).accounts()).map((a) => [a.username, a]));
  const prior = systems.filter((s) => s.approved_on < '2025-01-01');
  const targets = [...prior.slice(-1), ...systems.filter((s) => s.approved_on >= '2025-01-01').filter((_, i) => i % 2 === 0)];
  let done = 0;
  try {
    clock.setFixed(DEMO_DAY);
    for (const [index, system] of targets.entries()) {
      const officer: AuthUser | undefined = system.username ? accounts.get(system.username) : undefined;
      if (!officer) continue;
      const performedOn = index === 0 ? '2026-03-20' : '2026-11-1' + String(index % 10);
      if (performedOn < system.approved_on) continue;
      const findings =
        index === 0
          ? [{ description: 'Chưa có quy trình sao lưu, phục hồi dữ liệu định kỳ bằng văn bản', dueOn: '2026-06-30' }]
          : index === 1
            ? [{ description: 'Chưa cập nhật bản vá bảo mật cho máy chủ ứng dụng', dueOn: '2027-01-15' }]
            : [];
      const body = Object.assign(new RecordInspectionBody(), {
        kind: 'PERIODIC',
        performedOn,
        performer: POLICE,
        independent: true,
        qualified: system.approved_level >= 3,
        method: system.approved_level >= 3 ? 'GRAY_BOX' : 'SELF_ASSESSMENT',
        summary: findings.length
          ? 'Cơ bản đáp ứng yêu cầu; còn tồn tại cần khắc phục.'
          : 'Đáp ứng yêu cầu bảo đảm an ninh mạng theo cấp độ.',
        findings,
      } satisfies Partial<RecordInspectionBody>);
      await requestContext.run({ correlationId: 'seed-demo', actor: { id: officer.id, username: officer.username } }, () =>
        recording.record(officer, system.id, body, undefined),
      );
      done++;
    }
  } finally {
    clock.setFixed(undefined);
  }
  // Late on the demo day: the schedule as the pages show it (src/inspections/inspection-schedule.ts).
  const rows: ScheduleRow[] = await dataSource.query(
    scheduleRowsSql(`s.province_code = $2 AND s.approved_level IS NOT NULL AND s.retired_at IS NULL`),
    [DEMO_DAY, 'SL'],
  );
  const policy = await policyInForce(dataSource.manager);
  const late = rows.filter((row) => mapSchedule(row, DEMO_DAY, policy).overdue).length;
  return { done, late };
}
