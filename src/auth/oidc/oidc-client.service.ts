import { Injectable } from '@nestjs/common';
import * as oidc from 'openid-client';
import { AppConfig } from '../../config/app-config';

/** The provider may be reached over plain http only on this machine (a test provider, a local Keycloak). */
export function isLocalHttpIssuer(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/**
 * capdo as a client of the province's OpenID Connect provider (openid-client): the provider's metadata, discovered once
 * and kept (a failed discovery is tried again at the next sign-in), and the addresses capdo registers there.
 */
@Injectable()
export class OidcClientService {
  private discovered?: Promise<oidc.Configuration>;

  constructor(private readonly config: AppConfig) {}

  /** Single sign-on is on: OIDC_ISSUER_URL is set (the config check requires OIDC_CLIENT_ID with it). */
  get enabled(): boolean {
    return !!this.config.OIDC_ISSUER_URL && !!this.config.OIDC_CLIENT_ID;
  }

  get scopes(): string {
    return this.config.OIDC_SCOPES;
  }

  configuration(): Promise<oidc.Configuration> {
    if (!this.discovered) {
      this.discovered = this.discover();
      this.discovered.catch(() => (this.discovered = undefined));
    }
    return this.discovered;
  }

  /** Where the provider sends the browser back: PUBLIC_URL, or the address the request came to. */
  redirectUri(origin: string): string {
    return `${this.base(origin)}/dang-nhap/sso/ve`;
  }

  postLogoutRedirectUri(origin: string): string {
    return `${this.base(origin)}/dang-nhap`;
  }

  /**
   * Where to send the browser so that the provider's session ends too (RP-initiated logout), when the provider
   * advertises `end_session_endpoint`; undefined otherwise, or when the provider cannot be reached.
   */
  async endSessionUrl(idToken: string, origin: string): Promise<string | undefined> {
    if (!this.enabled) return undefined;
    const configuration = await this.configuration().catch(() => undefined);
    if (!configuration?.serverMetadata().end_session_endpoint) return undefined;
    return oidc
      .buildEndSessionUrl(configuration, { id_token_hint: idToken, post_logout_redirect_uri: this.postLogoutRedirectUri(origin) })
      .toString();
  }

  private base(origin: string): string {
    return (this.config.PUBLIC_URL ?? origin).replace(/\/+$/, '');
  }

  private discover(): Promise<oidc.Configuration> {
    const issuer = this.config.OIDC_ISSUER_URL!;
    const secret = this.config.OIDC_CLIENT_SECRET;
    return oidc.discovery(
      new URL(issuer),
      this.config.OIDC_CLIENT_ID!,
      undefined,
      secret ? oidc.ClientSecretBasic(secret) : oidc.None(),
      isLocalHttpIssuer(issuer) ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
  }
}
