import { EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { becomesStateSecret, SystemStateSecretHooks } from './system-state-secret-hooks';

describe('a system becoming state-secret (Law 116/2025 Art. 15.2.b)', () => {
  it('is a change that adds STATE_SECRET to the information types, not one that keeps or removes it', () => {
    expect(becomesStateSecret(['PUBLIC', 'PRIVATE'], ['PRIVATE', 'STATE_SECRET'])).toBe(true);
    expect(becomesStateSecret(['STATE_SECRET'], ['STATE_SECRET'])).toBe(false);
    expect(becomesStateSecret(['STATE_SECRET'], ['PRIVATE'])).toBe(false);
    expect(becomesStateSecret(['PUBLIC'], ['PUBLIC', 'PERSONAL'])).toBe(false);
  });

  it('calls every registered listener, in order, with the same transaction', async () => {
    const hooks = new SystemStateSecretHooks();
    const calls: string[] = [];
    const em = {} as EntityManager;
    const user = { id: 'u1' } as AuthUser;
    hooks.register({ systemBecameStateSecret: async (m, u, id) => void calls.push(`a:${m === em}:${u.id}:${id}`) });
    hooks.register({ systemBecameStateSecret: async (m, u, id) => void calls.push(`b:${m === em}:${u.id}:${id}`) });
    await hooks.systemBecameStateSecret(em, user, 's1');
    expect(calls).toEqual(['a:true:u1:s1', 'b:true:u1:s1']);
  });
});
