import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { toNfc } from '../../common/text/vietnamese';
import { IsCalendarDate } from '../../common/validation/is-calendar-date';

/**
 * The explanatory report's contents as structured fields (Circular 12/2022 Art. 8.3–8.5; Decree 331/2026 Art. 22.3–22.5,
 * 21.2). Each table row is complete or refused (422); a list sent replaces the stored one.
 */
const text = ({ value }: { value: unknown }) => (typeof value === 'string' ? toNfc(value.trim()) : value);
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));
const Required = (max: number) => apply([Transform(text), IsString(), IsNotEmpty({ message: 'không được để trống' }), MaxLength(max)]);
const Nullable = (max: number) => apply([IsOptional(), ValidateIf((_, v) => v !== null), Transform(text), IsString(), MaxLength(max)]);

export class EquipmentItemDto {
  @ApiProperty({ example: 'Tường lửa trung tâm Fortigate 600E', description: 'Tên thiết bị/chủng loại' }) @Required(255) name!: string;
  @ApiProperty({ example: 'Phòng máy chủ Sở, tủ rack số 1', description: 'Vị trí triển khai' }) @Required(255) location!: string;
  @ApiProperty({ example: 'Bảo vệ vùng biên, phân tách các vùng mạng', description: 'Mục đích sử dụng' }) @Required(1000) purpose!: string;
  @ApiPropertyOptional({ description: 'Là thiết bị mạng chính (khoản 2 Điều 3 Thông tư 12/2022/TT-BTTTT)' })
  @IsOptional()
  @IsBoolean()
  mainNetworkDevice?: boolean;
}

export class ApplicationItemDto {
  @ApiProperty({ example: 'Cổng dịch vụ công của tỉnh', description: 'Tên ứng dụng/dịch vụ' }) @Required(255) name!: string;
  @ApiProperty({ example: 'APP-01 (máy chủ ảo)', description: 'Máy chủ triển khai' }) @Required(255) server!: string;
  @ApiProperty({ example: 'Trung tâm dữ liệu tỉnh', description: 'Vị trí triển khai' }) @Required(255) location!: string;
  @ApiProperty({ example: 'Ubuntu Server 22.04', description: 'Hệ điều hành máy chủ' }) @Required(255) operatingSystem!: string;
  @ApiProperty({ example: 'Tiếp nhận hồ sơ trực tuyến', description: 'Mục đích sử dụng dịch vụ' }) @Required(1000) purpose!: string;
}

export class NetworkZoneDto {
  @ApiProperty({ example: 'Vùng máy chủ (DMZ)', description: 'Vùng mạng' }) @Required(255) name!: string;
  @ApiProperty({ example: '10.10.20.0/24', description: 'Địa chỉ IP nội bộ (IP Private)' }) @Required(1000) privateAddresses!: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '113.160.1.10', description: 'Địa chỉ IP công khai (IP Public), nếu có' })
  @Nullable(1000)
  publicAddresses?: string | null;
}

export class DesignDocumentRefDto {
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Tên tài liệu thiết kế' }) @Nullable(500) title?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Số văn bản phê duyệt', example: '125/QĐ-UBND' })
  @Nullable(100)
  approvalNumber?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date', description: 'Ngày phê duyệt', example: '2024-03-15' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsCalendarDate()
  approvalDate?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Cấp phê duyệt', example: 'UBND tỉnh Sơn La' })
  @Nullable(255)
  approvedBy?: string | null;
}

const Rows = (type: () => new () => object, description: string) =>
  apply([
    ApiPropertyOptional({ type: [type()], description }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(200),
    ValidateNested({ each: true }),
    Type(type),
  ]);

export class DescriptionDto {
  @ApiPropertyOptional({ type: String, nullable: true }) @Nullable(20000) overview?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @Nullable(5000) scope?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @Nullable(5000) servedPopulation?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @Nullable(20000) architecture?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Mô hình lô-gic' }) @Nullable(20000) logicalModel?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Mô hình vật lý' }) @Nullable(20000) physicalModel?: string | null;
  @Rows(() => EquipmentItemDto, 'Danh mục thiết bị và thiết bị mạng chính') equipment?: EquipmentItemDto[];
  @Rows(() => ApplicationItemDto, 'Danh mục ứng dụng, dịch vụ') applications?: ApplicationItemDto[];
  @Rows(() => NetworkZoneDto, 'Quy hoạch vùng mạng và địa chỉ IP') networkZones?: NetworkZoneDto[];

  @ApiPropertyOptional({ type: DesignDocumentRefDto, nullable: true, description: 'Tài liệu thiết kế và văn bản phê duyệt' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @ValidateNested()
  @Type(() => DesignDocumentRefDto)
  designDocument?: DesignDocumentRefDto | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Nhận diện sơ bộ nguy cơ, rủi ro an ninh mạng chính (điểm c khoản 4 Điều 22 Nghị định 331/2026/NĐ-CP)',
  })
  @Nullable(20000)
  preliminaryRisks?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Cấp độ 4, 5: hệ thống liên quan, có kết nối' })
  @Nullable(20000)
  relatedSystems?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Cấp độ 4, 5: nguy cơ tấn công mạng và mức độ ảnh hưởng' })
  @Nullable(20000)
  threats?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Cấp độ 4, 5: ảnh hưởng tới lợi ích công cộng, trật tự an toàn xã hội, an ninh',
  })
  @Nullable(20000)
  publicImpact?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Cấp độ 4, 5: yêu cầu vận hành 24/7' })
  @Nullable(20000)
  continuousOperation?: string | null;
}
