// A real OpenID Connect provider for the tests (oidc-provider, in its own process: it is ESM and koa), laid out like
// the province's Keycloak: `preferred_username`, `name`, `email`, `realm_access.roles`, `groups`, `agency_code`, all in
// the ID token; its development login page (any password); PKCE required; RP-initiated logout (end_session_endpoint).
// Env: OIDC_TEST_ACCOUNTS = JSON { "<login>": { sub?, preferred_username?, name?, ... } }, OIDC_TEST_CLIENT_ID,
// OIDC_TEST_CLIENT_SECRET. Prints one JSON line { "issuer": "http://127.0.0.1:<port>" } once listening.
import { createServer } from 'node:http';
import process from 'node:process';
import Provider, { interactionPolicy } from 'oidc-provider';

const accounts = JSON.parse(process.env.OIDC_TEST_ACCOUNTS ?? '{}');
const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

// No consent page: capdo is the province's own application (Keycloak: "Consent required" off); oidc-provider asks a
// "native" client's user every time unless that check is removed.
const policy = interactionPolicy.base();
policy.get('consent').checks.remove('native_client_prompt');

const provider = new Provider(issuer, {
  interactions: { policy },
  clients: [
    {
      client_id: process.env.OIDC_TEST_CLIENT_ID ?? 'capdo',
      client_secret: process.env.OIDC_TEST_CLIENT_SECRET ?? 'capdo-test-secret',
      // "native": any port of the loopback address is accepted, so capdo may listen wherever the test put it.
      application_type: 'native',
      redirect_uris: ['http://127.0.0.1/dang-nhap/sso/ve'],
      post_logout_redirect_uris: ['http://127.0.0.1/dang-nhap'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  pkce: { required: () => true },
  claims: {
    openid: ['sub'],
    profile: ['preferred_username', 'name', 'agency_code', 'realm_access', 'groups'],
    email: ['email'],
  },
  // Keycloak's mappers put the claims in the ID token ("Add to ID token").
  conformIdTokenClaims: false,
  cookies: { keys: ['capdo-test-provider-only'] },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  async findAccount(_ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...account }) };
  },
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope(ctx.oidc.requestParamScopes ? [...ctx.oidc.requestParamScopes].join(' ') : 'openid');
    await grant.save();
    return grant;
  },
});
server.on('request', provider.callback());
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
