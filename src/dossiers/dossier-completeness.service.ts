import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { listRequirements } from '../requirements/catalogues/catalogue-registry';
import { CompletenessDto } from './dto/dossier.dto';
import { AgencyDetails, missingItems, warningItems } from './dossier-completeness';
import { Dossier } from './dossier.entity';
import { DossiersQueryService } from './dossiers-query.service';

@Injectable()
export class DossierCompletenessService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: DossiersQueryService,
  ) {}

  async check(user: AuthUser, id: string): Promise<CompletenessDto> {
    return this.of(this.dataSource.manager, await this.queries.findVisible(user, id));
  }

  /** The same list the submission refuses with, and the warnings it sends along without refusing. */
  async of(em: EntityManager, dossier: Dossier): Promise<CompletenessDto> {
    const [system]: { internal_regulation_number: string | null; internal_regulation_date: string | null }[] = await em.query(
      `SELECT internal_regulation_number, internal_regulation_date FROM systems WHERE id = $1`,
      [dossier.systemId],
    );
    const kinds: { kind: string }[] = await em.query(`SELECT DISTINCT kind FROM dossier_attachments WHERE dossier_id = $1`, [dossier.id]);
    const bodies: AgencyDetails[] = await em.query(
      `SELECT id, name, functions_document AS "functionsDocument", representative_name AS "representativeName",
              representative_title AS "representativeTitle", address, phone, email
         FROM agencies WHERE id = ANY($1)`,
      [[dossier.ownerAgencyId, dossier.operatorAgencyId]],
    );
    const internalRegulation = { number: system.internal_regulation_number, date: system.internal_regulation_date };
    const missing = missingItems({
      regime: dossier.regime,
      proposedLevel: dossier.proposedLevel,
      levelUndetermined: dossier.levelUndetermined,
      levelJustification: dossier.levelJustification,
      description: dossier.description,
      designKind: dossier.designKind,
      owner: bodies.find((b) => b.id === dossier.ownerAgencyId),
      operator: bodies.find((b) => b.id === dossier.operatorAgencyId),
      requirements: [...listRequirements(dossier.proposedLevel, dossier.catalogueId)],
      planEntries: dossier.planEntries,
      planSections: dossier.planSections,
      attachmentKinds: kinds.map((k) => k.kind),
      internalRegulation,
      expertOpinion: dossier.expertOpinion,
    });
    const warnings = warningItems({ internalRegulation });
    return { complete: missing.length === 0, missingCount: missing.length, missing, warnings };
  }
}
