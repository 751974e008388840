import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { toNfc } from '../../common/text/vietnamese';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';
import { TIERS } from '../report-tiers';

const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? toNfc(value.trim()) : value);

export class CreateCampaignDto {
  @ApiProperty({ example: '256/UBND-NC' }) @Transform(text) @IsString() @IsNotEmpty() @MaxLength(60) number!: string;
  @ApiProperty({ example: '2026-01-13', format: 'date' }) @IsCalendarDate() issuedOn!: string;
  @ApiProperty({ example: 'UBND tỉnh Sơn La' }) @Transform(text) @IsString() @IsNotEmpty() @MaxLength(255) issuer!: string;
  @ApiProperty({ example: 'V/v triển khai công tác bảo đảm an toàn hệ thống thông tin theo cấp độ' })
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;
  @ApiProperty({ example: '2026-02-15' }) @IsCalendarDate() deadline!: string;
  @ApiProperty({ enum: ['SUBMITTED', 'APPROVED'], description: 'Mục tiêu: đã gửi hồ sơ, hay đã được phê duyệt' })
  @IsIn(['SUBMITTED', 'APPROVED'])
  target!: 'SUBMITTED' | 'APPROVED';
  @ApiPropertyOptional({ type: [String], description: 'Các cơ quan được giao (bỏ trống: theo tiers, hoặc toàn bộ)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  agencyIds?: string[];
  @ApiPropertyOptional({ enum: TIERS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(TIERS, { each: true })
  tiers?: string[];
  @ApiPropertyOptional({ example: 'SL', description: 'Quản trị viên: tỉnh của chiến dịch' })
  @IsOptional()
  @Matches(/^[A-Z]{2,16}$/)
  province?: string;
}

export class CampaignDto {
  @ApiProperty() id!: string;
  @ApiProperty() number!: string;
  @ApiProperty({ format: 'date' }) issuedOn!: string;
  @ApiProperty() issuer!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date' }) deadline!: string;
  @ApiProperty() target!: string;
  @ApiProperty() provinceCode!: string;
  @ApiProperty() addressed!: number;
}

export class ProgressQuery {
  @ApiPropertyOptional({ format: 'date', example: '2026-02-16' }) @IsOptional() @IsCalendarDate() asOf?: string;
}

export class CampaignBodyDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() tierLabel!: string;
  @ApiProperty({ enum: ['ON_TIME', 'LATE', 'NOT_YET'] }) submission!: string;
  @ApiProperty() submissionLabel!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) submittedOn!: string | null;
  @ApiProperty() approved!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) approvedOn!: string | null;
}

export class CampaignCountsDto {
  @ApiProperty({ type: 'integer', description: 'Số cơ quan, đơn vị được giao' }) addressed!: number;
  @ApiProperty({ type: 'integer', description: 'Đã gửi hồ sơ đúng hạn' }) onTime!: number;
  @ApiProperty({ type: 'integer', description: 'Đã gửi hồ sơ sau hạn' }) late!: number;
  @ApiProperty({ type: 'integer', description: 'Chưa gửi hồ sơ' }) notYet!: number;
  @ApiProperty({ type: 'integer', description: 'Đã được phê duyệt' }) approved!: number;
  @ApiProperty({ type: 'integer', description: 'Đạt chỉ tiêu của văn bản' }) metTarget!: number;
  @ApiProperty({ nullable: true, type: Number, description: '% đạt chỉ tiêu trên số được giao' }) targetRate!: number | null;
}

export class CampaignProgressDto {
  @ApiProperty({ type: CampaignDto }) campaign!: CampaignDto;
  @ApiProperty({ format: 'date' }) asOf!: string;
  @ApiProperty() deadlinePassed!: boolean;
  @ApiProperty({ type: CampaignCountsDto }) counts!: CampaignCountsDto;
  @ApiProperty({ type: [CampaignBodyDto] }) bodies!: CampaignBodyDto[];
  @ApiProperty({ type: [CampaignBodyDto] }) notYetSubmitted!: CampaignBodyDto[];
}
