import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { roleHas } from '../auth/permissions';
import { CalendarAdminService } from '../calendar/calendar-admin.service';
import { CalendarService } from '../calendar/calendar.service';
import { ConfirmCalendarDayDto, PutCalendarDayDto } from '../calendar/dto/calendar.dto';
import { FailedAdminForm } from './admin-pages';
import { calendarDayFromForm } from './calendar-day-form';
import { FormBody, formFailure, FormReader, validated } from './form-input';
import { PageRenderer } from './page-renderer.service';
import { redirectWithFlash } from './page-session';
import { parseDate } from './view-helpers';
import { WebPages } from './web-page.decorator';

/** The holiday calendar: a year's days off and working days, and the province's adjustments to them. */
@WebPages()
@Controller('quan-tri/lich')
export class AdminCalendarPagesController {
  constructor(
    private readonly view: PageRenderer,
    private readonly calendarDays: CalendarService,
    private readonly calendarAdmin: CalendarAdminService,
  ) {}

  @Get()
  @RequirePermission('calendar:read')
  calendar(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Query('nam') year?: string): Promise<void> {
    return this.renderCalendar(user, req, res, Number(year) || undefined, undefined);
  }

  @Post()
  @RequirePermission('calendar:write')
  async putDay(@CurrentUser() user: AuthUser, @Req() req: Request, @Res() res: Response, @Body() body: FormBody): Promise<void> {
    const { day, plain, reader } = calendarDayFromForm(body);
    try {
      const dto = await validated(PutCalendarDayDto, plain, reader);
      await this.calendarAdmin.put(user, day!, dto);
      return redirectWithFlash(req, res, `/quan-tri/lich?nam=${day!.slice(0, 4)}`, 'Đã lưu điều chỉnh lịch.');
    } catch (error) {
      return this.renderCalendar(user, req, res, day ? Number(day.slice(0, 4)) : undefined, {
        form: 'day',
        failure: formFailure(error),
        values: body,
      });
    }
  }

  /** An administrator confirms a built-in day against its official notice (docs/legal/statutory-clocks.md). */
  @Post(':day/xac-nhan')
  @RequirePermission('calendar:write')
  async confirmDay(
    @CurrentUser() user: AuthUser,
    @Req() req: Request,
    @Res() res: Response,
    @Param('day') day: string,
    @Body() body: FormBody,
  ): Promise<void> {
    const parsed = parseDate(day.split('-').reverse().join('/'));
    if (!parsed.ok || !parsed.value) return redirectWithFlash(req, res, '/quan-tri/lich', 'Ngày không hợp lệ.');
    const reader = new FormReader(body);
    try {
      const dto = await validated(ConfirmCalendarDayDto, { source: reader.text('source') ?? '' }, reader);
      await this.calendarAdmin.confirm(user, parsed.value, dto);
      return redirectWithFlash(req, res, `/quan-tri/lich?nam=${parsed.value.slice(0, 4)}`, 'Đã xác nhận nguồn của ngày này.');
    } catch (error) {
      return this.renderCalendar(user, req, res, Number(parsed.value.slice(0, 4)), {
        form: `confirm-${parsed.value}`,
        failure: formFailure(error),
        values: body,
      });
    }
  }

  @Post(':day/xoa')
  @RequirePermission('calendar:write')
  async removeDay(@Req() req: Request, @Res() res: Response, @Param('day') day: string): Promise<void> {
    const parsed = parseDate(day.split('-').reverse().join('/'));
    if (!parsed.ok || !parsed.value) return redirectWithFlash(req, res, '/quan-tri/lich', 'Ngày không hợp lệ.');
    await this.calendarAdmin.remove(parsed.value);
    return redirectWithFlash(req, res, `/quan-tri/lich?nam=${parsed.value.slice(0, 4)}`, 'Đã xóa điều chỉnh, ngày này trở về lịch có sẵn.');
  }

  private async renderCalendar(
    user: AuthUser,
    req: Request,
    res: Response,
    year: number | undefined,
    failed: FailedAdminForm,
  ): Promise<void> {
    const y = year && year >= 2000 && year <= 2100 ? year : undefined;
    const calendar = await this.calendarDays.year(y);
    return this.view.render(
      req,
      res,
      'admin-calendar',
      { calendar, canWrite: roleHas(user.role, 'calendar:write'), failed },
      failed ? 422 : 200,
    );
  }
}
