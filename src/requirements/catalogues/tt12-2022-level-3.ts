import { buildTt12Appendix } from './tt12-2022.builder';

/**
 * Circular 12/2022/TT-BTTTT, Phụ lục III: yêu cầu cơ bản đối với hệ thống thông tin cấp độ 3 (Art. 10.3).
 * Transcribed from Công báo số 705 + 706 (28/8/2022), pp. 55–59; TCVN 11930:2017 clause 7.
 * Art. 9.9 adds, for a level-3 system rented in a data centre or cloud, logical separation from other
 * systems, between zones and of storage; that is a design condition, not an appendix item.
 */
export const TT12_2022_LEVEL_3 = buildTt12Appendix({
  level: 3,
  management: [
    ['1.1.1', 'Chính sách an toàn thông tin', '7.1.1.1'],
    ['1.1.2', 'Xây dựng và công bố', '7.1.1.2'],
    ['1.1.3', 'Rà soát, sửa đổi', '7.1.1.3'],
    ['1.2.1', 'Đơn vị chuyên trách về an toàn thông tin', '7.1.2.1'],
    ['1.2.2', 'Phối hợp với cơ quan/tổ chức có thẩm quyền', '7.1.2.2'],
    ['1.3.1', 'Tuyển dụng', '7.1.3.1'],
    ['1.3.2', 'Trong quá trình làm việc', '7.1.3.2'],
    ['1.3.3', 'Chấm dứt hoặc thay đổi công việc', '7.1.3.3'],
    ['1.4.1', 'Thiết kế an toàn hệ thống thông tin', '7.1.4.1'],
    ['1.4.2', 'Phát triển phần mềm thuê khoán', '7.1.4.2'],
    ['1.4.3', 'Thử nghiệm và nghiệm thu hệ thống', '7.1.4.3'],
    ['1.5.1', 'Quản lý an toàn mạng', '7.1.5.1'],
    ['1.5.2', 'Quản lý an toàn máy chủ và ứng dụng', '7.1.5.2'],
    ['1.5.3', 'Quản lý an toàn dữ liệu', '7.1.5.3'],
    ['1.5.4', 'Quản lý an toàn thiết bị đầu cuối', '7.1.5.4'],
    ['1.5.5', 'Quản lý phòng chống phần mềm độc hại', '7.1.5.5'],
    ['1.5.6', 'Quản lý giám sát an toàn hệ thống thông tin', '7.1.5.6'],
    ['1.5.7', 'Quản lý điểm yếu an toàn thông tin', '7.1.5.7'],
    ['1.5.8', 'Quản lý sự cố an toàn thông tin', '7.1.5.8'],
    ['1.5.9', 'Quản lý an toàn người sử dụng đầu cuối', '7.1.5.9'],
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
  ],
  solutions: [
    [
      'NETWORK',
      'Có phương án quản lý truy cập, quản trị hệ thống từ xa an toàn sử dụng mạng riêng ảo hoặc phương án tương đương; sử dụng sản phẩm Mạng riêng ảo đối với hệ thống thông tin có xử lý thông tin bí mật nhà nước hoặc hệ thống thông tin quy định tại điểm c khoản 2 Điều 9 Nghị định số 85/2016/NĐ-CP',
    ],
    [
      'NETWORK',
      'Có phương án quản lý truy cập giữa các vùng mạng và phòng chống xâm nhập sử dụng sản phẩm Tường lửa có tích hợp chức năng phòng, chống xâm nhập hoặc sản phẩm Phòng, chống xâm nhập lớp mạng',
    ],
    [
      'NETWORK',
      'Có phương án cân bằng tải, dự phòng nóng cho các thiết bị mạng chính, tối thiểu bao gồm thiết bị chuyển mạch trung tâm hoặc tương đương, thiết bị tường lửa trung tâm, tường lửa ứng dụng web, hệ thống lưu trữ tập trung, tường lửa cơ sở dữ liệu (nếu có)',
    ],
    [
      'SERVER',
      'Có phương án bảo đảm an toàn cho máy chủ cơ sở dữ liệu; sử dụng sản phẩm Tường lửa cơ sở dữ liệu đối với hệ thống cơ sở dữ liệu tập trung, đáp ứng tiêu chí quy định tại khoản 3 Điều 9 Nghị định số 85/2016/NĐ-CP',
    ],
    [
      'NETWORK',
      'Có phương án chặn lọc phần mềm độc hại trên môi trường mạng sử dụng Tường lửa tích hợp chức năng phòng, chống mã độc trên môi trường mạng hoặc phương án tương đương',
    ],
    [
      'NETWORK',
      'Có phương án phòng chống tấn công từ chối dịch vụ; sử dụng dịch vụ của doanh nghiệp hoặc sản phẩm Phòng, chống tấn công từ chối dịch vụ đối với các hệ thống Trung tâm dữ liệu, điện toán đám mây, hệ thống Định danh, xác thực điện tử, chứng thực điện tử, chữ ký số và hệ thống Kết nối tích hợp, chia sẻ dữ liệu, đáp ứng tiêu chí quy định tại khoản 3 Điều 9 Nghị định số 85/2016/NĐ-CP',
    ],
    [
      'APPLICATION',
      'Có phương án phòng chống tấn công mạng cho ứng dụng web; sử dụng sản phẩm Tường lửa ứng dụng web đối với các hệ thống thông tin được quy định tại khoản 2, Điều 9 Nghị định số 85/2016/NĐ-CP',
    ],
    [
      'APPLICATION',
      'Có phương án bảo đảm an toàn thông tin cho hệ thống thư điện tử; sử dụng sản phẩm Bảo đảm an toàn thông tin cho hệ thống thư điện tử đối với hệ thống Thư điện tử, đáp ứng tiêu chí quy định tại khoản 2 Điều 9 Nghị định số 85/2016/NĐ-CP',
    ],
    [
      'NETWORK',
      'Có phương án quản lý truy cập lớp mạng; sử dụng sản phẩm Quản lý truy cập lớp mạng đối với hệ thống Mạng nội bộ, Trung tâm giám sát điều hành an toàn thông tin mạng, đáp ứng tiêu chí quy định tại khoản 3 Điều 9 Nghị định số 85/2016/NĐ-CP',
    ],
    ['NETWORK', 'Có phương án giám sát hệ thống thông tin tập trung'],
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
      'Có phương án phòng, chống thất thoát dữ liệu; sử dụng sản phẩm Phòng, chống thất thoát dữ liệu đối với hệ thống thông tin có xử lý thông tin bí mật nhà nước hoặc hệ thống thông tin quy định tại điểm c khoản 2 Điều 9 Nghị định số 85/2016/NĐ-CP',
    ],
    ['NETWORK', 'Có phương án dự phòng kết nối mạng Internet cho các máy chủ dịch vụ'],
    ['NETWORK', 'Có phương án bảo đảm an toàn cho mạng không dây (nếu có)'],
  ],
  configuration: [
    ['1.1.1', 'Kiểm soát truy cập từ bên ngoài mạng', '7.2.1.2'],
    ['1.1.2', 'Kiểm soát truy cập từ bên trong mạng', '7.2.1.3'],
    ['1.1.3', 'Nhật ký hệ thống', '7.2.1.4'],
    ['1.1.4', 'Phòng chống xâm nhập', '7.2.1.5'],
    ['1.1.5', 'Phòng chống phần mềm độc hại trên môi trường mạng', '7.2.1.6'],
    ['1.1.6', 'Bảo vệ thiết bị hệ thống', '7.2.1.7'],
    ['1.2.1', 'Xác thực', '7.2.2.1'],
    ['1.2.2', 'Kiểm soát truy cập', '7.2.2.2'],
    ['1.2.3', 'Nhật ký hệ thống', '7.2.2.3'],
    ['1.2.4', 'Phòng chống xâm nhập', '7.2.2.4'],
    ['1.2.5', 'Phòng chống phần mềm độc hại', '7.2.2.5'],
    ['1.2.6', 'Xử lý máy chủ khi chuyển giao', '7.2.2.6'],
    ['1.3.1', 'Xác thực', '7.2.3.1'],
    ['1.3.2', 'Kiểm soát truy cập', '7.2.3.2'],
    ['1.3.3', 'Nhật ký hệ thống', '7.2.3.3'],
    ['1.3.4', 'Bảo mật thông tin liên lạc', '7.2.3.4'],
    ['1.3.5', 'Chống chối bỏ', '7.2.3.5'],
    ['1.3.6', 'An toàn ứng dụng và mã nguồn', '7.2.3.6'],
    ['1.4.1', 'Nguyên vẹn dữ liệu', '7.2.4.1'],
    ['1.4.2', 'Bảo mật dữ liệu', '7.2.4.2'],
    ['1.4.3', 'Sao lưu dự phòng', '7.2.4.3'],
  ],
});
