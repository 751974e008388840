import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/errors/domain-error';
import { NewPolicyVersionDto, PolicyListDto, PolicyVersionDto } from './dto/inspection.dto';
import { policyVersions } from './inspections.query';

/**
 * The ND331 inspection policy (Art. 28.5.a: periodic "theo cấp độ … và mức độ rủi ro", no interval in the decree):
 * versions are never edited; an administrator adds a new version for all five levels, which is in force from then on.
 * Version 1 holds the ND85 Art. 20.2.c intervals, marked as defaults.
 */
@Injectable()
export class InspectionPoliciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<PolicyListDto> {
    return { versions: await policyVersions(this.dataSource.manager) };
  }

  async addVersion(user: AuthUser, dto: NewPolicyVersionDto): Promise<PolicyVersionDto> {
    const levels = dto.rules.map((r) => r.level).sort();
    if (levels.join() !== '1,2,3,4,5')
      throw new DomainError('VALIDATION_FAILED', 'Chính sách phải có đủ 5 cấp độ, mỗi cấp độ một lần.', {
        rules: ['đủ cấp độ 1 đến 5, không trùng'],
      });
    return this.dataSource.transaction(async (em) => {
      await em.query(`LOCK TABLE inspection_policies IN SHARE ROW EXCLUSIVE MODE`);
      const [{ next }]: { next: number }[] = await em.query(
        `SELECT COALESCE(max(version), 0) + 1 AS next FROM inspection_policies WHERE regime = 'ND331'`,
      );
      for (const r of dto.rules) {
        await em.query(
          `INSERT INTO inspection_policies (regime, version, level, interval_months, requires_independent, is_default, note, created_by)
           VALUES ('ND331', $1, $2, $3, $4, false, $5, $6)`,
          [next, r.level, r.intervalMonths ?? null, r.requiresIndependent, dto.note, user.id],
        );
      }
      await this.audit.record(em, {
        action: 'INSPECTION_POLICY_VERSION_ADDED',
        entityType: 'inspection_policy',
        entityId: String(next),
        after: { version: next, rules: dto.rules, note: dto.note },
      });
      return (await policyVersions(em)).find((v) => v.version === next)!;
    });
  }
}
