import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService, WriteTarget } from '../access/access.service';
import { AuditService } from '../audit/audit.service';
import { AuthUser } from '../auth/auth-user';
import { ClassificationService } from '../classification/classification.service';
import { ClassificationFacts, EvaluationResult, Regime } from '../classification/rules/classification.types';
import { isTransitionalSystem, RegimeAtAct, regimeAtAct } from '../classification/rules/regime';
import { Clock } from '../common/clock';
import { DomainError, versionConflict } from '../common/errors/domain-error';
import { definedOnly } from '../common/objects';
import { catalogueForRegime, listRequirements } from '../requirements/catalogues/catalogue-registry';
import type { InformationSystem } from '../systems/system.entity';
import { SystemsQueryService } from '../systems/systems-query.service';
import { CreateDossierDto, DossierDto, UpdateDossierDto } from './dto/dossier.dto';
import { designKindFor, PlanEntry } from './dossier-plan';
import { isEditable } from './dossier-status';
import { Dossier } from './dossier.entity';
import { saveDossier } from './dossier-writes';
import { DossiersQueryService } from './dossiers-query.service';
import { assertNoStateSecret, factsIncludeStateSecret } from './state-secret-dossier';
import { transitionalFlagContradiction } from './regime-at-act';
import { factsCorrection, proposedLevelFor } from './proposal-rules';
import { checkedReturnItemsDone } from './return-answers';

/** Creating and editing draft dossiers: the classification snapshot, the level floor, the plan answers. */
@Injectable()
export class DossierDraftingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly classification: ClassificationService,
    private readonly systems: SystemsQueryService,
    private readonly queries: DossiersQueryService,
    private readonly clock: Clock,
  ) {}

  create(user: AuthUser, dto: CreateDossierDto): Promise<DossierDto> {
    return this.dataSource.transaction(async (em) => {
      const system = await this.systems.findVisible(user, dto.systemId, em);
      this.assertCanWrite(user, system);
      assertNoStateSecret(
        system.infoTypes.includes('STATE_SECRET'),
        dto.facts,
        dto.facts && factsIncludeStateSecret(dto.facts) ? 'facts.infoTypes' : undefined,
      );
      if (system.lifecycle === 'RETIRED') throw new DomainError('SYSTEM_RETIRED', 'Hệ thống đã dừng vận hành, không lập hồ sơ mới.');
      const asOf = this.clock.today();
      const decided = regimeOfDraft(asOf, system, dto.transitionalProject);
      const regime = decided.regime;
      const facts = dto.facts ?? factsFromSystem(system);
      const result = this.evaluate(facts, regime);
      const proposedLevel = proposedLevelFor(dto.proposedLevel, result, dto.levelJustification);
      const dossier = em.getRepository(Dossier).create({
        systemId: system.id,
        ownerAgencyId: system.ownerAgencyId,
        operatorAgencyId: system.operatorAgencyId,
        provinceCode: system.provinceCode,
        status: 'DRAFT',
        regime,
        rulebookVersion: result.rulebookVersion,
        catalogueId: catalogueForRegime(regime).id,
        transitionalProject: decided.transitional,
        classification: { asOf, facts: facts as unknown as ClassificationFacts, result },
        computedLevel: result.level,
        levelUndetermined: result.undetermined,
        proposedLevel,
        levelJustification: dto.levelJustification ?? '',
        noteToAppraiser: dto.noteToAppraiser ?? '',
        designKind: designKindFor(system.lifecycle),
        description: {
          overview: system.description,
          scope: system.scope,
          servedPopulation: system.servedPopulation,
          architecture: system.architectureDescription,
          components: system.components,
        },
        planSections: {},
        planEntries: {},
        expertOpinion: null,
        createdBy: user.id,
        version: 1,
      });
      const saved = await em.save(dossier);
      const created = await this.queries.toDto(em, saved, user);
      await this.audit.record(em, { action: 'CREATE', entityType: 'dossier', entityId: saved.id, after: summary(saved) });
      return created;
    });
  }

  update(user: AuthUser, id: string, dto: UpdateDossierDto): Promise<DossierDto> {
    return this.dataSource.transaction(async (em) => {
      const current = await this.editable(user, id, dto.version, em);
      // New facts that bring the dossier under the state-secret rule are refused like edits of a dossier already under it.
      if (factsIncludeStateSecret(dto.facts)) assertNoStateSecret(false, dto.facts, 'facts.infoTypes');
      const next: Dossier = { ...current, version: current.version + 1 };
      if (dto.facts || dto.proposedLevel !== undefined || dto.levelJustification !== undefined) {
        const facts = dto.facts ?? current.classification.facts;
        // New facts are a new act of classification: judged under the regime of the day they are given (Law 64/2025 Art. 58.2).
        if (dto.facts)
          Object.assign(next, regimeFields(regimeOfDraft(this.clock.today(), await this.systems.findVisible(user, current.systemId, em))));
        const result = dto.facts ? this.evaluate(facts, next.regime) : current.classification.result;
        next.rulebookVersion = result.rulebookVersion;
        next.levelJustification = dto.levelJustification ?? current.levelJustification;
        // New facts without a proposal: the proposal follows the new computed level (never left below it).
        next.proposedLevel = proposedLevelFor(
          dto.proposedLevel ?? (dto.facts ? undefined : current.proposedLevel),
          result,
          next.levelJustification,
        );
        next.classification = dto.facts
          ? { asOf: this.clock.today(), facts: facts as unknown as ClassificationFacts, result }
          : current.classification;
        next.computedLevel = result.level;
        next.levelUndetermined = result.undetermined;
      }
      if (dto.description) next.description = { ...current.description, ...definedOnly(dto.description) };
      if (dto.planSections) next.planSections = { ...current.planSections, ...definedOnly(dto.planSections) };
      if (dto.planEntries)
        next.planEntries = this.mergePlanEntries(current.planEntries, dto.planEntries, next.proposedLevel, next.catalogueId);
      if (dto.expertOpinion !== undefined) next.expertOpinion = dto.expertOpinion;
      if (dto.noteToAppraiser !== undefined) next.noteToAppraiser = dto.noteToAppraiser;
      if (dto.returnItemsDone) next.returnItemsDone = checkedReturnItemsDone(current.status, current.returnItems, dto.returnItemsDone);
      await this.save(em, next, dto.version);
      await this.audit.record(em, {
        action: 'UPDATE',
        entityType: 'dossier',
        entityId: id,
        before: summary(current),
        after: {
          ...summary(next),
          changed: Object.keys(dto).filter((k) => k !== 'version'),
          // Correcting the facts is how a disagreement with the computed level is settled: what changed is kept.
          ...(dto.facts ? { factsChanged: factsCorrection(current.classification.facts, dto.facts) } : {}),
        },
      });
      return this.queries.get(user, id, em);
    });
  }

  /** A draft the user may edit, locked, at the version the client read. */
  async editable(user: AuthUser, id: string, version: number, em: EntityManager): Promise<Dossier> {
    const dossier = await this.queries.findVisible(user, id, em, true);
    this.assertCanWrite(user, dossier);
    await this.queries.assertNotStateSecret(em, dossier);
    if (dossier.version !== version) throw versionConflict();
    if (!isEditable(dossier.status))
      throw new DomainError('DOSSIER_NOT_EDITABLE', 'Chỉ sửa được hồ sơ đang dự thảo hoặc đang bổ sung theo yêu cầu.');
    return dossier;
  }

  async save(em: EntityManager, next: Dossier, expectedVersion: number): Promise<void> {
    await saveDossier(em, next, expectedVersion);
  }

  private assertCanWrite(user: AuthUser, target: WriteTarget): void {
    if (!this.access.canWriteSystemOf(user, target)) {
      throw new DomainError('FORBIDDEN', 'Chỉ cơ quan chủ quản hoặc đơn vị vận hành được lập, sửa hồ sơ của hệ thống này.');
    }
  }

  private evaluate(facts: unknown, regime: Regime): EvaluationResult {
    const result = this.classification.evaluate({ regime, facts: facts as Record<string, unknown> });
    const { asOf: _asOf, ...evaluation } = result;
    return evaluation as EvaluationResult;
  }

  private mergePlanEntries(
    current: Record<string, PlanEntry>,
    updates: UpdateDossierDto['planEntries'] & object,
    level: number,
    catalogueId: string,
  ): Record<string, PlanEntry> {
    const codes = new Set(listRequirements(level, catalogueId).map((r) => r.code));
    const unknown = updates.map((u, i) => [u.code, i] as const).filter(([code]) => !codes.has(code));
    if (unknown.length) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'Có yêu cầu không thuộc danh mục của cấp độ đề xuất.',
        Object.fromEntries(unknown.map(([code, i]) => [`planEntries[${i}].code`, [`không có yêu cầu ${code} ở cấp độ ${level}`]])),
      );
    }
    const merged = { ...current };
    for (const u of updates)
      merged[u.code] = {
        status: u.status,
        plannedDate: u.plannedDate ?? null,
        reason: u.reason ?? null,
        description: u.description ?? null,
      };
    return merged;
  }
}

/**
 * The regime of a drafting act on `asOf` for this system (Law 64/2025 Art. 58.2; ND331 Arts. 38, 39.1). The Art. 39.1
 * carve-out follows the system's facts; a `transitionalProject` flag that contradicts them is refused.
 */
function regimeOfDraft(asOf: string, system: InformationSystem, flag?: boolean): RegimeAtAct {
  const contradiction = transitionalFlagContradiction(flag, isTransitionalSystem(system));
  if (contradiction)
    throw new DomainError('VALIDATION_FAILED', 'Trường hợp chuyển tiếp không khớp với thông tin hệ thống.', {
      transitionalProject: [contradiction],
    });
  return regimeAtAct(asOf, system);
}

/** The dossier's columns that follow its regime: the rulebook's version is set with the evaluation. */
function regimeFields(decided: RegimeAtAct): Pick<Dossier, 'regime' | 'catalogueId' | 'transitionalProject'> {
  return { regime: decided.regime, catalogueId: catalogueForRegime(decided.regime).id, transitionalProject: decided.transitional };
}

/** The classification facts a system record already answers; the officer completes the rest. */
export function factsFromSystem(system: InformationSystem): Record<string, unknown> {
  const facts: Record<string, unknown> = { systemType: system.systemType, infoTypes: system.infoTypes };
  const personal = system.infoTypes.includes('PRIVATE') || system.infoTypes.includes('PERSONAL');
  if (personal && system.userCount !== null) facts.users = system.userCount;
  if (personal && system.basicPersonalDataSubjects !== null) facts.basicPersonalDataSubjects = system.basicPersonalDataSubjects;
  if (personal && system.sensitivePersonalDataSubjects !== null) facts.sensitivePersonalDataSubjects = system.sensitivePersonalDataSubjects;
  return facts;
}

function summary(d: Dossier): object {
  return {
    systemId: d.systemId,
    status: d.status,
    regime: d.regime,
    computedLevel: d.computedLevel,
    proposedLevel: d.proposedLevel,
    version: d.version,
  };
}
