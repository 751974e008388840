import { pathOf } from '../dossiers/dossier-procedure';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { DossierAttachmentsService } from '../dossiers/dossier-attachments.service';
import { DossierStatus } from '../dossiers/dossier-status';
import type { Dossier } from '../dossiers/dossier.entity';
import { lockDossiersOfSystem } from '../dossiers/dossier-writes';
import { redactDossierTexts, REDACTED_REVISION, STATE_SECRET_WITHDRAWAL_NOTE } from '../dossiers/state-secret-dossier';
import { SystemBecameStateSecretListener, SystemStateSecretHooks } from '../systems/system-state-secret-hooks';
import { TRANSITIONS } from '../dossiers/dossier-actions';
import { decideTransition } from './dossier-transitions';
import { DossierWorkflowService } from './dossier-workflow.service';

/**
 * When a system becomes state-secret, each of its open dossiers (every status the withdraw action starts from) is
 * withdrawn in the same transaction, as the preparer would withdraw it: one history event and one DOSSIER_WITHDRAW
 * audit row, one version step. Its attachments, its free-text parts and the content of its submitted revisions are
 * deleted; the event and the audit row keep only their SHA-256 (Law 116/2025 Art. 15.1.d, 15.2.b).
 *
 * Approved and closed dossiers keep their status and decision (the approved level stays on record); nothing of them
 * is served any more, because every read of files and documents checks the state-secret rule.
 */
@Injectable()
export class StateSecretWithdrawalService implements SystemBecameStateSecretListener, OnModuleInit {
  constructor(
    private readonly hooks: SystemStateSecretHooks,
    private readonly attachments: DossierAttachmentsService,
    private readonly workflow: DossierWorkflowService,
  ) {}

  onModuleInit(): void {
    this.hooks.register(this);
  }

  async systemBecameStateSecret(em: EntityManager, user: AuthUser, systemId: string): Promise<void> {
    const open = await lockDossiersOfSystem(em, systemId, TRANSITIONS.withdraw.from);
    for (const dossier of open) await this.withdraw(em, user, dossier);
  }

  private async withdraw(em: EntityManager, user: AuthUser, dossier: Dossier): Promise<void> {
    const from = dossier.status as DossierStatus;
    const decision = decideTransition('withdraw', {
      status: from,
      actorRoles: ['PREPARER'],
      proposedLevel: dossier.proposedLevel,
      regime: dossier.regime,
      path: pathOf(dossier),
      listingRequested: !!dossier.nationalListing?.requestNumber,
      sameBodyAppraisesAndApproves: false,
      stateSecret: true,
    });
    if (!decision.ok) throw new Error(`withdraw from ${from} refused by the transition table: ${decision.code}`);
    const attachments = await this.attachments.purge(em, dossier.id);
    const revisions: { number: number; sha256: string }[] = await em.query(
      `SELECT number, sha256 FROM dossier_revisions WHERE dossier_id = $1 AND NOT (content ? 'redacted') ORDER BY number`,
      [dossier.id],
    );
    // The only change the revisions' trigger allows (migration 1764132000000): content → marker, hash kept.
    await em.query(`UPDATE dossier_revisions SET content = $2::jsonb WHERE dossier_id = $1 AND NOT (content ? 'redacted')`, [
      dossier.id,
      JSON.stringify(REDACTED_REVISION),
    ]);
    const { redacted, removed } = redactDossierTexts(dossier);
    const next: Dossier = { ...redacted, status: decision.to, version: dossier.version + 1, dueOn: null, dueKind: null };
    await this.workflow.save(em, next, dossier.version);
    await this.workflow.record(em, {
      actor: user,
      dossier: next,
      action: 'withdraw',
      from,
      note: STATE_SECRET_WITHDRAWAL_NOTE,
      details: { reason: 'STATE_SECRET', dueOn: null, removed: { attachments, texts: removed, revisions } },
    });
  }
}
