import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { toNfc } from '../../../common/text/vietnamese';
import { IsCalendarDate } from '../../../common/validation/is-calendar-date';
import { CLAIM_ORIGINS, CLAIM_STATUSES, ClaimOrigin, ClaimStatus } from '../prior-approval-rules';

const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? toNfc(value.trim()) : value);

/** The fields of a claim, sent as multipart form fields beside the decision's PDF (`file`). */
export class PriorApprovalClaimBody {
  @ApiProperty({ minimum: 1, maximum: 5, description: 'Cấp độ ghi trong quyết định' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5)
  level!: number;
  @ApiProperty({ example: '106/QĐ-CAT-PA05' }) @Transform(text) @IsString() @IsNotEmpty() @MaxLength(60) decisionNumber!: string;
  @ApiProperty({ example: '2024-05-20', description: 'Ngày quyết định; không sau ngày hôm nay', format: 'date' })
  @IsCalendarDate()
  decisionDate!: string;
  @ApiProperty({ example: 'Công an tỉnh Sơn La', description: 'Cơ quan ban hành quyết định' })
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(255)
  issuer!: string;
}

export class ConfirmPriorApprovalDto {
  @ApiProperty({ description: 'Phiên bản kê khai đã đọc; nếu đã có người xử lý trước sẽ trả về 409' }) @IsInt() @Min(1) version!: number;
}

export class RejectPriorApprovalDto {
  @ApiProperty({ description: 'Phiên bản kê khai đã đọc' }) @IsInt() @Min(1) version!: number;
  @ApiProperty({ example: 'Bản quyết định không khớp số, ngày kê khai' })
  @Transform(text)
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class PriorApprovalQueueQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CLAIM_STATUSES, default: 'CLAIMED' }) @IsOptional() @IsIn(CLAIM_STATUSES) status?: ClaimStatus;
}

export class EvidenceDto {
  @ApiProperty() fileName!: string;
  @ApiProperty() mediaType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() sha256!: string;
}

export class ClaimSystemRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() ownerCode!: string;
  @ApiProperty() ownerName!: string;
  @ApiProperty() provinceCode!: string;
}

export class PriorApprovalClaimDto {
  @ApiProperty() id!: string;
  @ApiProperty({ type: ClaimSystemRefDto }) system!: ClaimSystemRefDto;
  @ApiProperty({ minimum: 1, maximum: 5 }) level!: number;
  @ApiProperty() decisionNumber!: string;
  @ApiProperty({ format: 'date' }) decisionDate!: string;
  @ApiProperty() issuer!: string;
  @ApiProperty({ enum: CLAIM_STATUSES }) status!: ClaimStatus;
  @ApiProperty({ example: 'Đã kê khai, chưa xác nhận' }) statusLabel!: string;
  @ApiProperty({ enum: CLAIM_ORIGINS }) origin!: ClaimOrigin;
  @ApiProperty() originLabel!: string;
  @ApiProperty({ type: EvidenceDto, nullable: true, description: 'Bản quyết định (PDF); null: chưa có, chưa thể xác nhận' })
  evidence!: EvidenceDto | null;
  @ApiProperty({ description: 'Xác nhận khi quản trị viên nhập tệp với confirmPriorApprovals=true' }) confirmedOnImport!: boolean;
  @ApiProperty({ nullable: true, type: String }) claimedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Họ tên và chức vụ người kê khai' }) claimedByName!: string | null;
  @ApiProperty({ format: 'date-time' }) claimedAt!: string;
  @ApiProperty({ nullable: true, type: String }) reviewedBy!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Họ tên và chức vụ người xem xét' }) reviewedByName!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) reviewedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) rejectionReason!: string | null;
  @ApiProperty() version!: number;
}

export class PriorApprovalClaimPageDto {
  @ApiProperty({ type: [PriorApprovalClaimDto] }) items!: PriorApprovalClaimDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
