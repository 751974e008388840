import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { toNfc } from '../../common/text/vietnamese';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';
import { ANNUAL_STAGES, type AnnualStage, type SubmissionState } from '../annual-report-deadlines';

const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? toNfc(value.trim()) : value);

export class RecordAnnualSubmissionDto {
  @ApiProperty({
    enum: ANNUAL_STAGES,
    description: 'UNIT_TO_OWNER: đơn vị gửi chủ quản (trước 20/12); OWNER_TO_MINISTRY: chủ quản gửi Bộ (trước 25/12)',
  })
  @IsIn(ANNUAL_STAGES)
  stage!: AnnualStage;
  @ApiProperty({ example: '2026-12-18', description: 'Ngày gửi báo cáo', format: 'date' }) @IsCalendarDate() sentOn!: string;
  @ApiProperty({ example: '125/BC-STTTT', description: 'Số văn bản báo cáo' })
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  documentNumber!: string;
  @ApiPropertyOptional({ example: 'Bộ Công an (Cục A05)', description: 'Nơi nhận' })
  @IsOptional()
  @Transform(text)
  @IsString()
  @MaxLength(255)
  recipient?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(text) @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({ description: 'Quản trị viên: cơ quan gửi báo cáo (cán bộ, lãnh đạo cơ quan: cơ quan của mình)' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}

export class AnnualProgressQuery {
  @ApiPropertyOptional({ example: 'SL', description: 'Quản trị viên: mã tỉnh' })
  @IsOptional()
  @Matches(/^[A-Z]{2,16}$/, { message: 'mã tỉnh gồm 2–16 chữ in hoa' })
  province?: string;
  @ApiPropertyOptional({ example: '2026-12-21', description: 'Tính đến hết ngày này (mặc định: hôm nay)' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;
}

export class AnnualSubmissionDto {
  @ApiProperty() id!: string;
  @ApiProperty() agencyId!: string;
  @ApiProperty() year!: number;
  @ApiProperty({ enum: ANNUAL_STAGES }) stage!: AnnualStage;
  @ApiProperty({ format: 'date' }) sentOn!: string;
  @ApiProperty() documentNumber!: string;
  @ApiProperty({ nullable: true, type: String }) recipient!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

export class AnnualBodyDto {
  @ApiProperty() agencyId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ANNUAL_STAGES }) stage!: AnnualStage;
  @ApiProperty() deadline!: string;
  @ApiProperty({ enum: ['ON_TIME', 'LATE', 'NOT_YET', 'OVERDUE'] }) state!: SubmissionState;
  @ApiProperty() stateLabel!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) sentOn!: string | null;
  @ApiProperty({ nullable: true, type: String }) documentNumber!: string | null;
}

export class AnnualStageProgressDto {
  @ApiProperty({ enum: ANNUAL_STAGES }) stage!: AnnualStage;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'Gửi trước ngày này' }) deadline!: string;
  @ApiProperty() expected!: number;
  @ApiProperty() onTime!: number;
  @ApiProperty() late!: number;
  @ApiProperty() notYet!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty({ type: [AnnualBodyDto] }) bodies!: AnnualBodyDto[];
}

export class AnnualProgressDto {
  @ApiProperty() year!: number;
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty({ description: 'Kỳ số liệu: từ 15/12 năm trước đến 14/12' }) periodFrom!: string;
  @ApiProperty() periodTo!: string;
  @ApiProperty() provinceCode!: string;
  @ApiProperty({ type: [AnnualStageProgressDto] }) stages!: AnnualStageProgressDto[];
}
