import { Controller, Get, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { IncidentListQuery } from '../incidents/dto/incident.dto';
import { IncidentsService } from '../incidents/incidents.service';
import { InspectionsDueQuery } from '../inspections/dto/inspection.dto';
import { InspectionScheduleService } from '../inspections/inspection-schedule.service';
import { PlanItemListQuery } from '../plan-items/dto/plan-item.dto';
import { PlanItemsService } from '../plan-items/plan-items.service';
import { FlagListQuery } from '../redetermination/dto/redetermination.dto';
import { RedeterminationReviewService } from '../redetermination/redetermination-review.service';
import { PageRenderer } from './page-renderer.service';
import { WebPages } from './web-page.decorator';

/** What is waiting after approval in the user's scope, the most pressing first; each line leads to its own list. */
export interface AfterApprovalTask {
  href: string;
  title: string;
  /** null: a reminder, not a count. */
  count: number | null;
  hint: string;
  urgent: boolean;
}

/** Counts only: one row per list, the totals come from each feature's own scoped list. */
const one = <T extends object>(query: T): T => Object.assign(query, { page: 1, pageSize: 1 });

@WebPages()
@Controller('sau-phe-duyet')
export class AfterApprovalPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly planItems: PlanItemsService,
    private readonly inspections: InspectionScheduleService,
    private readonly incidents: IncidentsService,
    private readonly flags: RedeterminationReviewService,
  ) {}

  @Get()
  @RequirePermission('system:read')
  async hub(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response): Promise<void> {
    const [incidents, overdueInspections, overdueItems, openItems, flags] = await Promise.all([
      this.incidents.list(user, one(Object.assign(new IncidentListQuery(), { status: 'OPEN' }))),
      this.inspections.due(user, one(Object.assign(new InspectionsDueQuery(), { overdue: true }))),
      this.planItems.list(user, one(Object.assign(new PlanItemListQuery(), { overdue: true }))),
      this.planItems.list(user, one(Object.assign(new PlanItemListQuery(), { status: 'NOT_STARTED' }))),
      this.flags.list(user, one(Object.assign(new FlagListQuery(), { status: 'OPEN' }))),
    ]);
    const tasks: AfterApprovalTask[] = [
      {
        href: '/su-co?trangThai=OPEN',
        title: 'Sự cố an ninh mạng đang mở',
        count: incidents.total,
        hint: 'Thông báo ban đầu trong 24 giờ, báo cáo trong 72 giờ (điểm d khoản 2 Điều 31 Nghị định 331/2026/NĐ-CP).',
        urgent: incidents.total > 0,
      },
      {
        href: '/xac-dinh-lai',
        title: 'Hệ thống cần xác định lại cấp độ',
        count: flags.total,
        hint: 'Lập hồ sơ đề xuất cấp độ mới hoặc cán bộ thẩm định xem xét (Điều 25 Nghị định 331/2026/NĐ-CP).',
        urgent: flags.total > 0,
      },
      {
        href: '/kiem-tra?quaHan=1',
        title: 'Kỳ kiểm tra, đánh giá đã quá hạn',
        count: overdueInspections.total,
        hint: 'Kiểm tra, đánh giá định kỳ theo cấp độ của hệ thống.',
        urgent: overdueInspections.total > 0,
      },
      {
        href: '/phuong-an',
        title: 'Hạng mục phương án quá hạn triển khai',
        count: overdueItems.total,
        hint: `${openItems.total} hạng mục chưa triển khai trong phạm vi của bạn; hạng mục quá hạn làm trước.`,
        urgent: overdueItems.total > 0,
      },
      {
        href: '/bao-cao#bao-cao-nam',
        title: 'Báo cáo năm về bảo đảm an toàn hệ thống thông tin theo cấp độ',
        count: null,
        hint: 'Số liệu từ 15/12 năm trước đến 14/12; đơn vị vận hành gửi chủ quản trước 20/12, chủ quản gửi trước 25/12 (Điều 35 Nghị định 331/2026/NĐ-CP).',
        urgent: false,
      },
    ];
    // The next thing to do first: what is late or running on a clock before what is merely listed.
    tasks.sort((a, b) => Number(b.urgent) - Number(a.urgent));
    return this.view.render(req, res, 'after-approval', { tasks });
  }
}
