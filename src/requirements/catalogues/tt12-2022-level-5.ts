import { buildTt12Appendix } from './tt12-2022.builder';

/**
 * Circular 12/2022/TT-BTTTT, Phụ lục V: yêu cầu cơ bản đối với hệ thống thông tin cấp độ 5 (Art. 10.5).
 * Transcribed from Công báo số 705 + 706 (28/8/2022), pp. 65–69; TCVN 11930:2017 clause 9.
 * The Gazette spells row 1.1.3 of II.2 "Nhật kí hệ thống"; written "Nhật ký" here like the other rows.
 * Art. 9.10 (physical separation when rented in a data centre or cloud) applies as for level 4.
 */
export const TT12_2022_LEVEL_5 = buildTt12Appendix({
  level: 5,
  management: [
    ['1.1.1', 'Chính sách an toàn thông tin', '9.1.1.1'],
    ['1.1.2', 'Xây dựng và công bố', '9.1.1.2'],
    ['1.1.3', 'Rà soát, sửa đổi', '9.1.1.3'],
    ['1.2.1', 'Đơn vị chuyên trách về an toàn thông tin', '9.1.2.1'],
    ['1.2.2', 'Phối hợp với cơ quan/tổ chức có thẩm quyền', '9.1.2.2'],
    ['1.3.1', 'Tuyển dụng', '9.1.3.1'],
    ['1.3.2', 'Trong quá trình làm việc', '9.1.3.2'],
    ['1.3.3', 'Chấm dứt hoặc thay đổi công việc', '9.1.3.3'],
    ['1.4.1', 'Thiết kế an toàn hệ thống thông tin', '9.1.4.1'],
    ['1.4.2', 'Phát triển phần mềm thuê khoán', '9.1.4.2'],
    ['1.4.3', 'Thử nghiệm và nghiệm thu hệ thống', '9.1.4.3'],
    ['1.5.1', 'Quản lý an toàn mạng', '9.1.5.1'],
    ['1.5.2', 'Quản lý an toàn máy chủ và ứng dụng', '9.1.5.2'],
    ['1.5.3', 'Quản lý an toàn dữ liệu', '9.1.5.3'],
    ['1.5.4', 'Quản lý an toàn thiết bị đầu cuối', '9.1.5.4'],
    ['1.5.5', 'Quản lý phòng chống phần mềm độc hại', '9.1.5.5'],
    ['1.5.6', 'Quản lý giám sát an toàn hệ thống thông tin', '9.1.5.6'],
    ['1.5.7', 'Quản lý điểm yếu an toàn thông tin', '9.1.5.7'],
    ['1.5.8', 'Quản lý sự cố an toàn thông tin', '9.1.5.8'],
    ['1.5.9', 'Quản lý an toàn người sử dụng đầu cuối', '9.1.5.9'],
    ['1.6', 'Phương án Quản lý rủi ro an toàn thông tin', null],
    ['1.7', 'Phương án Kết thúc vận hành, khai thác, thanh lý, hủy bỏ', null],
  ],
  zones: [
    'Vùng mạng nội bộ',
    'Vùng mạng biên',
    'Vùng DMZ',
    'Vùng máy chủ nội bộ',
    'Vùng mạng không dây (nếu có) tách riêng, độc lập với các vùng mạng khác',
    'Vùng mạng máy chủ cơ sở dữ liệu',
    'Vùng quản trị',
    'Vùng quản trị thiết bị hệ thống',
  ],
  solutions: [
    ['NETWORK', 'Có phương án quản lý truy cập, quản trị hệ thống từ xa an toàn sử dụng sản phẩm Mạng riêng ảo'],
    [
      'NETWORK',
      'Có phương án quản lý truy cập giữa các vùng mạng và phòng chống xâm nhập, sử dụng sản phẩm Phòng, chống xâm nhập lớp mạng',
    ],
    ['NETWORK', 'Có phương án cân bằng tải, dự phòng nóng cho các thiết bị mạng'],
    [
      'SERVER',
      'Có phương án bảo đảm an toàn cho máy chủ cơ sở dữ liệu; sử dụng sản phẩm Tường lửa cơ sở dữ liệu đối với hệ thống thông tin được quy định tại khoản 2 Điều 11 Nghị định số 85/2016/NĐ-CP',
    ],
    [
      'NETWORK',
      'Có phương án chặn lọc phần mềm độc hại trên môi trường mạng sử dụng sản phẩm Tường lửa tích hợp chức năng phòng, chống mã độc trên môi trường mạng hoặc phương án tương đương',
    ],
    [
      'NETWORK',
      'Có phương án phòng chống tấn công từ chối dịch vụ; sử dụng dịch vụ của doanh nghiệp hoặc sản phẩm Phòng, chống tấn công từ chối dịch vụ đối với các hệ thống thông tin được quy định tại khoản 2, khoản 3 Điều 11 Nghị định số 85/2016/NĐ-CP',
    ],
    [
      'APPLICATION',
      'Có phương án phòng chống tấn công mạng cho ứng dụng web; sử dụng sản phẩm Tường lửa ứng dụng web đối với hệ thống thông tin theo quy định tại khoản 2 Điều 11 Nghị định số 85/2016/NĐ-CP',
    ],
    [
      'APPLICATION',
      'Có phương án bảo đảm an toàn thông tin cho hệ thống thư điện tử, sử dụng sản phẩm Bảo đảm an toàn thông tin cho hệ thống thư điện tử',
    ],
    ['NETWORK', 'Có phương án quản lý truy cập lớp mạng, sử dụng sản phẩm Quản lý truy cập lớp mạng'],
    ['NETWORK', 'Có phương án giám sát hệ thống thông tin tập trung sử dụng sản phẩm Giám sát hệ thống thông tin tập trung'],
    [
      'NETWORK',
      'Có phương án giám sát an toàn hệ thống thông tin tập trung sử dụng sản phẩm Quản lý và phân tích sự kiện an toàn thông tin hoặc sản phẩm tương đương',
    ],
    ['DATA', 'Có phương án quản lý sao lưu dự phòng tập trung sử dụng hệ thống lưu trữ tập trung và sản phẩm quản lý lưu trữ tập trung'],
    [
      'SERVER',
      'Có phương án quản lý phần mềm phòng chống mã độc trên máy chủ/máy tính người dùng, sử dụng sản phẩm Phòng, chống mã độc và/hoặc sản phẩm Phát hiện và phản ứng sự cố an toàn thông tin trên thiết bị đầu cuối, có chức năng quản lý tập trung',
    ],
    [
      'DATA',
      'Có phương án phòng, chống thất thoát dữ liệu; sử dụng sản phẩm Phòng, chống thất thoát dữ liệu đối với hệ thống thông tin có xử lý thông tin bí mật nhà nước hoặc hệ thống thông tin quy định tại khoản 2 Điều 11 Nghị định số 85/2016/NĐ-CP',
    ],
    ['NETWORK', 'Có phương án dự phòng kết nối mạng Internet cho các máy chủ dịch vụ'],
    ['NETWORK', 'Có phương án bảo đảm an toàn cho mạng không dây (nếu có)'],
    ['SERVER', 'Có phương án quản lý tài khoản đặc quyền, sử dụng sản phẩm Quản lý tài khoản đặc quyền'],
    ['DATA', 'Có phương án dự phòng hệ thống ở vị trí địa lý khác nhau, cách nhau tối thiểu 30 km'],
    ['NETWORK', 'Có phương án dự phòng cho kết nối mạng giữa các hệ thống chính và dự phòng'],
  ],
  configuration: [
    ['1.1.1', 'Kiểm soát truy cập từ bên ngoài mạng', '9.2.1.2'],
    ['1.1.2', 'Kiểm soát truy cập từ bên trong mạng', '9.2.1.3'],
    ['1.1.3', 'Nhật ký hệ thống', '9.2.1.4'],
    ['1.1.4', 'Phòng chống xâm nhập', '9.2.1.5'],
    ['1.1.5', 'Phòng chống phần mềm độc hại trên môi trường mạng', '9.2.1.6'],
    ['1.1.6', 'Bảo vệ thiết bị hệ thống', '9.2.1.7'],
    ['1.2.1', 'Xác thực', '9.2.2.1'],
    ['1.2.2', 'Kiểm soát truy cập', '9.2.2.2'],
    ['1.2.3', 'Nhật ký hệ thống', '9.2.2.3'],
    ['1.2.4', 'Phòng chống xâm nhập', '9.2.2.4'],
    ['1.2.5', 'Phòng chống phần mềm độc hại', '9.2.2.5'],
    ['1.2.6', 'Xử lý máy chủ khi chuyển giao', '9.2.2.6'],
    ['1.3.1', 'Xác thực', '9.2.3.1'],
    ['1.3.2', 'Kiểm soát truy cập', '9.2.3.2'],
    ['1.3.3', 'Nhật ký hệ thống', '9.2.3.3'],
    ['1.3.4', 'Bảo mật thông tin liên lạc', '9.2.3.4'],
    ['1.3.5', 'Chống chối bỏ', '9.2.3.5'],
    ['1.3.6', 'An toàn ứng dụng và mã nguồn', '9.2.3.6'],
    ['1.4.1', 'Nguyên vẹn dữ liệu', '9.2.4.1'],
    ['1.4.2', 'Bảo mật dữ liệu', '9.2.4.2'],
    ['1.4.3', 'Sao lưu dự phòng', '9.2.4.3'],
  ],
});
