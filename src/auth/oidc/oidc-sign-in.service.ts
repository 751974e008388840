import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { DomainError } from '../../common/errors/domain-error';
import { setCurrentActor } from '../../common/request-context';
import { AppConfig } from '../../config/app-config';
import type { Role } from '../../users/role';
import { activeAgencyByCode, createSsoAccount, findSsoAccount, SsoAccountRow, updateSsoAccount } from '../../users/sso-accounts';
import { AuthService, SignInClient } from '../auth.service';
import { hashPassword } from '../password';
import { OidcClientService } from './oidc-client.service';
import { claimNames, decideSsoAccount, readIdentity, refusalMessage, SsoDecision, SsoRefusal } from './oidc-claims';
import { prunePendingSignIns, savePendingSignIn, takePendingSignIn } from './oidc-sign-ins';
import { RoleMappingsService } from './role-mappings.service';

export interface SsoCallback {
  /** The callback's query as the provider sent it (code, state, iss, or error). */
  query: URLSearchParams;
  /** The state the browser's short cookie carries (set when the sign-in began in this browser). */
  cookieState: string | undefined;
  /** The address capdo was reached at (used when PUBLIC_URL is not set). */
  origin: string;
  client: SignInClient;
}

type Failure = 'STATE_MISMATCH' | 'UNKNOWN_STATE' | 'PROVIDER_ERROR' | 'TOKEN_REJECTED' | 'ACCOUNT_TAKEN';

/**
 * Single sign-on with the province's OpenID Connect provider (authorization code with PKCE, issue 22): the redirect
 * to the provider, then at the callback the code exchanged and the ID token checked by openid-client (state, nonce,
 * PKCE, issuer, audience, expiry), the claims turned into an account (oidc-claims.ts) and a web session.
 */
@Injectable()
export class OidcSignInService {
  private readonly logger = new Logger('SingleSignOn');

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly client: OidcClientService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly roleMappings: RoleMappingsService,
  ) {}

  /** A new sign-in: its state, nonce and PKCE verifier kept server-side; the provider's address to send the browser to. */
  async begin(nextPath: string, origin: string): Promise<{ url: string; state: string }> {
    const configuration = await this.providerConfiguration();
    const pending = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
      nextPath,
    };
    await this.dataSource.transaction(async (em) => {
      await prunePendingSignIns(em);
      await savePendingSignIn(em, pending);
    });
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.client.redirectUri(origin),
      scope: this.client.scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.toString(), state: pending.state };
  }

  /** The callback: a signed web session token and where to continue, or a DomainError (SSO_*) and no session. */
  async finish(callback: SsoCallback): Promise<{ token: string; next: string }> {
    const state = callback.query.get('state');
    if (!state || !callback.cookieState || state !== callback.cookieState) {
      throw await this.failure('STATE_MISMATCH', 'SSO_STATE_INVALID', 'the state does not match the browser cookie');
    }
    const pending = await this.dataSource.transaction((em) => takePendingSignIn(em, state));
    if (!pending) throw await this.failure('UNKNOWN_STATE', 'SSO_STATE_INVALID', 'no sign-in in progress with this state');
    const configuration = await this.providerConfiguration();
    const callbackUrl = new URL(this.client.redirectUri(callback.origin));
    callbackUrl.search = callback.query.toString();
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        pkceCodeVerifier: pending.codeVerifier,
        idTokenExpected: true,
      });
    } catch (error) {
      const reason = error instanceof oidc.AuthorizationResponseError ? 'PROVIDER_ERROR' : 'TOKEN_REJECTED';
      throw await this.failure(reason, 'SSO_FAILED', errorText(error));
    }
    const claims = await this.claimsOf(configuration, tokens);
    const read = readIdentity(claims, claimNames(this.config));
    if ('refusal' in read) throw await this.refusal(read.refusal, String(claims.sub));
    const identity = read.identity;
    const roles = await this.roleMappings.rolesFor(identity.roleValues);
    const outcome = await this.dataSource.transaction(async (em) => {
      const agency = identity.agencyCode ? ((await activeAgencyByCode(em, identity.agencyCode)) ?? null) : null;
      const existing = (await findSsoAccount(em, identity.subject, identity.username)) ?? null;
      const decision = decideSsoAccount({ identity, agency, roles, existing, agencyClaim: this.config.OIDC_AGENCY_CLAIM });
      if (decision.kind === 'REFUSE')
        return { kind: 'REFUSED' as const, refusal: decision.refusal, entityId: existing?.id ?? identity.username };
      const account = await this.applyDecision(em, decision, existing, identity.subject);
      if (!account) return { kind: 'TAKEN' as const };
      await this.audit.record(em, {
        action: 'SIGN_IN',
        entityType: 'user',
        entityId: account.id,
        after: {
          username: account.username,
          via: 'sso',
          address: callback.client.address?.slice(0, 64) ?? null,
          userAgent: callback.client.userAgent?.slice(0, 256) ?? null,
        },
      });
      return {
        kind: 'SIGNED_IN' as const,
        token: await this.auth.issueSession(em, account, 'WEB', 'OIDC', callback.client, tokens.id_token),
      };
    });
    if (outcome.kind === 'REFUSED') throw await this.refusal(outcome.refusal, outcome.entityId);
    if (outcome.kind === 'TAKEN') throw await this.failure('ACCOUNT_TAKEN', 'SSO_FAILED', 'the username or subject was taken meanwhile');
    return { token: outcome.token, next: pending.nextPath };
  }

  /** Creates, or links and updates, the account; audited. Undefined when a concurrent sign-in took the username. */
  private async applyDecision(
    em: EntityManager,
    decision: Exclude<SsoDecision, { kind: 'REFUSE' }>,
    existing: SsoAccountRow | null,
    subject: string,
  ): Promise<{ id: string; username: string; role: Role } | undefined> {
    if (decision.kind === 'CREATE') {
      const { account } = decision;
      // Nobody knows this password: the account signs in through the provider (an administrator's reset gives one).
      const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
      const id = await createSsoAccount(em, { ...account, passwordHash });
      if (!id) return undefined;
      setCurrentActor({ id, username: account.username });
      const { subject: _subject, ...shown } = account;
      await this.audit.record(em, { action: 'CREATE', entityType: 'user', entityId: id, after: { ...shown, via: 'sso' } });
      return { id, username: account.username, role: account.role };
    }
    const before = existing!;
    setCurrentActor({ id: before.id, username: before.username });
    const changed = Object.keys(decision.changes) as (keyof typeof decision.changes)[];
    if (decision.link || changed.length > 0) {
      await updateSsoAccount(em, before.id, { ...decision.changes, ...(decision.link ? { subject } : {}) });
      await this.audit.record(em, {
        action: 'UPDATE',
        entityType: 'user',
        entityId: before.id,
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: { ...decision.changes, via: 'sso', ...(decision.link ? { linkedToProvider: true } : {}) },
      });
    }
    return { id: before.id, username: before.username, role: decision.changes.role ?? before.role };
  }

  /** The ID token's claims, completed by the userinfo endpoint's when the provider has one (the ID token's win). */
  private async claimsOf(
    configuration: oidc.Configuration,
    tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>,
  ): Promise<Record<string, unknown>> {
    const idClaims = tokens.claims()!;
    if (!configuration.serverMetadata().userinfo_endpoint || !tokens.access_token) return { ...idClaims };
    try {
      const userinfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      return { ...userinfo, ...idClaims };
    } catch (error) {
      this.logger.warn({
        msg: 'single sign-on: the userinfo endpoint failed; the ID token claims alone are used',
        error: errorText(error),
      });
      return { ...idClaims };
    }
  }

  private async providerConfiguration(): Promise<oidc.Configuration> {
    if (!this.client.enabled) throw new DomainError('NOT_FOUND', 'Đăng nhập một lần (SSO) chưa được bật trên capdo.');
    try {
      return await this.client.configuration();
    } catch (error) {
      this.logger.warn({ msg: 'single sign-on: provider discovery failed', error: errorText(error) });
      throw new DomainError(
        'SSO_UNAVAILABLE',
        'Chưa kết nối được hệ thống định danh của tỉnh. Vui lòng thử lại sau ít phút; nếu vẫn không được, hãy báo quản trị viên capdo.',
      );
    }
  }

  /** Logged (warn) and audited, then the person's page: what to ask the administrator. */
  private async refusal(refusal: SsoRefusal, entityId: string): Promise<DomainError> {
    this.logger.warn({ msg: 'single sign-on refused', ...refusal });
    await this.dataSource.transaction((em) =>
      this.audit.record(em, { action: 'SSO_REFUSED', entityType: 'user', entityId: entityId.slice(0, 255), after: { ...refusal } }),
    );
    return new DomainError('SSO_REFUSED', refusalMessage(refusal), undefined, { refusal });
  }

  /** A sign-in that proves nothing (forged, replayed, tampered, or refused by the provider): logged, audited, no session. */
  private async failure(reason: Failure, code: 'SSO_STATE_INVALID' | 'SSO_FAILED', detail: string): Promise<DomainError> {
    this.logger.warn({ msg: 'single sign-on failed', reason, detail });
    await this.dataSource.transaction((em) =>
      this.audit.record(em, { action: 'SSO_FAILED', entityType: 'user', entityId: 'sso', after: { reason, detail: detail.slice(0, 500) } }),
    );
    return new DomainError(code, FAILURE_MESSAGES[reason]);
  }
}

const FAILURE_MESSAGES: Record<Failure, string> = {
  STATE_MISMATCH:
    'Lượt đăng nhập này không bắt đầu từ trình duyệt của bạn, hoặc đã quá 10 phút. Vui lòng bấm «Đăng nhập một lần (SSO)» để đăng nhập lại.',
  UNKNOWN_STATE: 'Lượt đăng nhập này đã được dùng hoặc đã hết hạn (10 phút). Vui lòng bấm «Đăng nhập một lần (SSO)» để đăng nhập lại.',
  PROVIDER_ERROR: 'Hệ thống định danh của tỉnh không xác nhận lượt đăng nhập này. Vui lòng đăng nhập lại.',
  TOKEN_REJECTED:
    'Không xác minh được thông tin đăng nhập do hệ thống định danh gửi về (chữ ký, nơi cấp, đối tượng nhận hoặc thời hạn không đúng), nên capdo không mở phiên làm việc. Vui lòng đăng nhập lại; nếu vẫn lỗi, hãy báo quản trị viên capdo.',
  ACCOUNT_TAKEN: 'Tài khoản vừa được tạo bởi một lượt đăng nhập khác. Vui lòng đăng nhập lại.',
};

/** The library's error for the log and the audit: its code, the provider's error, the claim that failed its check. */
function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const {
    code,
    error: providerError,
    error_description: description,
    cause,
  } = error as {
    code?: unknown;
    error?: unknown;
    error_description?: unknown;
    cause?: { claim?: unknown };
  };
  return [
    typeof code === 'string' ? `${code}: ${error.message}` : error.message,
    typeof providerError === 'string' ? `${providerError}${typeof description === 'string' ? ` (${description})` : ''}` : undefined,
    cause instanceof Error ? errorText(cause) : typeof cause?.claim === 'string' ? `claim "${cause.claim}"` : undefined,
  ]
    .filter(Boolean)
    .join('; ');
}
