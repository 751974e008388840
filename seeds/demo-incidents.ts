import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../src/auth/auth-user';
import { Clock } from '../src/common/clock';
import { requestContext } from '../src/common/request-context';
import { IncidentsService } from '../src/incidents/incidents.service';
import { UsersService } from '../src/users/users.service';

/** When the demo's incident was detected and its initial notice sent (Vietnam time 09:15 and 15:40). */
const DETECTED_AT = '2026-11-27T02:15:00Z';
const NOTICE_SENT_AT = '2026-11-27T08:40:00Z';

/**
 * One open serious incident for the Sơn La demo, recorded through the real service on a fixed clock: ransomware on the
 * most important approved system of the province (highest approved level, then name), its initial notice sent within
 * 24 hours (ND331 Art. 31.2.d), the 72-hour report still owed, and the external assessment flagged (Art. 31.2.c).
 * Returns the incident's id, or null when the demo has no approved system with an officer.
 */
export async function seedIncidents(app: INestApplicationContext): Promise<string | null> {
  const dataSource = app.get(DataSource);
  const clock = app.get(Clock);
  const incidents = app.get(IncidentsService);
  const [target]: { system_id: string; username: string }[] = await dataSource.query(
    `SELECT s.id AS system_id, u.username
       FROM systems s
       JOIN LATERAL (SELECT username FROM users WHERE role = 'AGENCY_OFFICER' AND active AND agency_id = s.owner_agency_id ORDER BY username LIMIT 1) u ON true
      WHERE s.province_code = 'SL' AND s.approved_level IS NOT NULL AND s.lifecycle <> 'RETIRED' AND NOT s.state_secret
      ORDER BY s.approved_level DESC, s.name, s.id LIMIT 1`,
  );
  if (!target) return null;
  const officer: AuthUser | undefined = (await new UsersService(dataSource).accounts()).find((a) => a.username === target.username);
  if (!officer) return null;
  const as = <T>(fn: () => Promise<T>) =>
    requestContext.run({ correlationId: 'seed-demo', actor: { id: officer.id, username: officer.username } }, fn);
  try {
    clock.setFixed(new Date(Date.parse(DETECTED_AT) + 45 * 60_000));
    const created = await as(() =>
      incidents.create(officer, target.system_id, {
        detectedAt: DETECTED_AT,
        severity: 'SERIOUS',
        nationalSecurity: false,
        title: 'Mã độc mã hóa dữ liệu trên máy chủ ứng dụng',
        description:
          'Hệ thống giám sát phát hiện tệp dữ liệu trên máy chủ ứng dụng bị mã hóa và thông điệp đòi tiền chuộc; dịch vụ trực tuyến gián đoạn khoảng 2 giờ. Đang xác định nguyên nhân và phạm vi dữ liệu bị ảnh hưởng.',
        actions: 'Cô lập máy chủ khỏi mạng, chuyển dịch vụ sang máy chủ dự phòng, khôi phục dữ liệu từ bản sao lưu ngày 26/11/2026.',
      }),
    );
    clock.setFixed(new Date(Date.parse(NOTICE_SENT_AT) + 5 * 60_000));
    await as(() =>
      incidents.update(officer, target.system_id, created.id, { version: created.version, initialNoticeSentAt: NOTICE_SENT_AT }),
    );
    return created.id;
  } finally {
    clock.setFixed(undefined);
  }
}
