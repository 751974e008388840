import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { toNfc } from '../../common/text/vietnamese';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';
import { ActionDto, DecisionDto } from './actions.dto';

const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? toNfc(value.trim()) : value);
const texts = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? toNfc(v.trim()) : v)) : value;

/** The owner's specialised unit's professional opinion on a level 4–5 dossier (ND331 Art. 20.1.d, 21.5). */
export class GiveOpinionDto extends ActionDto {
  @ApiProperty({ enum: ['SUITABLE', 'NOT_SUITABLE'], description: 'Ý kiến: đề xuất cấp độ và phương án phù hợp / chưa phù hợp' })
  @IsIn(['SUITABLE', 'NOT_SUITABLE'])
  conclusion!: 'SUITABLE' | 'NOT_SUITABLE';
  @ApiProperty({ description: 'Nội dung ý kiến chuyên môn' })
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  opinions!: string;
  @ApiPropertyOptional({ type: [String], description: 'Những nội dung chưa phù hợp' })
  @IsOptional()
  @Transform(texts)
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  reasons?: string[];
  @ApiPropertyOptional({ example: '45/CAT-PA05', description: 'Số văn bản cho ý kiến' })
  @IsOptional()
  @Transform(text)
  @IsString()
  @MaxLength(60)
  opinionNumber?: string;
  @ApiPropertyOptional({ example: '2026-11-20', format: 'date' }) @IsOptional() @IsCalendarDate() opinionDate?: string;
}

/** Tờ trình (Mẫu 05): the operating unit asks the owner to approve (ND331 Art. 20.3.b–c). */
export class RequestApprovalDto extends ActionDto {
  @ApiPropertyOptional({ example: '12/TTr-TTDL', description: 'Số Tờ trình' })
  @IsOptional()
  @Transform(text)
  @IsString()
  @MaxLength(60)
  submissionNumber?: string;
}

/** Mẫu 07: the owner's decision approving the security plan of a level-5 (or listed) system (Art. 18.3.d). */
export class PlanDecisionDto extends DecisionDto {}

/** The Prime Minister's decision approving the List (Art. 18.3.đ), recorded by an administrator. */
export class ListingDecisionDto extends DecisionDto {}

/** The owner's request to put a level 3–4 system on the List (Art. 17). */
export class RequestListingDto extends ActionDto {
  @ApiProperty({ example: '88/UBND-NC', description: 'Số văn bản đề nghị' })
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  requestNumber!: string;
  @ApiProperty({ example: '2026-11-20', format: 'date' }) @IsCalendarDate() requestDate!: string;
}
