import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth-user';
import { Clock } from '../common/clock';
import type { DocumentAgency } from '../documents/document-data';
import { lawBasisOn, placeOf, provincePlaceOf } from '../documents/document-wording';
import { asciiSlug } from '../documents/form-template.helpers';
import type { IncidentNoticeData } from '../documents/incident-notice-data';
import { DOCUMENT_MIME_TYPES, DocumentFormat, renderIncidentNotice } from '../documents/documents.renderer';
import { INCIDENT_CLOCK_LABELS, INCIDENT_SEVERITY_LABELS, incidentClocks } from './incident-clocks';
import { vietnamTime } from './incident-reminders.service';
import { IncidentsService } from './incidents.service';

export interface RenderedNotice {
  body: Buffer;
  contentType: string;
  fileName: string;
}

const AGENCY_COLUMNS = `a.name, a.code, p.name AS parent_name, a.address, a.functions_document, a.representative_name,
  a.representative_title, a.phone, a.email, a.kind, p.kind AS parent_kind`;

/**
 * The notice the owner sends the provincial police (ND331 Art. 31.2.d), printed from templates/forms/thong-bao-su-co.json:
 * the initial notice while it is still owed, the report afterwards.
 */
@Injectable()
export class IncidentNoticeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly incidents: IncidentsService,
    private readonly clock: Clock,
  ) {}

  async render(user: AuthUser, systemId: string, incidentId: string, format: DocumentFormat): Promise<RenderedNotice> {
    const incident = await this.incidents.get(user, systemId, incidentId);
    const em = this.dataSource.manager;
    const [system] = await em.query(
      `SELECT s.code, s.name, s.approved_level, s.owner_agency_id, s.operator_agency_id, s.province_code FROM systems s WHERE s.id = $1`,
      [systemId],
    );
    const [owner, operator] = await Promise.all([this.agency(em, system.owner_agency_id), this.agency(em, system.operator_agency_id)]);
    const [police] = await em.query(
      `SELECT a.name, a.code FROM agencies a WHERE a.kind = 'police' AND a.province_code = $1 AND a.status = 'ACTIVE' ORDER BY a.code LIMIT 1`,
      [system.province_code],
    );
    const [committee] = await em.query(`SELECT name FROM agencies WHERE province_code = $1 AND kind = 'province_committee' LIMIT 1`, [
      system.province_code,
    ]);
    const now = this.clock.now();
    const today = this.clock.today();
    const facts = {
      ...incident,
      detectedAt: new Date(incident.detectedAt),
      initialNoticeSentAt: incident.initialNoticeSentAt ? new Date(incident.initialNoticeSentAt) : null,
      reportSentAt: incident.reportSentAt ? new Date(incident.reportSentAt) : null,
      closedAt: incident.closedAt ? new Date(incident.closedAt) : null,
    };
    const clocks = incidentClocks(facts, now);
    const initialOwed = clocks.some((c) => c.clock === 'INITIAL_NOTICE' && !c.sentAt);
    const data: IncidentNoticeData = {
      place: placeOf(owner.unit, provincePlaceOf(committee?.name, system.province_code)),
      lawBasis: lawBasisOn(today),
      date: today,
      documentNumber: '',
      owner: owner.agency,
      operator: operator.agency,
      addressee: police
        ? { name: police.name, code: police.code }
        : { name: 'Cơ quan chuyên trách bảo vệ an ninh mạng, Bộ Công an', code: '' },
      noticeKind: initialOwed ? 'INITIAL' : 'REPORT',
      noticeTitle: initialOwed ? 'Thông báo ban đầu về sự cố' : 'Báo cáo sự cố',
      system: {
        name: system.name,
        code: system.code,
        levelLabel: system.approved_level ? `cấp độ ${system.approved_level}` : 'chưa phê duyệt cấp độ',
      },
      incident: {
        title: incident.title,
        detectedAt: vietnamTime(facts.detectedAt),
        severityLabel: INCIDENT_SEVERITY_LABELS[incident.severity],
        nationalSecurity: incident.nationalSecurity ? 'có' : 'không',
        description: incident.description,
        actions: incident.actions,
        externalAssessment: incident.externalAssessmentRequired
          ? 'Theo điểm c khoản 2 Điều 31 Nghị định số 331/2026/NĐ-CP, hệ thống sẽ được kiểm tra, đánh giá an ninh mạng bởi tổ chức chuyên môn được cơ quan có thẩm quyền cấp phép hoặc chỉ định.'
          : '',
      },
      clocks: clocks.map((c) => ({
        label: INCIDENT_CLOCK_LABELS[c.clock],
        due: c.immediate ? 'Ngay khi phát hiện' : vietnamTime(c.dueAt),
        status: c.sentAt ? `Đã gửi lúc ${vietnamTime(c.sentAt)}` : c.overdue ? 'Quá hạn, chưa gửi' : 'Chưa gửi',
        article: c.article,
      })),
    };
    const body = await renderIncidentNotice(data, format);
    const fileName = `thong-bao-su-co-${asciiSlug(system.code) || 'he-thong'}-${today}.${format}`;
    return { body, contentType: DOCUMENT_MIME_TYPES[format], fileName };
  }

  private async agency(
    em: EntityManager,
    id: string,
  ): Promise<{ agency: DocumentAgency; unit: { name: string; kind: string; parent: { name: string; kind: string } | null } }> {
    const [row] = await em.query(`SELECT ${AGENCY_COLUMNS} FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id WHERE a.id = $1`, [
      id,
    ]);
    return {
      agency: {
        name: row.name,
        code: row.code,
        parentName: row.parent_name ?? undefined,
        address: row.address ?? undefined,
        functionsDocument: row.functions_document ?? undefined,
        representativeName: row.representative_name ?? undefined,
        representativeTitle: row.representative_title ?? undefined,
        phone: row.phone ?? undefined,
        email: row.email ?? undefined,
      },
      unit: { name: row.name, kind: row.kind, parent: row.parent_name ? { name: row.parent_name, kind: row.parent_kind } : null },
    };
  }
}
