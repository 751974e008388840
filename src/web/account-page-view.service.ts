import { Injectable } from '@nestjs/common';
import { AgenciesQueryService } from '../agencies/agencies-query.service';
import { AgencyListQuery } from '../agencies/dto/agency.dto';
import { AuthUser } from '../auth/auth-user';
import { SessionsService } from '../auth/sessions/sessions.service';
import { AccountDto } from '../users/dto/account.dto';
import { ROLE_LABELS } from '../users/role';
import { mayManage } from '../users/user-scope';
import { ACCOUNT_FIELD_LABELS, browserLabel, ROLE_OPTIONS } from './account-form';
import { agencyOption } from './agency-form';

const VIA_LABELS = { PASSWORD: 'Mật khẩu', OIDC: 'Đăng nhập một lần (SSO)' } as const;

/**
 * What the account's page shows (issue 22): the account, whether the viewer may change it (users/user-scope.ts, the
 * rule the services apply), its sessions that still count, and the choices of the edit form.
 */
@Injectable()
export class AccountPageView {
  constructor(
    private readonly sessions: SessionsService,
    private readonly agenciesQuery: AgenciesQueryService,
  ) {}

  async data(actor: AuthUser, account: AccountDto): Promise<Record<string, unknown>> {
    const isAdmin = actor.role === 'ADMIN';
    const [sessions, agencies] = await Promise.all([
      this.sessions.activeFor(account.id),
      isAdmin
        ? this.agenciesQuery
            .list(actor, { page: 1, pageSize: 200, status: 'ACTIVE' } as AgencyListQuery)
            .then((p) => p.items.map(agencyOption))
        : Promise.resolve([]),
    ]);
    return {
      account: { ...account, roleLabel: ROLE_LABELS[account.role] },
      isAdmin,
      self: account.id === actor.id,
      manageable: mayManage(actor, account) === 'ALLOWED',
      sessions: sessions.map((s) => ({
        browser: s.kind === 'API' ? `Ứng dụng kết nối (API) — ${browserLabel(s.userAgent)}` : browserLabel(s.userAgent),
        via: VIA_LABELS[s.via],
        // An IPv4 client as Node reports it on a dual-stack socket ("::ffff:10.0.0.5"), shown as people know it.
        address: s.address?.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '') ?? null,
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        current: s.id === actor.sessionId,
      })),
      roles: ROLE_OPTIONS,
      agencies,
      fieldLabels: ACCOUNT_FIELD_LABELS,
    };
  }
}
