import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { SystemListQuery } from '../dto/system.dto';

export const SHEET_FORMATS = ['xlsx', 'csv'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class SheetFormatQuery {
  @ApiPropertyOptional({ enum: SHEET_FORMATS, default: 'xlsx' }) @IsOptional() @IsIn(SHEET_FORMATS) format?: SheetFormat;
}

/** The list's filters, without paging: an export holds every system the filters show. */
export class SystemExportQuery extends OmitType(SystemListQuery, ['page', 'pageSize'] as const) {
  @ApiPropertyOptional({ enum: SHEET_FORMATS, default: 'xlsx' }) @IsOptional() @IsIn(SHEET_FORMATS) format?: SheetFormat;
}

export class SystemImportQuery {
  @ApiPropertyOptional({ default: false, description: 'Chỉ kiểm tra và báo cáo, không ghi gì' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  dryRun?: boolean;
  @ApiPropertyOptional({
    default: false,
    description:
      'Chỉ quản trị viên: xác nhận ngay các quyết định phê duyệt cấp độ ghi trong tệp (không kèm bản PDF); yêu cầu này được ghi vào nhật ký. Mặc định chúng chỉ là kê khai chờ cán bộ thẩm định xác nhận.',
  })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  confirmPriorApprovals?: boolean;
}

export const IMPORT_ACTIONS = ['CREATE', 'UPDATE', 'UNCHANGED'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

export class ImportRowErrorDto {
  @ApiProperty({ description: 'Số dòng trong bảng tính (như Excel hiển thị)', example: 3 }) row!: number;
  @ApiProperty({ description: 'Tên cột', example: 'Mã cơ quan chủ quản' }) column!: string;
  @ApiProperty({ example: 'không có cơ quan mã SL-SO-XYZ' }) message!: string;
  @ApiPropertyOptional({ description: 'Tên hệ thống ở dòng đó, để dễ tìm' }) name?: string;
}

export class ImportRowDto {
  @ApiProperty({ example: 2 }) row!: number;
  @ApiPropertyOptional({ format: 'uuid', description: 'Hệ thống đã tạo hoặc cập nhật (khi nhập thật, không có khi chạy thử)' })
  id?: string;
  @ApiProperty({ example: 'CONG-TTDT' }) code!: string;
  @ApiProperty({ example: 'SL-SO-XD' }) ownerAgencyCode!: string;
  @ApiProperty({ example: 'Cổng thông tin điện tử Sở Xây dựng' }) name!: string;
  @ApiProperty({ enum: IMPORT_ACTIONS }) action!: ImportAction;
  @ApiPropertyOptional({
    enum: ['CLAIMED', 'CONFIRMED'],
    description: 'Dòng có quyết định phê duyệt trước đây: thành kê khai chờ xác nhận, hoặc được xác nhận (confirmPriorApprovals)',
  })
  priorApproval?: 'CLAIMED' | 'CONFIRMED';
}

export class ImportColumnDto {
  @ApiProperty({ example: 'B', description: 'Tên cột như Excel hiển thị' }) letter!: string;
  @ApiProperty({ example: 'Tên hệ thống thông tin', description: 'Tiêu đề cột trong tệp (hai dòng tiêu đề được ghép lại)' })
  title!: string;
  @ApiProperty({ nullable: true, type: String, example: 'name', description: 'Trường được điền từ cột; null là cột bỏ qua' })
  field!: string | null;
  @ApiProperty({ description: 'Cột số thứ tự (TT, STT): được nhận ra và bỏ qua' }) numbering!: boolean;
  @ApiProperty({ description: 'capdo nhận ra cột (theo tiêu đề hoặc theo cách ghép cột gửi kèm)' }) recognised!: boolean;
}

export class ImportSheetDto {
  @ApiProperty({ type: [Number], example: [4, 5], description: 'Các dòng tiêu đề tìm thấy (hai dòng khi tiêu đề có ô gộp)' })
  headerRows!: number[];
  @ApiProperty({ type: [ImportColumnDto] }) columns!: ImportColumnDto[];
  @ApiProperty({ type: [String], description: 'Trường bắt buộc chưa có cột, chưa có giá trị chung' }) missing!: string[];
  @ApiProperty({ type: [String], example: ['code'], description: 'Trường không có cột nhưng capdo tự tạo (mã hệ thống từ tên)' })
  derived!: string[];
}

/** Optional multipart fields of an import besides the file. */
export class SystemImportBody {
  @ApiPropertyOptional({
    description:
      'JSON: ghép cột và giá trị chung, ví dụ {"columns": {"H": "description", "I": "ignore"}, "defaults": {"lifecycle": "Đang vận hành"}}',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  mapping?: string;
}

export class ImportReportDto {
  @ApiProperty({ type: ImportSheetDto, description: 'Dòng tiêu đề tìm thấy và cột nào điền trường nào' }) sheet!: ImportSheetDto;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ description: 'Số dòng dữ liệu (không kể dòng tiêu đề, dòng trống, dòng ví dụ của mẫu)' }) totalRows!: number;
  @ApiProperty({ description: 'Số hệ thống được (hoặc sẽ được, khi chạy thử) tạo mới' }) created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ type: [ImportRowErrorDto] }) errors!: ImportRowErrorDto[];
  @ApiProperty({ type: [ImportRowDto], description: 'Các dòng hợp lệ và việc sẽ làm với từng dòng' }) rows!: ImportRowDto[];
  @ApiProperty({
    description: 'Số kê khai quyết định phê duyệt trước đây được (hoặc sẽ được) tạo; chưa được tính cho tới khi được xác nhận',
  })
  priorApprovalClaims!: number;
  @ApiProperty({ description: 'Các kê khai được xác nhận ngay khi nhập (confirmPriorApprovals=true của quản trị viên)' })
  priorApprovalsConfirmed!: boolean;
}
