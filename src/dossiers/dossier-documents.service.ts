import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { INFO_TYPE_LABELS, SYSTEM_TYPE_LABELS } from '../classification/rules/classification.labels';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import { DocumentAgency, DocumentForm, DossierDocumentData } from '../documents/document-data';
import { documentFileName, DocumentFormat, DOCUMENT_MIME_TYPES, renderDocument } from '../documents/documents.renderer';
import { findCatalogue } from '../requirements/catalogues/catalogue-registry';
import { RoutingRulesService } from '../routing/routing-rules.service';
import { HOSTING_LABELS, LIFECYCLE_LABELS } from '../systems/system-enums';
import { SystemsQueryService } from '../systems/systems-query.service';
import { DossierAttachment } from './dossier-attachment.entity';
import { ATTACHMENT_KIND_LABELS, PLAN_SECTIONS } from './dossier-plan';
import { Dossier } from './dossier.entity';
import { DossiersQueryService } from './dossiers-query.service';

const DECREES = { ND85: 'Nghị định số 85/2016/NĐ-CP', ND331: 'Nghị định số 331/2026/NĐ-CP' } as const;
const SECURITY_TERMS = { ND85: 'an toàn thông tin', ND331: 'an ninh mạng' } as const;

export interface RenderedDocument {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/** The official forms of a dossier (Mẫu 01/02, the explanatory report, Mẫu 04, Mẫu 06) as PDF or DOCX. */
@Injectable()
export class DossierDocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: DossiersQueryService,
    private readonly routing: RoutingRulesService,
    private readonly systems: SystemsQueryService,
    private readonly clock: Clock,
  ) {}

  async render(user: AuthUser, id: string, file: string): Promise<RenderedDocument> {
    const match = /^([a-z0-9-]+)\.(pdf|docx)$/.exec(file);
    if (!match) throw new DomainError('NOT_FOUND', 'Không có văn bản này; dùng <mẫu>.pdf hoặc <mẫu>.docx.');
    const [, form, format] = match as unknown as [string, DocumentForm, DocumentFormat];
    const dossier = await this.queries.findVisible(user, id);
    // Approved and closed dossiers too: once the system includes state secrets, nothing of it is rendered online.
    await this.queries.assertNotStateSecret(this.dataSource.manager, dossier);
    this.assertAvailable(form, dossier);
    const data = await this.data(this.dataSource.manager, dossier, form);
    return {
      fileName: documentFileName(form, data, format),
      mediaType: DOCUMENT_MIME_TYPES[format],
      content: await renderDocument(form, data, format),
    };
  }

  /** Mẫu 01 is for levels 1–2 and Mẫu 02 for 3–5; Mẫu 04 exists once appraised, Mẫu 06 once approved. */
  private assertAvailable(form: string, d: Dossier): void {
    const refuse = (message: string) => {
      throw new DomainError('DOCUMENT_NOT_AVAILABLE', message);
    };
    if (form === 'mau-01' && d.proposedLevel > 2) refuse('Mẫu 01 dùng cho hồ sơ cấp độ 1, 2; hồ sơ này dùng Mẫu 02.');
    if (form === 'mau-02' && d.proposedLevel <= 2) refuse('Mẫu 02 dùng cho hồ sơ cấp độ 3 trở lên; hồ sơ này dùng Mẫu 01.');
    if (form === 'mau-04' && !d.appraisal) refuse('Hồ sơ chưa có ý kiến thẩm định.');
    if (form === 'mau-06' && !d.decision) refuse('Hồ sơ chưa được phê duyệt.');
  }

  private async data(em: EntityManager, d: Dossier, form: DocumentForm): Promise<DossierDocumentData> {
    const system = await this.systems.byId(d.systemId, em);
    const attachments = await em.getRepository(DossierAttachment).find({ where: { dossierId: d.id }, order: { uploadedAt: 'ASC' } });
    const catalogue = findCatalogue(d.catalogueId)!;
    const owner = await this.agency(em, d.ownerAgencyId);
    const operator = await this.agency(em, d.operatorAgencyId);
    const route = d.appraiserName ? undefined : await this.routing.resolve(em, d.ownerAgencyId, d.proposedLevel, d.regime);
    const appraiserName = d.appraiserName ?? route?.appraiserName ?? '';
    const appraiserId = d.appraiserAgencyId ?? route?.appraiserAgencyId ?? null;
    const appraiser = appraiserId ? await this.agency(em, appraiserId) : { name: appraiserName, code: '' };
    const province = (
      await em.query(`SELECT name FROM agencies WHERE province_code = $1 AND kind = 'province_committee' LIMIT 1`, [d.provinceCode])
    )[0]?.name as string | undefined;
    const date = form === 'mau-06' ? d.decision!.date : form === 'mau-04' ? d.appraisal!.appraisedAt.slice(0, 10) : this.clock.today();
    return {
      decree: DECREES[d.regime],
      securityTerm: SECURITY_TERMS[d.regime],
      place: (province ?? '').replace(/^(UBND|Ủy ban nhân dân) tỉnh /, '') || d.provinceCode,
      date,
      documentNumber: form === 'mau-06' ? d.decision!.number : undefined,
      owner,
      operator,
      addressee: appraiser,
      system: {
        name: system.name,
        code: system.code,
        typeLabel: SYSTEM_TYPE_LABELS[system.systemType],
        infoTypeLabels: system.infoTypes.map((t) => INFO_TYPE_LABELS[t]),
        lifecycleLabel: LIFECYCLE_LABELS[system.lifecycle],
        goLiveDate: system.goLiveDate,
        hostingLabel: system.hosting ? HOSTING_LABELS[system.hosting] : null,
        scope: d.description.scope,
        servedPopulation: d.description.servedPopulation,
        description: d.description.overview,
        architectureDescription: d.description.architecture,
        components: d.description.components ?? [],
      },
      proposedLevel: d.proposedLevel,
      computedLevel: d.computedLevel,
      matchedRules: d.classification.result.matchedRules.map(({ id, article, level, reason }) => ({ id, article, level, reason })),
      levelJustification: d.levelJustification,
      planSections: PLAN_SECTIONS.map((s) => ({ key: s.key, title: s.title, text: d.planSections[s.key] ?? '' })),
      planEntries: catalogue.requirements[d.proposedLevel as 1].map((r) => {
        const entry = d.planEntries[r.code];
        const statusLabel = !entry
          ? 'Chưa trả lời'
          : entry.status === 'IMPLEMENTED'
            ? 'Đã triển khai'
            : entry.status === 'PLANNED'
              ? `Kế hoạch triển khai đến ${(entry.plannedDate ?? '').split('-').reverse().join('/')}`
              : 'Không áp dụng';
        return {
          code: r.code,
          groupName: r.groupName,
          title: r.title,
          tcvnClause: r.tcvnClause,
          statusLabel,
          description: (entry?.status === 'NOT_APPLICABLE' ? entry.reason : entry?.description) ?? '',
        };
      }),
      catalogueTitle: catalogue.title,
      expertOpinion: d.expertOpinion
        ? { unit: d.expertOpinion.unit, summary: d.expertOpinion.summary, date: d.expertOpinion.date ?? undefined }
        : undefined,
      attachments: attachments.map((a) => ({ kindLabel: ATTACHMENT_KIND_LABELS[a.kind], fileName: a.fileName })),
      appraisal: d.appraisal
        ? { appraiser, conclusion: d.appraisal.conclusion, opinions: d.appraisal.opinions, reasons: d.appraisal.reasons }
        : undefined,
      decision: d.decision
        ? {
            number: d.decision.number,
            date: d.decision.date,
            signerName: d.decision.signerName,
            signerTitle: d.decision.signerTitle,
            level: d.decision.level,
            issuer: d.approverAgencyId ? await this.agency(em, d.approverAgencyId) : { name: d.decision.issuer, code: '' },
            standard: catalogue.standard,
          }
        : undefined,
    };
  }

  private async agency(em: EntityManager, id: string): Promise<DocumentAgency> {
    const [row] = await em.query(
      `SELECT a.name, a.code, p.name AS parent_name FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id WHERE a.id = $1`,
      [id],
    );
    return { name: row.name, code: row.code, parentName: row.parent_name ?? undefined };
  }
}
