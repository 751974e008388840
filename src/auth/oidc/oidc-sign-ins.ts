/**
 * The queries on `oidc_sign_ins` (owner: src/auth): a single sign-on in progress, between the redirect to the provider
 * and its callback. Kept server-side (the browser holds only the state, in a short http-only cookie) and used once.
 */
import { EntityManager } from 'typeorm';

/** How long a sign-in may take at the provider's page. */
export const SIGN_IN_MINUTES = 10;

export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  nextPath: string;
}

export async function savePendingSignIn(em: EntityManager, pending: PendingSignIn): Promise<void> {
  await em.query(`INSERT INTO oidc_sign_ins (state, nonce, code_verifier, next_path) VALUES ($1, $2, $3, $4)`, [
    pending.state,
    pending.nonce,
    pending.codeVerifier,
    pending.nextPath,
  ]);
}

/** The sign-in this state began, removed so that a replayed callback finds nothing; undefined when unknown or too old. */
export async function takePendingSignIn(em: EntityManager, state: string): Promise<PendingSignIn | undefined> {
  const [rows]: [{ state: string; nonce: string; code_verifier: string; next_path: string; fresh: boolean }[], number] = await em.query(
    `DELETE FROM oidc_sign_ins WHERE state = $1
     RETURNING state, nonce, code_verifier, next_path, created_at > now() - make_interval(mins => $2) AS fresh`,
    [state, SIGN_IN_MINUTES],
  );
  const row = rows[0];
  return row?.fresh ? { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier, nextPath: row.next_path } : undefined;
}

/** Sign-ins abandoned at the provider's page are forgotten. */
export async function prunePendingSignIns(em: EntityManager): Promise<void> {
  await em.query(`DELETE FROM oidc_sign_ins WHERE created_at < now() - make_interval(mins => $1)`, [SIGN_IN_MINUTES]);
}
