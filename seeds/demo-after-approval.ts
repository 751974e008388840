import { INestApplicationContext } from '@nestjs/common';
import { seedIncidents } from './demo-incidents';
import { seedInspections } from './demo-inspections';
import { seedPlanItems } from './demo-plan-items';

export interface AfterApprovalDemo {
  plans: { full: number; partial: number };
  inspections: { done: number; late: number };
  openIncident: string | null;
}

/**
 * The Sơn La demo after approval, on top of the approvals of demo-activity.ts and through the real services with a
 * fixed clock: some plans fully deployed and some partly, inspections done and some late, one open serious incident.
 */
export async function seedAfterApproval(app: INestApplicationContext): Promise<AfterApprovalDemo> {
  const plans = await seedPlanItems(app);
  const inspections = await seedInspections(app);
  const openIncident = await seedIncidents(app);
  return { plans, inspections, openIncident };
}
