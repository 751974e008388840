import { buildTt12Appendix } from './tt12-2022.builder';

/**
 * Circular 12/2022/TT-BTTTT, Phụ lục II: yêu cầu cơ bản đối với hệ thống thông tin cấp độ 2 (Art. 10.2).
 * Transcribed from Công báo số 705 + 706 (28/8/2022), pp. 52–54; TCVN 11930:2017 clause 6.
 */
export const TT12_2022_LEVEL_2 = buildTt12Appendix({
  level: 2,
  management: [
    ['1.1.1', 'Chính sách an toàn thông tin', '6.1.1.1'],
    ['1.1.2', 'Xây dựng và công bố', '6.1.1.2'],
    ['1.1.3', 'Rà soát, sửa đổi', '6.1.1.3'],
    ['1.2.1', 'Đơn vị chuyên trách về an toàn thông tin', '6.1.2.1'],
    ['1.2.2', 'Phối hợp với cơ quan/tổ chức có thẩm quyền', '6.1.2.2'],
    ['1.3.1', 'Tuyển dụng', '6.1.3.1'],
    ['1.3.2', 'Trong quá trình làm việc', '6.1.3.2'],
    ['1.3.3', 'Chấm dứt hoặc thay đổi công việc', '6.1.3.3'],
    ['1.4.1', 'Thiết kế an toàn hệ thống thông tin', '6.1.4.1'],
    ['1.4.2', 'Phát triển phần mềm thuê khoán', '6.1.4.2'],
    ['1.4.3', 'Thử nghiệm và nghiệm thu hệ thống', '6.1.4.3'],
    ['1.5.1', 'Quản lý an toàn mạng', '6.1.5.1'],
    ['1.5.2', 'Quản lý an toàn máy chủ và ứng dụng', '6.1.5.2'],
    ['1.5.3', 'Quản lý an toàn dữ liệu', '6.1.5.3'],
    ['1.5.4', 'Quản lý sự cố an toàn thông tin', '6.1.5.4'],
    ['1.5.5', 'Quản lý an toàn người sử dụng đầu cuối', '6.1.5.5'],
    ['1.6', 'Phương án Quản lý rủi ro an toàn thông tin', null],
    ['1.7', 'Phương án Kết thúc vận hành, khai thác, thanh lý, hủy bỏ', null],
  ],
  zones: [
    'Vùng mạng nội bộ',
    'Vùng mạng biên',
    'Vùng DMZ',
    'Vùng máy chủ nội bộ',
    'Vùng mạng không dây (nếu có) tách riêng, độc lập với các vùng mạng khác',
  ],
  solutions: [
    ['NETWORK', 'Có phương án quản lý truy cập, quản trị hệ thống từ xa an toàn sử dụng mạng riêng ảo hoặc phương án tương đương'],
    [
      'NETWORK',
      'Có phương án quản lý truy cập giữa các vùng mạng và phòng chống xâm nhập, sử dụng sản phẩm Tường lửa có tích hợp chức năng phòng, chống xâm nhập hoặc phương án tương đương',
    ],
    ['SERVER', 'Có phương án phòng chống mã độc cho máy chủ và máy trạm sử dụng sản phẩm Phòng chống mã độc hoặc phương án tương đương'],
    [
      'APPLICATION',
      'Có phương án phòng chống tấn công mạng cho ứng dụng web; sử dụng sản phẩm Tường lửa ứng dụng web đối với hệ thống thông tin theo quy định tại khoản 2 Điều 8 Nghị định 85/2016/NĐ-CP',
    ],
    ['APPLICATION', 'Có phương án bảo đảm an toàn thông tin cho hệ thống thư điện tử đối với hệ thống thư điện tử'],
    [
      'NETWORK',
      'Có phương án dự phòng cho các thiết bị mạng chính, bao gồm thiết bị chuyển mạch trung tâm hoặc tương đương, thiết bị tường lửa trung tâm',
    ],
  ],
  configuration: [
    ['1.1.1', 'Kiểm soát truy cập từ bên ngoài mạng', '6.2.1.2'],
    ['1.1.2', 'Kiểm soát truy cập từ bên trong mạng', '6.2.1.3'],
    ['1.1.3', 'Nhật ký hệ thống', '6.2.1.4'],
    ['1.1.4', 'Phòng chống xâm nhập', '6.2.1.5'],
    ['1.1.5', 'Bảo vệ thiết bị hệ thống', '6.2.1.6'],
    ['1.2.1', 'Xác thực', '6.2.2.1'],
    ['1.2.2', 'Kiểm soát truy cập', '6.2.2.2'],
    ['1.2.3', 'Nhật ký hệ thống', '6.2.2.3'],
    ['1.2.4', 'Phòng chống xâm nhập', '6.2.2.4'],
    ['1.2.5', 'Phòng chống phần mềm độc hại', '6.2.2.5'],
    ['1.2.6', 'Xử lý máy chủ khi chuyển giao', '6.2.2.6'],
    ['1.3.1', 'Xác thực', '6.2.3.1'],
    ['1.3.2', 'Kiểm soát truy cập', '6.2.3.2'],
    ['1.3.3', 'Nhật ký hệ thống', '6.2.3.3'],
    ['1.3.4', 'An toàn ứng dụng và mã nguồn', '6.2.3.4'],
    ['1.4.1', 'Bảo mật dữ liệu', '6.2.4.1'],
    ['1.4.2', 'Sao lưu dự phòng', '6.2.4.2'],
  ],
});
