import { buildTt12Appendix } from './tt12-2022.builder';

/**
 * Circular 12/2022/TT-BTTTT, Phụ lục I: yêu cầu cơ bản đối với hệ thống thông tin cấp độ 1 (Art. 10.1).
 * Transcribed from Công báo số 705 + 706 (28/8/2022), pp. 49–51; TCVN 11930:2017 clause 5.
 */
export const TT12_2022_LEVEL_1 = buildTt12Appendix({
  level: 1,
  management: [
    ['1.1.1', 'Chính sách an toàn thông tin', '5.1.1.1'],
    ['1.1.2', 'Xây dựng và công bố', '5.1.1.2'],
    ['1.1.3', 'Rà soát, sửa đổi', '5.1.1.3'],
    ['1.2.1', 'Đơn vị chuyên trách về an toàn thông tin', '5.1.2.1'],
    ['1.2.2', 'Phối hợp với cơ quan/tổ chức có thẩm quyền', '5.1.2.2'],
    ['1.3.1', 'Tuyển dụng', '5.1.3.1'],
    ['1.3.2', 'Trong quá trình làm việc', '5.1.3.2'],
    ['1.3.3', 'Chấm dứt hoặc thay đổi công việc', '5.1.3.3'],
    ['1.4.1', 'Thiết kế an toàn hệ thống thông tin', '5.1.4.1'],
    ['1.4.2', 'Thử nghiệm và nghiệm thu hệ thống', '5.1.4.2'],
    ['1.5.1', 'Quản lý an toàn mạng', '5.1.5.1'],
    ['1.5.2', 'Quản lý an toàn máy chủ và ứng dụng', '5.1.5.2'],
    ['1.5.3', 'Quản lý an toàn dữ liệu', '5.1.5.3'],
    ['1.6', 'Phương án Quản lý rủi ro an toàn thông tin', null],
    ['1.7', 'Phương án Kết thúc vận hành, khai thác, thanh lý, hủy bỏ', null],
  ],
  zones: ['Vùng mạng nội bộ', 'Vùng mạng biên', 'Vùng DMZ'],
  solutions: [
    ['NETWORK', 'Có phương án quản lý truy cập, quản trị hệ thống từ xa an toàn sử dụng mạng riêng ảo hoặc phương án tương đương'],
    [
      'NETWORK',
      'Có phương án quản lý truy cập giữa các vùng mạng và phòng chống xâm nhập, sử dụng sản phẩm Tường lửa có tích hợp chức năng phòng, chống xâm nhập hoặc phương án tương đương',
    ],
    ['SERVER', 'Có phương án phòng chống mã độc cho máy chủ và máy trạm sử dụng sản phẩm Phòng chống mã độc hoặc phương án tương đương'],
  ],
  configuration: [
    ['1.1.1', 'Kiểm soát truy cập từ bên ngoài mạng', '5.2.1.2'],
    ['1.1.2', 'Nhật ký hệ thống', '5.2.1.3'],
    ['1.1.3', 'Phòng chống xâm nhập', '5.2.1.4'],
    ['1.1.4', 'Bảo vệ thiết bị hệ thống', '5.2.1.5'],
    ['1.2.1', 'Xác thực', '5.2.2.1'],
    ['1.2.2', 'Kiểm soát truy cập', '5.2.2.2'],
    ['1.2.3', 'Nhật ký hệ thống', '5.2.2.3'],
    ['1.2.4', 'Phòng chống xâm nhập', '5.2.2.4'],
    ['1.2.5', 'Phòng chống phần mềm độc hại', '5.2.2.5'],
    ['1.3.1', 'Xác thực', '5.2.3.1'],
    ['1.3.2', 'Kiểm soát truy cập', '5.2.3.2'],
    ['1.3.3', 'Nhật ký hệ thống', '5.2.3.3'],
    ['1.4.1', 'Sao lưu dự phòng', '5.2.4.1'],
  ],
});
