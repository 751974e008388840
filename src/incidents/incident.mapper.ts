import { INCIDENT_CLOCK_LABELS, INCIDENT_SEVERITY_LABELS, incidentClocks } from './incident-clocks';
import type { Incident } from './incident.entity';
import type { IncidentDto } from './dto/incident.dto';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function mapIncident(incident: Incident, systemName: string, now: Date): IncidentDto {
  return {
    id: incident.id,
    systemId: incident.systemId,
    systemName,
    detectedAt: incident.detectedAt.toISOString(),
    severity: incident.severity,
    severityLabel: INCIDENT_SEVERITY_LABELS[incident.severity],
    nationalSecurity: incident.nationalSecurity,
    title: incident.title,
    description: incident.description,
    actions: incident.actions,
    status: incident.status,
    initialNoticeSentAt: iso(incident.initialNoticeSentAt),
    reportSentAt: iso(incident.reportSentAt),
    externalAssessmentRequired: incident.externalAssessmentRequired,
    closedAt: iso(incident.closedAt),
    version: incident.version,
    clocks: incidentClocks(incident, now).map((c) => ({
      clock: c.clock,
      label: INCIDENT_CLOCK_LABELS[c.clock],
      dueAt: c.dueAt.toISOString(),
      immediate: c.immediate,
      article: c.article,
      sentAt: iso(c.sentAt),
      overdue: c.overdue,
    })),
  };
}
