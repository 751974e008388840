import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser, RequirePermission } from '../auth/auth.decorators';
import { CalendarAdminService } from './calendar-admin.service';
import { CalendarDayPipe } from './calendar-day.pipe';
import { CalendarService } from './calendar.service';
import {
  CalendarConfirmationDto,
  CalendarOverrideDto,
  ConfirmCalendarDayDto,
  CalendarYearDto,
  CalendarYearQuery,
  PutCalendarDayDto,
  WorkingDaysDto,
  WorkingDaysQuery,
} from './dto/calendar.dto';

const dayPipe = new CalendarDayPipe();

@ApiTags('Lịch làm việc')
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(
    private readonly calendars: CalendarService,
    private readonly admin: CalendarAdminService,
  ) {}

  @Get()
  @RequirePermission('calendar:read')
  @ApiOperation({ summary: 'Ngày nghỉ lễ, nghỉ bù, hoán đổi và ngày làm bù của một năm' })
  @ApiOkResponse({ type: CalendarYearDto })
  year(@Query() query: CalendarYearQuery): Promise<CalendarYearDto> {
    return this.calendars.year(query.year);
  }

  @Get('working-days')
  @RequirePermission('calendar:read')
  @ApiOperation({ summary: 'Ngày hết hạn khi cộng một số ngày làm việc (tính từ ngày hôm sau)' })
  @ApiOkResponse({ type: WorkingDaysDto })
  workingDays(@Query() query: WorkingDaysQuery): Promise<WorkingDaysDto> {
    return this.calendars.workingDays(query);
  }

  @Put('days/:day')
  @RequirePermission('calendar:write')
  @ApiOperation({ summary: 'Khai báo hoặc sửa điều chỉnh lịch của một ngày (quản trị viên)' })
  @ApiOkResponse({ type: CalendarOverrideDto })
  put(@CurrentUser() user: AuthUser, @Param('day', dayPipe) day: string, @Body() body: PutCalendarDayDto): Promise<CalendarOverrideDto> {
    return this.admin.put(user, day, body);
  }

  @Put('days/:day/confirmation')
  @RequirePermission('calendar:write')
  @ApiOperation({ summary: 'Xác nhận nguồn (văn bản chính thức) của một ngày nghỉ lễ, làm bù có sẵn (quản trị viên)' })
  @ApiOkResponse({ type: CalendarConfirmationDto })
  confirm(
    @CurrentUser() user: AuthUser,
    @Param('day', dayPipe) day: string,
    @Body() body: ConfirmCalendarDayDto,
  ): Promise<CalendarConfirmationDto> {
    return this.admin.confirm(user, day, body);
  }

  @Delete('days/:day')
  @HttpCode(204)
  @RequirePermission('calendar:write')
  @ApiOperation({ summary: 'Xóa điều chỉnh lịch của một ngày, trở về lịch có sẵn (quản trị viên)' })
  @ApiNoContentResponse()
  remove(@Param('day', dayPipe) day: string): Promise<void> {
    return this.admin.remove(day);
  }
}
