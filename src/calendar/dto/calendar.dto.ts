import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { toNfc } from '../../common/text/vietnamese';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';
import { DaySource, OVERRIDE_KINDS, OverrideKind } from '../working-days';

/** Years an administrator may look at or change. */
export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2100;

const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? toNfc(value.trim()) : value);

export class CalendarYearQuery {
  @ApiPropertyOptional({ example: 2026, description: 'Mặc định: năm hiện tại' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(CALENDAR_MIN_YEAR)
  @Max(CALENDAR_MAX_YEAR)
  year?: number;
}

export class WorkingDaysQuery {
  @ApiProperty({ example: '2026-02-11', description: 'Ngày phát sinh sự kiện (nhận hồ sơ…); thời hạn tính từ ngày hôm sau' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: 5, description: 'Số ngày làm việc' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(366)
  days!: number;
}

export class PutCalendarDayDto {
  @ApiProperty({
    enum: OVERRIDE_KINDS,
    description: 'HOLIDAY: ngày nghỉ; WORKDAY: ngày làm việc (làm bù); NORMAL: hủy ngày nghỉ lễ/làm bù có sẵn',
  })
  @IsIn(OVERRIDE_KINDS)
  kind!: OverrideKind;

  @ApiProperty({ example: 'Ngày Văn hóa Việt Nam', description: 'Tên ngày, hoặc lý do hủy' })
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  name!: string;
}

export class WorkingDaysDto {
  @ApiProperty({ example: '2026-02-11', format: 'date' }) from!: string;
  @ApiProperty({ example: 5 }) days!: number;
  @ApiProperty({ example: '2026-02-25', description: 'Ngày cuối cùng của thời hạn' }) due!: string;
}

export class CalendarDayDto {
  @ApiProperty({ example: '2026-02-17', format: 'date' }) day!: string;
  @ApiProperty({ example: 'Thứ Ba' }) weekday!: string;
  @ApiProperty({ enum: ['HOLIDAY', 'WORKDAY'], description: 'HOLIDAY: ngày thường được nghỉ; WORKDAY: thứ Bảy, Chủ nhật phải làm việc' })
  kind!: 'HOLIDAY' | 'WORKDAY';
  @ApiProperty({ example: 'Tết Nguyên đán (mùng 1 tháng Giêng)' }) name!: string;
  @ApiProperty({ enum: ['BUILT_IN', 'OVERRIDE'] }) source!: DaySource;
  @ApiProperty({ description: 'Có sẵn nhưng chưa có thông báo chính thức, cần kiểm tra' }) provisional!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Văn bản quy định ngày này (lịch có sẵn)' }) sourceDocument!: string | null;
  @ApiProperty({ description: 'Nguồn đã được xác nhận (văn bản có sẵn, quản trị viên xác nhận, hoặc điều chỉnh của quản trị viên)' })
  confirmed!: boolean;
}

export class ConfirmCalendarDayDto {
  @ApiProperty({ example: 'Thông báo 9441/TB-BNV ngày 16/10/2025', description: 'Văn bản chính thức đã đối chiếu' })
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  source!: string;
}

export class CalendarConfirmationDto {
  @ApiProperty({ example: '2026-09-01', format: 'date' }) day!: string;
  @ApiProperty({ example: 'Thứ Ba' }) weekday!: string;
  @ApiProperty({ description: 'Văn bản chính thức đã đối chiếu' }) source!: string;
  @ApiProperty({ nullable: true, type: String }) confirmedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) confirmedAt!: string;
}

export class CalendarOverrideDto {
  @ApiProperty({ example: '2026-11-24', format: 'date' }) day!: string;
  @ApiProperty({ example: 'Thứ Ba' }) weekday!: string;
  @ApiProperty({ enum: OVERRIDE_KINDS }) kind!: OverrideKind;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) updatedBy!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CalendarYearDto {
  @ApiProperty({ example: 2026 }) year!: number;
  @ApiProperty({ description: 'Phần mềm có sẵn lịch nghỉ lễ của năm này' }) hasBuiltInData!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Lưu ý cho quản trị viên về độ tin cậy của lịch năm này' }) notice!:
    string | null;
  @ApiProperty({ type: [CalendarDayDto], description: 'Mọi ngày thường được nghỉ và mọi thứ Bảy, Chủ nhật phải làm việc' })
  days!: CalendarDayDto[];
  @ApiProperty({ type: [CalendarOverrideDto], description: 'Các điều chỉnh của quản trị viên trong năm (kể cả NORMAL)' })
  overrides!: CalendarOverrideDto[];
  @ApiProperty({ type: [CalendarConfirmationDto], description: 'Các ngày có sẵn quản trị viên đã xác nhận nguồn trong năm' })
  confirmations!: CalendarConfirmationDto[];
}
