import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth-user';

/** Told, inside the transaction that records it, that a system now processes state secrets. */
export interface SystemBecameStateSecretListener {
  systemBecameStateSecret(em: EntityManager, user: AuthUser, systemId: string): Promise<void>;
}

/**
 * The seam between the inventory and what is built on it: the dossiers and workflow modules import the systems
 * module, so it cannot import them back. They register here when the application starts, and the systems module
 * calls them in the same transaction as the change of information types: either both commit or neither.
 */
@Injectable()
export class SystemStateSecretHooks {
  private readonly listeners: SystemBecameStateSecretListener[] = [];

  register(listener: SystemBecameStateSecretListener): void {
    this.listeners.push(listener);
  }

  async systemBecameStateSecret(em: EntityManager, user: AuthUser, systemId: string): Promise<void> {
    for (const listener of this.listeners) await listener.systemBecameStateSecret(em, user, systemId);
  }
}

/** A change of information types that brings a system under the state-secret rule. */
export function becomesStateSecret(before: readonly string[], after: readonly string[]): boolean {
  return !before.includes('STATE_SECRET') && after.includes('STATE_SECRET');
}
