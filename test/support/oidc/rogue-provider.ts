import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

/** What the rogue issuer gets wrong in its ID token; GOOD gets nothing wrong (the control). */
export type RogueMode = 'GOOD' | 'WRONG_AUDIENCE' | 'WRONG_ISSUER' | 'EXPIRED' | 'WRONG_NONCE';

export interface RogueProvider {
  issuer: string;
  mode: RogueMode;
  stop(): Promise<void>;
}

/**
 * An issuer that a real provider never is (node http + jose): its discovery, an authorization endpoint that answers at
 * once with a code, and a token endpoint whose ID token carries a wrong audience, issuer, expiry or nonce as `mode`
 * says, signed with its own published key. For the refusals openid-client must make.
 */
export async function startRogueProvider(clientId: string, claims: Record<string, unknown>): Promise<RogueProvider> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'rogue', alg: 'RS256', use: 'sig' };
  const nonces = new Map<string, string>();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const rogue: RogueProvider = {
    issuer,
    mode: 'GOOD',
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const idToken = async (nonce: string): Promise<string> => {
    const now = Math.floor(Date.now() / 1000);
    const mode = rogue.mode;
    return new SignJWT({ ...claims, nonce: mode === 'WRONG_NONCE' ? 'not-the-nonce' : nonce })
      .setProtectedHeader({ alg: 'RS256', kid: 'rogue' })
      .setIssuer(mode === 'WRONG_ISSUER' ? 'http://127.0.0.1:1/realms/other' : issuer)
      .setAudience(mode === 'WRONG_AUDIENCE' ? 'another-client' : clientId)
      .setSubject(String(claims.sub ?? 'rogue-subject'))
      .setIssuedAt(mode === 'EXPIRED' ? now - 7200 : now)
      .setExpirationTime(mode === 'EXPIRED' ? now - 3600 : now + 300)
      .sign(privateKey);
  };

  server.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', issuer);
    const json = (body: unknown) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/.well-known/openid-configuration')
      return json({
        issuer,
        authorization_endpoint: `${issuer}/auth`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        code_challenge_methods_supported: ['S256'],
      });
    if (url.pathname === '/jwks') return json({ keys: [jwk] });
    if (url.pathname === '/auth') {
      const code = randomBytes(16).toString('hex');
      nonces.set(code, url.searchParams.get('nonce') ?? '');
      const back = new URL(url.searchParams.get('redirect_uri')!);
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      return res.writeHead(302, { location: back.toString() }).end();
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      return void readBody(req).then(async (body) => {
        const code = new URLSearchParams(body).get('code') ?? '';
        json({
          access_token: randomBytes(16).toString('hex'),
          token_type: 'Bearer',
          expires_in: 300,
          id_token: await idToken(nonces.get(code) ?? ''),
        });
      });
    }
    res.writeHead(404).end();
  });
  return rogue;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => resolve(body));
  });
}
