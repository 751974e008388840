import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { INFO_TYPE_LABELS, SYSTEM_TYPE_LABELS } from '../classification/rules/classification.labels';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors/domain-error';
import { todayInVietnam } from '../common/dates';
import { DocumentAgency, DocumentForm, DossierDocumentData } from '../documents/document-data';
import { authorityLineOf, type IssuerUnit, lawBasisOn, placeOf, provincePlaceOf, REGIME_WORDING } from '../documents/document-wording';
import { documentFileName, DocumentFormat, DOCUMENT_MIME_TYPES, renderDocument } from '../documents/documents.renderer';
import { findCatalogue } from '../requirements/catalogues/catalogue-registry';
import { type Route, RoutingRulesService } from '../routing/routing-rules.service';
import { HOSTING_LABELS, LIFECYCLE_LABELS } from '../systems/system-enums';
import { SystemsQueryService } from '../systems/systems-query.service';
import { documentUnavailableReason } from './document-availability';
import { documentContents } from './document-contents';
import { documentDate } from './document-dates';
import { DossierAttachment } from './dossier-attachment.entity';
import { ATTACHMENT_KIND_LABELS, PLAN_SECTIONS } from './dossier-plan';
import { ProcedurePath } from './dossier-path';
import { pathOf } from './dossier-procedure';
import { Dossier } from './dossier.entity';
import { DossiersQueryService } from './dossiers-query.service';

const DECREES = { ND85: 'Nghị định số 85/2016/NĐ-CP', ND331: 'Nghị định số 331/2026/NĐ-CP' } as const;
const SECURITY_TERMS = { ND85: 'an toàn thông tin', ND331: 'an ninh mạng' } as const;

/** A body taking part in the forms, with its id when it is an agency of the registry (not a name typed in). */
interface Party {
  id: string | null;
  agency: DocumentAgency;
}
type Parties = Record<'owner' | 'operator' | 'requester' | 'appraiser' | 'approver', Party>;

/** The body that issues each form (its header), whose administrative unit is the place (Decree 30/2020 Annex I, II.4). */
function issuerOf(form: DocumentForm, parties: Parties): Party {
  switch (form) {
    case 'mau-02':
      return parties.requester;
    case 'mau-04':
      return parties.appraiser;
    case 'mau-06':
      return parties.approver;
    case 'mau-07':
      return parties.owner;
    default:
      // Mẫu 01, 03, 05 and the explanatory report: the operating unit.
      return parties.operator;
  }
}

const sameBody = (a: Party, b: Party) => (a.id && b.id ? a.id === b.id : a.agency.name === b.agency.name);

export interface RenderedDocument {
  fileName: string;
  mediaType: string;
  content: Buffer;
}

/** The official forms of a dossier (Mẫu 01–07 and the explanatory report) as PDF or DOCX. */
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
    const path = pathOf(dossier);
    const reason = documentUnavailableReason(form, {
      regime: dossier.regime,
      path,
      status: dossier.status,
      proposedLevel: dossier.proposedLevel,
      appraisal: dossier.appraisal,
      hasDecision: !!dossier.decision,
      hasPlanDecision: !!dossier.planDecision,
    });
    if (reason) throw new DomainError('DOCUMENT_NOT_AVAILABLE', reason);
    const data = await this.data(this.dataSource.manager, dossier, form, path);
    return {
      fileName: documentFileName(form, data, format),
      mediaType: DOCUMENT_MIME_TYPES[format],
      content: await renderDocument(form, data, format),
    };
  }

  private async data(em: EntityManager, d: Dossier, form: DocumentForm, path: ProcedurePath): Promise<DossierDocumentData> {
    const system = await this.systems.byId(d.systemId, em);
    const attachments = await em.getRepository(DossierAttachment).find({ where: { dossierId: d.id }, order: { uploadedAt: 'ASC' } });
    const catalogue = findCatalogue(d.catalogueId)!;
    const owner = await this.agency(em, d.ownerAgencyId);
    const operator = await this.agency(em, d.operatorAgencyId);
    const needsRoute = !d.appraiserName || (!d.specialisedUnitAgencyId && !d.specialisedUnitName);
    const route = needsRoute ? await this.routing.resolve(em, d.ownerAgencyId, d.proposedLevel, d.regime) : undefined;
    const appraiserName = d.appraiserName ?? route?.appraiserName ?? '';
    // A recorded appraiser (an agency, or a council with no agency) wins over the routing rule.
    const appraiserId = d.appraiserName ? d.appraiserAgencyId : (d.appraiserAgencyId ?? route?.appraiserAgencyId ?? null);
    const appraiser = appraiserId ? await this.agency(em, appraiserId) : { name: appraiserName, code: '' };
    const province = (
      await em.query(`SELECT name FROM agencies WHERE province_code = $1 AND kind = 'province_committee' LIMIT 1`, [d.provinceCode])
    )[0]?.name as string | undefined;
    const standard = catalogue.standard;
    // ND331 Art. 20.1.d: for levels 4–5 (and the List) the operator submits to the owner, who sends Mẫu 02 in its name.
    const ministry = path === 'MINISTRY' || path === 'NATIONAL_LIST';
    const approverId = d.approverAgencyId ?? (d.decision ? null : d.ownerAgencyId);
    const approver = d.approverAgencyId
      ? await this.agency(em, d.approverAgencyId)
      : d.decision
        ? { name: d.decision.issuer, code: '' }
        : owner;
    const parties: Parties = {
      owner: { id: d.ownerAgencyId, agency: owner },
      operator: { id: d.operatorAgencyId, agency: operator },
      requester: ministry ? { id: d.ownerAgencyId, agency: owner } : { id: d.operatorAgencyId, agency: operator },
      appraiser: { id: appraiserId, agency: appraiser },
      approver: { id: approverId, agency: approver },
    };
    const issuer = issuerOf(form, parties);
    const unit = issuer.id ? await this.unitOf(em, issuer.id) : null;
    const date = documentDate(form, d, this.clock.today());
    const wording = REGIME_WORDING[d.regime];
    return {
      decree: DECREES[d.regime],
      securityTerm: SECURITY_TERMS[d.regime],
      place: placeOf(unit, provincePlaceOf(province, d.provinceCode)),
      lawBasis: lawBasisOn(date),
      operatorDutiesArticle: wording.operatorDuties,
      technicalRegulation: wording.regulation ?? undefined,
      // "Nơi nhận" copies the owner and the operating unit, never the issuing body to itself.
      ownerCopy: sameBody(parties.owner, issuer) ? undefined : owner,
      operatorCopy: sameBody(parties.operator, issuer) ? undefined : operator,
      requestLetter: d.submittedAt ? { date: todayInVietnam(new Date(d.submittedAt)) } : undefined,
      authorityLine: form === 'mau-06' || form === 'mau-07' ? authorityLineOf({ name: issuer.agency.name, kind: unit?.kind }) : undefined,
      date,
      documentNumber: form === 'mau-06' ? d.decision!.number : undefined,
      owner,
      operator,
      addressee: appraiser,
      procedurePath: path,
      requester: parties.requester.agency,
      specialisedUnit: await this.specialisedUnit(em, d, route),
      opinionRequest: d.opinionRequest ?? undefined,
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
      contents: documentContents(d),
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
        ? {
            unit: d.expertOpinion.unit,
            summary: d.expertOpinion.summary,
            date: d.expertOpinion.date ?? undefined,
            number: d.expertOpinion.number ?? undefined,
            conclusion: d.expertOpinion.conclusion,
          }
        : undefined,
      attachments: attachments.map((a) => ({ kindLabel: ATTACHMENT_KIND_LABELS[a.kind], fileName: a.fileName })),
      appraisal: d.appraisal
        ? { appraiser, conclusion: d.appraisal.conclusion, opinions: d.appraisal.opinions, reasons: d.appraisal.reasons }
        : undefined,
      approvalRequest: d.approvalRequest
        ? { submittedOn: d.approvalRequest.submittedOn, number: d.approvalRequest.number ?? undefined }
        : undefined,
      decision: d.decision
        ? {
            number: d.decision.number,
            date: d.decision.date,
            signerName: d.decision.signerName,
            signerTitle: d.decision.signerTitle,
            level: d.decision.level,
            issuer: approver,
            standard,
          }
        : undefined,
      planDecision: d.planDecision
        ? {
            number: d.planDecision.number,
            date: d.planDecision.date,
            signerName: d.planDecision.signerName,
            signerTitle: d.planDecision.signerTitle,
            level: d.proposedLevel,
            // ND331 Art. 18.3.d: the owner approves the plan; its row gives the body above it for the header.
            issuer: !d.planDecision.issuer || d.planDecision.issuer === owner.name ? owner : { name: d.planDecision.issuer, code: '' },
            standard,
          }
        : undefined,
      nationalListing: d.nationalListing
        ? {
            requestNumber: d.nationalListing.requestNumber ?? undefined,
            requestDate: d.nationalListing.requestDate ?? undefined,
            decisionNumber: d.nationalListing.decisionNumber ?? undefined,
            decisionDate: d.nationalListing.decisionDate ?? undefined,
          }
        : undefined,
    };
  }

  /** The owner's specialised unit, addressee of Mẫu 03: recorded on the dossier when the opinion was asked, else routed. */
  private async specialisedUnit(em: EntityManager, d: Dossier, route: Route | undefined): Promise<DocumentAgency | undefined> {
    const id = d.specialisedUnitAgencyId ?? (d.specialisedUnitName ? null : route?.specialisedUnitAgencyId);
    if (id) return this.agency(em, id);
    const name = d.specialisedUnitName ?? d.opinionRequest?.unitName ?? route?.specialisedUnitName;
    return name ? { name, code: '' } : undefined;
  }

  /** The kind of an agency and of the body above it: where its documents are dated (document-wording.ts `placeOf`). */
  private async unitOf(em: EntityManager, id: string): Promise<IssuerUnit | null> {
    const [row] = await em.query(
      `SELECT a.name, a.kind, p.name AS parent_name, p.kind AS parent_kind
         FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id WHERE a.id = $1`,
      [id],
    );
    if (!row) return null;
    return { name: row.name, kind: row.kind, parent: row.parent_name ? { name: row.parent_name, kind: row.parent_kind } : null };
  }

  private async agency(em: EntityManager, id: string): Promise<DocumentAgency> {
    const [row] = await em.query(
      `SELECT a.name, a.code, p.name AS parent_name, a.address, a.functions_document, a.representative_name, a.representative_title,
              a.phone, a.email
         FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id WHERE a.id = $1`,
      [id],
    );
    return {
      name: row.name,
      code: row.code,
      parentName: row.parent_name ?? undefined,
      address: row.address ?? undefined,
      functionsDocument: row.functions_document ?? undefined,
      representativeName: row.representative_name ?? undefined,
      representativeTitle: row.representative_title ?? undefined,
      phone: row.phone ?? undefined,
      email: row.email ?? undefined,
    };
  }
}
