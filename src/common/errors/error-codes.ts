/**
 * Every stable error code the API returns, with its HTTP status and Vietnamese title.
 * The one place where a code is mapped to a status.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 422, title: 'Dữ liệu không hợp lệ' },
  MALFORMED_JSON: { status: 400, title: 'Nội dung JSON không đúng cú pháp' },
  BAD_REQUEST: { status: 400, title: 'Yêu cầu không hợp lệ' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'Nội dung gửi lên quá lớn' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Kiểu nội dung không được hỗ trợ' },
  UNAUTHENTICATED: { status: 401, title: 'Chưa đăng nhập hoặc phiên đăng nhập đã hết hạn' },
  INVALID_CREDENTIALS: { status: 401, title: 'Tên đăng nhập hoặc mật khẩu không đúng' },
  LOGIN_THROTTLED: { status: 429, title: 'Đăng nhập sai quá nhiều lần, vui lòng thử lại sau' },
  TOO_MANY_REQUESTS: { status: 429, title: 'Quá nhiều yêu cầu' },
  FORBIDDEN: { status: 403, title: 'Không có quyền thực hiện thao tác này' },
  NOT_FOUND: { status: 404, title: 'Không tìm thấy' },
  ROUTE_NOT_FOUND: { status: 404, title: 'Không có địa chỉ này' },
  METHOD_NOT_ALLOWED: { status: 405, title: 'Phương thức không được hỗ trợ' },
  VERSION_CONFLICT: { status: 409, title: 'Dữ liệu đã được người khác thay đổi, vui lòng tải lại' },
  DUPLICATE: { status: 409, title: 'Dữ liệu đã tồn tại' },
  AGENCY_PARENT_INVALID: { status: 422, title: 'Cơ quan cấp trên không hợp lệ' },
  CLASSIFICATION_FACTS_INVALID: { status: 422, title: 'Thông tin xác định cấp độ không hợp lệ' },
  LEVEL_BELOW_COMPUTED_UNJUSTIFIED: { status: 422, title: 'Cấp độ đề xuất thấp hơn cấp độ xác định theo tiêu chí mà chưa có giải trình' },
  STATE_SECRET_MINIMAL_METADATA: { status: 422, title: 'Hệ thống bí mật nhà nước chỉ lưu thông tin tối thiểu' },
  SYSTEM_AGENCY_INVALID: { status: 422, title: 'Cơ quan chủ quản hoặc đơn vị vận hành không hợp lệ' },
  SYSTEM_RETIRED: { status: 409, title: 'Hệ thống đã dừng vận hành' },
  IMPORT_FILE_INVALID: { status: 422, title: 'Tệp nhập không hợp lệ' },
  IMPORT_ROWS_INVALID: { status: 422, title: 'Một số dòng của tệp nhập không hợp lệ' },
  REORGANISATION_INVALID: { status: 422, title: 'Sắp xếp, sáp nhập không hợp lệ' },
  STATE_SECRET_OFFLINE_DOSSIER: { status: 422, title: 'Hồ sơ hệ thống bí mật nhà nước không lập trên hệ thống nối mạng' },
  DOSSIER_NOT_EDITABLE: { status: 409, title: 'Hồ sơ không ở trạng thái được sửa' },
  DOSSIER_INCOMPLETE: { status: 422, title: 'Hồ sơ chưa đầy đủ' },
  ATTACHMENT_TYPE_NOT_ALLOWED: { status: 415, title: 'Loại tệp không được chấp nhận' },
  REQUIREMENT_CATALOGUE_NOT_AVAILABLE: { status: 422, title: 'Danh mục yêu cầu không có sẵn' },
  SERVICE_UNAVAILABLE: { status: 503, title: 'Dịch vụ tạm thời không sẵn sàng' },
  INTERNAL_ERROR: { status: 500, title: 'Lỗi hệ thống' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
