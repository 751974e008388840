import type { Requirement } from './requirement.types';

/**
 * Plain-Vietnamese help for each requirement of Circular 12/2022 (Appendices I–V): what it asks, an example answer,
 * and the evidence usually attached. Written by capdo for officers without IT training; the Circular gives only the
 * titles. Keyed so that the same requirement at different levels shares one text: management and configuration rows
 * by group and title (the title is the Circular's own, the clause number changes with the level), network zones by
 * title, design solutions by their topic (the wording grows with the level, the topic stays).
 */
export interface RequirementGuidance {
  /** One or two sentences, no jargon: what the requirement asks of the body. */
  readonly explanation: string;
  /** A short answer an officer could adapt. */
  readonly example: string;
  /** The documents usually attached or kept as proof. */
  readonly evidence: string;
}

const g = (explanation: string, example: string, evidence: string): RequirementGuidance => ({ explanation, example, evidence });

/** Design solutions (II.1.b) by topic; the first pattern that matches the title names the topic. */
const SOLUTION_TOPICS: readonly (readonly [topic: string, pattern: RegExp])[] = [
  ['REMOTE_ADMIN', /quản trị hệ thống từ xa/],
  ['ZONE_FIREWALL', /truy cập giữa các vùng mạng/],
  ['NETWORK_REDUNDANCY', /cân bằng tải|thiết bị mạng chính/],
  ['DR_LINK', /giữa các hệ thống chính và dự phòng/],
  ['GEO_REDUNDANCY', /vị trí địa lý khác nhau/],
  ['ENDPOINT_MALWARE', /mã độc cho máy chủ|mã độc trên máy chủ/],
  ['NETWORK_MALWARE', /phần mềm độc hại trên môi trường mạng/],
  ['WEB_FIREWALL', /ứng dụng web/],
  ['EMAIL', /thư điện tử/],
  ['DATABASE', /máy chủ cơ sở dữ liệu/],
  ['DDOS', /từ chối dịch vụ/],
  ['NETWORK_ACCESS', /truy cập lớp mạng/],
  ['SECURITY_MONITORING', /giám sát an toàn hệ thống thông tin tập trung/],
  ['SYSTEM_MONITORING', /giám sát hệ thống thông tin tập trung/],
  ['CENTRAL_BACKUP', /sao lưu dự phòng tập trung/],
  ['DATA_LOSS', /thất thoát dữ liệu/],
  ['INTERNET_REDUNDANCY', /kết nối mạng Internet/],
  ['WIRELESS', /mạng không dây/],
  ['PRIVILEGED_ACCOUNTS', /tài khoản đặc quyền/],
];

/** The key a requirement's guidance is filed under; undefined for a design solution of no known topic. */
export function guidanceKey(r: Requirement): string | undefined {
  if (r.part === 'DESIGN_SOLUTIONS') {
    const topic = SOLUTION_TOPICS.find(([, pattern]) => pattern.test(r.title));
    return topic ? `TK.${topic[0]}` : undefined;
  }
  if (r.part === 'DESIGN_ZONES') return `VUNG.${r.title}`;
  return `${r.group}.${r.title}`;
}

export const TT12_2022_GUIDANCE: Readonly<Record<string, RequirementGuidance>> = {
  // I. Yêu cầu quản lý — 1.1 Thiết lập chính sách an toàn thông tin
  'POLICY.Chính sách an toàn thông tin': g(
    'Cơ quan có một văn bản nêu các nguyên tắc bảo vệ hệ thống: ai được dùng, dùng thế nào, ai chịu trách nhiệm.',
    'Đã ban hành Quy chế bảo đảm an toàn thông tin kèm Quyết định số 12/QĐ-UBND ngày 15/3/2025; quy chế áp dụng cho hệ thống này.',
    'Quyết định ban hành và bản quy chế (chính sách) an toàn thông tin.',
  ),
  'POLICY.Xây dựng và công bố': g(
    'Văn bản chính sách được lãnh đạo ký ban hành và phổ biến cho mọi người dùng hệ thống biết.',
    'Quy chế do Chủ tịch UBND xã ký; đã gửi qua hệ thống văn bản điều hành tới toàn bộ cán bộ, công chức ngày 20/3/2025.',
    'Quyết định ban hành; văn bản hoặc thư phổ biến tới cán bộ.',
  ),
  'POLICY.Rà soát, sửa đổi': g(
    'Chính sách được xem lại định kỳ (ví dụ mỗi năm) hoặc khi hệ thống thay đổi, và sửa nếu cần.',
    'Quy chế quy định rà soát hằng năm vào quý IV; lần rà soát gần nhất tháng 11/2025, không cần sửa đổi.',
    'Biên bản hoặc báo cáo rà soát; quyết định sửa đổi (nếu có).',
  ),
  // 1.2 Tổ chức bảo đảm an toàn thông tin
  'ORGANISATION.Đơn vị chuyên trách về an toàn thông tin': g(
    'Có một đơn vị hoặc người được giao rõ nhiệm vụ lo an toàn thông tin cho hệ thống.',
    'Văn phòng HĐND-UBND xã được giao nhiệm vụ chuyên trách; ông Nguyễn Văn A, công chức văn phòng, phụ trách trực tiếp.',
    'Quyết định giao nhiệm vụ hoặc phân công cán bộ phụ trách.',
  ),
  'ORGANISATION.Phối hợp với cơ quan/tổ chức có thẩm quyền': g(
    'Biết liên hệ với ai (Sở, Công an tỉnh, đội ứng cứu sự cố) khi cần hỗ trợ hoặc khi có sự cố, và có đầu mối liên lạc.',
    'Đầu mối liên hệ: Sở Khoa học và Công nghệ, Phòng An ninh mạng Công an tỉnh; số điện thoại, thư điện tử ghi trong quy chế.',
    'Danh sách đầu mối liên hệ; văn bản tham gia mạng lưới ứng cứu sự cố (nếu có).',
  ),
  // 1.3 Bảo đảm nguồn nhân lực
  'HUMAN_RESOURCES.Tuyển dụng': g(
    'Khi tuyển hoặc giao người quản trị hệ thống, kiểm tra năng lực và yêu cầu họ cam kết giữ bí mật.',
    'Người được giao quản trị hệ thống có chứng chỉ tin học và đã ký cam kết bảo mật thông tin khi nhận nhiệm vụ.',
    'Bản cam kết bảo mật; tiêu chuẩn tuyển dụng hoặc quyết định phân công.',
  ),
  'HUMAN_RESOURCES.Trong quá trình làm việc': g(
    'Người dùng và người quản trị được phổ biến, tập huấn về an toàn thông tin trong khi làm việc.',
    'Hằng năm cử cán bộ dự lớp tập huấn an toàn thông tin do tỉnh tổ chức; năm 2025 có 3 người tham dự.',
    'Danh sách tham dự tập huấn, giấy chứng nhận, kế hoạch tuyên truyền.',
  ),
  'HUMAN_RESOURCES.Chấm dứt hoặc thay đổi công việc': g(
    'Khi một người nghỉ việc hoặc chuyển việc, thu hồi tài khoản, mật khẩu và thiết bị của người đó.',
    'Quy chế quy định khóa tài khoản trong ngày người dùng nghỉ việc; bàn giao máy tính, tài liệu có biên bản.',
    'Quy trình thu hồi quyền; biên bản bàn giao khi nghỉ việc.',
  ),
  // 1.4 Quản lý thiết kế, xây dựng hệ thống
  'DESIGN_BUILD.Thiết kế an toàn hệ thống thông tin': g(
    'Khi thiết kế hoặc nâng cấp hệ thống đã tính đến các biện pháp bảo vệ theo cấp độ.',
    'Thiết kế thi công đã được phê duyệt có mục riêng về an toàn thông tin (tường lửa, phân vùng mạng, sao lưu).',
    'Tài liệu thiết kế (phần an toàn thông tin).',
  ),
  'DESIGN_BUILD.Phát triển phần mềm thuê khoán': g(
    'Khi thuê đơn vị ngoài làm phần mềm, hợp đồng nêu yêu cầu an toàn và việc kiểm tra trước khi nhận.',
    'Hợp đồng với nhà cung cấp có điều khoản bảo mật mã nguồn, dữ liệu và yêu cầu khắc phục lỗ hổng; hoặc: không thuê làm phần mềm.',
    'Hợp đồng hoặc điều khoản an toàn thông tin trong hợp đồng.',
  ),
  'DESIGN_BUILD.Thử nghiệm và nghiệm thu hệ thống': g(
    'Trước khi đưa vào dùng, hệ thống được kiểm tra, trong đó có kiểm tra an toàn, và nghiệm thu có biên bản.',
    'Hệ thống được kiểm tra lỗ hổng trước khi nghiệm thu ngày 10/5/2024; các lỗi đã được khắc phục.',
    'Biên bản nghiệm thu; báo cáo kiểm tra an toàn trước khi vận hành.',
  ),
  // 1.5 Quản lý vận hành hệ thống
  'OPERATION.Quản lý an toàn mạng': g(
    'Có quy định ai được thay đổi cấu hình mạng, tường lửa và cách ghi lại các thay đổi đó.',
    'Chỉ cán bộ phụ trách được quản trị thiết bị mạng; mọi thay đổi cấu hình được ghi vào sổ theo dõi.',
    'Quy trình quản lý mạng trong quy chế; sổ theo dõi thay đổi.',
  ),
  'OPERATION.Quản lý an toàn máy chủ và ứng dụng': g(
    'Có quy định cập nhật, vá lỗi, cấp tài khoản và theo dõi máy chủ và phần mềm của hệ thống.',
    'Máy chủ được cập nhật bản vá hằng tháng; tài khoản quản trị chỉ cấp cho 2 người; nhà cung cấp dịch vụ hỗ trợ theo hợp đồng.',
    'Quy trình quản lý máy chủ, ứng dụng; nhật ký cập nhật bản vá.',
  ),
  'OPERATION.Quản lý an toàn dữ liệu': g(
    'Có quy định ai được xem, sửa, sao chép dữ liệu và cách sao lưu, khôi phục dữ liệu.',
    'Dữ liệu được sao lưu hằng ngày lên máy chủ của tỉnh; chỉ cán bộ được phân quyền mới truy cập dữ liệu.',
    'Quy trình sao lưu, phân quyền dữ liệu; biên bản thử khôi phục.',
  ),
  'OPERATION.Quản lý an toàn thiết bị đầu cuối': g(
    'Máy tính, điện thoại dùng để truy cập hệ thống được cài đặt, cập nhật và bảo vệ theo quy định.',
    'Máy tính làm việc được cài phần mềm diệt virus, bật cập nhật tự động, đặt mật khẩu đăng nhập.',
    'Danh sách thiết bị đầu cuối; quy định sử dụng máy tính.',
  ),
  'OPERATION.Quản lý phòng chống phần mềm độc hại': g(
    'Có quy định cài, cập nhật phần mềm diệt virus và xử lý khi phát hiện virus.',
    'Toàn bộ máy chủ, máy trạm dùng phần mềm phòng chống mã độc có quản lý tập trung, cập nhật hằng ngày.',
    'Quy trình phòng chống mã độc; báo cáo từ phần mềm phòng chống mã độc.',
  ),
  'OPERATION.Quản lý giám sát an toàn hệ thống thông tin': g(
    'Có người và công cụ theo dõi hệ thống để sớm phát hiện dấu hiệu bất thường.',
    'Hệ thống được kết nối giám sát với Trung tâm giám sát của tỉnh; cán bộ phụ trách xem cảnh báo hằng ngày.',
    'Văn bản kết nối giám sát; quy trình giám sát; báo cáo giám sát.',
  ),
  'OPERATION.Quản lý điểm yếu an toàn thông tin': g(
    'Định kỳ dò tìm lỗ hổng của hệ thống và khắc phục những lỗ hổng tìm thấy.',
    'Hằng năm thuê đơn vị có chuyên môn rà quét lỗ hổng; lần gần nhất tháng 9/2025, đã khắc phục 4/4 lỗi.',
    'Báo cáo rà quét lỗ hổng; báo cáo khắc phục.',
  ),
  'OPERATION.Quản lý sự cố an toàn thông tin': g(
    'Khi hệ thống bị tấn công hoặc gặp sự cố: ai phát hiện, báo cho ai, xử lý thế nào, trong bao lâu.',
    'Quy chế có quy trình xử lý sự cố; sự cố được báo ngay cho cán bộ phụ trách và báo cáo Công an tỉnh theo quy định.',
    'Quy trình ứng cứu sự cố; danh sách liên hệ khi có sự cố.',
  ),
  'OPERATION.Quản lý an toàn người sử dụng đầu cuối': g(
    'Người dùng hệ thống biết và tuân thủ các quy định khi sử dụng: mật khẩu, không chia sẻ tài khoản, báo khi thấy bất thường.',
    'Người dùng ký cam kết sử dụng; mật khẩu tối thiểu 8 ký tự, đổi 3 tháng một lần.',
    'Quy định đối với người sử dụng; bản cam kết của người dùng.',
  ),
  // 1.6, 1.7
  'RISK_PLAN.Phương án Quản lý rủi ro an toàn thông tin': g(
    'Cơ quan xác định những điều có thể xảy ra với hệ thống (mất dữ liệu, bị tấn công, mất điện…), mức độ ảnh hưởng và cách giảm thiểu.',
    'Đã lập báo cáo đánh giá rủi ro (kèm theo hồ sơ); rà soát rủi ro mỗi năm một lần hoặc khi hệ thống thay đổi.',
    'Báo cáo đánh giá rủi ro; kế hoạch xử lý rủi ro.',
  ),
  'DECOMMISSION_PLAN.Phương án Kết thúc vận hành, khai thác, thanh lý, hủy bỏ': g(
    'Khi thôi dùng hệ thống: dữ liệu được chuyển đi hoặc xóa an toàn, thiết bị thanh lý không để lộ thông tin.',
    'Khi dừng hệ thống, dữ liệu được chuyển sang hệ thống mới; ổ cứng được xóa trắng hoặc hủy, có biên bản.',
    'Quy trình thanh lý, hủy bỏ trong quy chế; mẫu biên bản hủy dữ liệu.',
  ),

  // II.1.a Thiết kế các vùng mạng
  'VUNG.Vùng mạng nội bộ': g(
    'Phần mạng nơi đặt máy tính của cán bộ, tách khỏi Internet và khỏi khu vực máy chủ.',
    'Máy tính của cán bộ nằm trong mạng nội bộ 192.168.10.0/24, ra Internet qua tường lửa.',
    'Sơ đồ mạng (mô hình lô-gic) có đánh dấu các vùng mạng.',
  ),
  'VUNG.Vùng mạng biên': g(
    'Điểm nối giữa mạng của cơ quan và Internet (hoặc mạng của tỉnh), nơi đặt tường lửa, thiết bị định tuyến.',
    'Vùng biên gồm đường truyền Internet và tường lửa tại phòng máy của UBND.',
    'Sơ đồ mạng; danh mục thiết bị mạng.',
  ),
  'VUNG.Vùng DMZ': g(
    'Khu vực riêng cho các máy chủ mà người ngoài truy cập được (trang web, cổng dịch vụ), tách khỏi mạng nội bộ.',
    'Trang thông tin điện tử đặt trong vùng DMZ của Trung tâm dữ liệu tỉnh; hoặc: hệ thống không có máy chủ công khai.',
    'Sơ đồ mạng; quy hoạch địa chỉ IP.',
  ),
  'VUNG.Vùng máy chủ nội bộ': g(
    'Khu vực riêng cho các máy chủ chỉ dùng trong nội bộ, tách khỏi máy tính của người dùng.',
    'Máy chủ ứng dụng nội bộ đặt ở phân vùng riêng tại Trung tâm dữ liệu tỉnh.',
    'Sơ đồ mạng; quy hoạch địa chỉ IP.',
  ),
  'VUNG.Vùng mạng không dây (nếu có) tách riêng, độc lập với các vùng mạng khác': g(
    'Nếu có Wi-Fi thì mạng Wi-Fi tách riêng, không vào thẳng được mạng nội bộ hay máy chủ.',
    'Wi-Fi cho khách dùng đường truyền riêng, không kết nối với mạng nội bộ; hoặc: không dùng mạng không dây.',
    'Sơ đồ mạng thể hiện vùng không dây.',
  ),
  'VUNG.Vùng mạng máy chủ cơ sở dữ liệu': g(
    'Máy chủ lưu cơ sở dữ liệu đặt ở vùng riêng, chỉ máy chủ ứng dụng được kết nối tới.',
    'Máy chủ cơ sở dữ liệu đặt ở phân vùng riêng, chỉ mở kết nối từ máy chủ ứng dụng.',
    'Sơ đồ mạng; quy tắc tường lửa giữa các vùng.',
  ),
  'VUNG.Vùng quản trị': g(
    'Vùng riêng cho máy tính của người quản trị hệ thống, tách khỏi người dùng thường.',
    'Máy quản trị đặt ở vùng quản trị riêng; chỉ từ vùng này mới truy cập được giao diện quản trị.',
    'Sơ đồ mạng có vùng quản trị.',
  ),
  'VUNG.Vùng quản trị thiết bị hệ thống': g(
    'Đường mạng riêng chỉ để quản trị thiết bị mạng, máy chủ, không dùng chung với dữ liệu nghiệp vụ.',
    'Các thiết bị mạng, máy chủ có cổng quản trị nối vào mạng quản trị riêng.',
    'Sơ đồ mạng có vùng quản trị thiết bị.',
  ),

  // II.1.b Phương án thiết kế
  'TK.REMOTE_ADMIN': g(
    'Khi quản trị hệ thống từ xa (không ngồi tại phòng máy) phải đi qua kênh kết nối được mã hóa, như mạng riêng ảo (VPN).',
    'Quản trị từ xa chỉ qua VPN của Trung tâm dữ liệu tỉnh, mỗi người quản trị một tài khoản riêng.',
    'Sơ đồ mạng có VPN; cấu hình VPN hoặc văn bản của đơn vị cung cấp dịch vụ.',
  ),
  'TK.ZONE_FIREWALL': g(
    'Có tường lửa kiểm soát đường đi giữa các vùng mạng và chặn các truy cập trái phép.',
    'Tường lửa có chức năng phòng chống xâm nhập đặt tại vùng biên, chỉ mở các cổng cần thiết giữa các vùng.',
    'Sơ đồ mạng; danh mục thiết bị (tường lửa); bảng quy tắc tường lửa.',
  ),
  'TK.NETWORK_REDUNDANCY': g(
    'Thiết bị mạng quan trọng (thiết bị chuyển mạch trung tâm, tường lửa) có thiết bị dự phòng để khi một thiết bị hỏng hệ thống vẫn chạy.',
    'Tường lửa và thiết bị chuyển mạch trung tâm chạy theo cặp dự phòng tại Trung tâm dữ liệu tỉnh.',
    'Sơ đồ mạng thể hiện thiết bị dự phòng; danh mục thiết bị.',
  ),
  'TK.DR_LINK': g(
    'Đường kết nối giữa hệ thống chính và hệ thống dự phòng cũng phải có đường dự phòng.',
    'Hai đường truyền của hai nhà mạng khác nhau nối trung tâm chính với trung tâm dự phòng.',
    'Sơ đồ kết nối; hợp đồng đường truyền.',
  ),
  'TK.GEO_REDUNDANCY': g(
    'Có hệ thống dự phòng đặt ở nơi khác, cách nơi đặt hệ thống chính ít nhất 30 km, để dùng khi nơi chính gặp thảm họa.',
    'Hệ thống dự phòng đặt tại trung tâm dữ liệu cách trụ sở chính 45 km, đồng bộ dữ liệu hằng ngày.',
    'Tài liệu thiết kế hệ thống dự phòng; hợp đồng thuê trung tâm dự phòng.',
  ),
  'TK.ENDPOINT_MALWARE': g(
    'Máy chủ và máy tính người dùng được cài phần mềm phòng chống virus, mã độc và được cập nhật.',
    'Toàn bộ máy chủ, máy trạm cài phần mềm phòng chống mã độc bản quyền, quản lý tập trung.',
    'Danh sách máy đã cài; giấy phép sử dụng phần mềm.',
  ),
  'TK.NETWORK_MALWARE': g(
    'Có thiết bị chặn virus, mã độc ngay trên đường mạng, trước khi chúng đến máy tính.',
    'Tường lửa tại vùng biên có bật chức năng lọc mã độc.',
    'Danh mục thiết bị; cấu hình hoặc giấy phép chức năng lọc mã độc.',
  ),
  'TK.WEB_FIREWALL': g(
    'Nếu hệ thống có trang web hoặc ứng dụng web thì có biện pháp chặn tấn công vào trang web, thường là tường lửa ứng dụng web (WAF).',
    'Cổng dịch vụ được bảo vệ bằng tường lửa ứng dụng web của Trung tâm dữ liệu tỉnh; hoặc: hệ thống không có ứng dụng web.',
    'Sơ đồ mạng; văn bản hoặc hợp đồng dịch vụ tường lửa ứng dụng web.',
  ),
  'TK.EMAIL': g(
    'Nếu hệ thống là hệ thống thư điện tử thì có biện pháp lọc thư rác, thư lừa đảo, thư có mã độc.',
    'Không áp dụng: hệ thống không phải hệ thống thư điện tử. (Hoặc: dùng giải pháp lọc thư của tỉnh.)',
    'Tài liệu giải pháp lọc thư (nếu là hệ thống thư điện tử).',
  ),
  'TK.DATABASE': g(
    'Máy chủ cơ sở dữ liệu được bảo vệ riêng; với cơ sở dữ liệu dùng chung, tập trung thì dùng tường lửa cơ sở dữ liệu.',
    'Máy chủ cơ sở dữ liệu chỉ nhận kết nối từ máy chủ ứng dụng; tài khoản quản trị cơ sở dữ liệu tách riêng.',
    'Sơ đồ mạng; cấu hình phân quyền cơ sở dữ liệu.',
  ),
  'TK.DDOS': g(
    'Có biện pháp chống tấn công làm nghẽn hệ thống (gửi quá nhiều truy cập cùng lúc), thường qua dịch vụ của nhà mạng.',
    'Sử dụng dịch vụ chống tấn công từ chối dịch vụ của nhà cung cấp đường truyền cho Trung tâm dữ liệu tỉnh.',
    'Hợp đồng hoặc văn bản xác nhận dịch vụ chống tấn công từ chối dịch vụ.',
  ),
  'TK.NETWORK_ACCESS': g(
    'Chỉ thiết bị được phép mới kết nối được vào mạng; máy lạ cắm vào sẽ bị chặn.',
    'Các cổng mạng chỉ cho phép thiết bị đã đăng ký; máy lạ không kết nối được.',
    'Tài liệu giải pháp kiểm soát truy cập mạng; danh sách thiết bị được phép.',
  ),
  'TK.SECURITY_MONITORING': g(
    'Các cảnh báo an toàn của toàn hệ thống được gom về một nơi để phân tích và phát hiện tấn công.',
    'Nhật ký của tường lửa, máy chủ được gửi về hệ thống giám sát an toàn thông tin tập trung của tỉnh.',
    'Văn bản kết nối giám sát; báo cáo giám sát.',
  ),
  'TK.SYSTEM_MONITORING': g(
    'Có công cụ theo dõi tập trung tình trạng hoạt động của máy chủ, thiết bị (còn chạy không, có quá tải không).',
    'Trung tâm dữ liệu tỉnh theo dõi tập trung tình trạng máy chủ, đường truyền và báo khi có sự cố.',
    'Tài liệu giải pháp giám sát; ảnh chụp màn hình giám sát.',
  ),
  'TK.CENTRAL_BACKUP': g(
    'Dữ liệu được sao lưu về một hệ thống lưu trữ chung, có phần mềm quản lý việc sao lưu.',
    'Dữ liệu được sao lưu tự động hằng ngày về hệ thống lưu trữ tập trung của Trung tâm dữ liệu tỉnh.',
    'Tài liệu giải pháp sao lưu; nhật ký sao lưu.',
  ),
  'TK.DATA_LOSS': g(
    'Có biện pháp ngăn dữ liệu quan trọng bị đưa ra ngoài trái phép (qua thư, USB, tải lên mạng).',
    'Chặn sao chép ra USB trên máy tính xử lý dữ liệu quan trọng; giám sát thư gửi ra ngoài.',
    'Tài liệu giải pháp chống thất thoát dữ liệu.',
  ),
  'TK.INTERNET_REDUNDANCY': g(
    'Máy chủ cung cấp dịch vụ có ít nhất hai đường Internet, để khi một đường hỏng dịch vụ vẫn chạy.',
    'Trung tâm dữ liệu tỉnh dùng đường truyền của hai nhà mạng khác nhau.',
    'Hợp đồng đường truyền; sơ đồ kết nối.',
  ),
  'TK.WIRELESS': g(
    'Nếu có Wi-Fi thì Wi-Fi có mật khẩu mạnh, mã hóa và tách khỏi mạng nội bộ.',
    'Không áp dụng: không dùng mạng không dây. (Hoặc: Wi-Fi dùng chuẩn WPA2, mật khẩu đổi 6 tháng một lần.)',
    'Sơ đồ mạng; cấu hình thiết bị phát Wi-Fi.',
  ),
  'TK.PRIVILEGED_ACCOUNTS': g(
    'Tài khoản có quyền cao nhất (quản trị) được quản lý chặt: cấp cho ít người, ghi lại mọi thao tác.',
    'Tài khoản quản trị được quản lý bằng phần mềm quản lý tài khoản đặc quyền, mọi phiên quản trị được ghi lại.',
    'Danh sách tài khoản quản trị; tài liệu giải pháp quản lý tài khoản đặc quyền.',
  ),

  // II.2 Thiết lập, cấu hình — 1.1 Bảo đảm an toàn mạng
  'NETWORK.Kiểm soát truy cập từ bên ngoài mạng': g(
    'Tường lửa chỉ cho người ngoài vào đúng những dịch vụ cần thiết, còn lại chặn hết.',
    'Từ Internet chỉ mở cổng 443 (HTTPS) tới máy chủ cổng dịch vụ; các cổng khác bị chặn.',
    'Bảng quy tắc tường lửa (ảnh chụp hoặc bản xuất cấu hình).',
  ),
  'NETWORK.Kiểm soát truy cập từ bên trong mạng': g(
    'Máy tính trong cơ quan chỉ được truy cập những nơi cần cho công việc; truy cập ra ngoài được kiểm soát.',
    'Máy trạm chỉ truy cập được máy chủ ứng dụng qua cổng dịch vụ; chặn truy cập trực tiếp vào máy chủ cơ sở dữ liệu.',
    'Bảng quy tắc tường lửa nội bộ.',
  ),
  'NETWORK.Nhật ký hệ thống': g(
    'Thiết bị mạng (tường lửa, thiết bị định tuyến) ghi lại ai truy cập, lúc nào, và nhật ký được lưu giữ.',
    'Tường lửa ghi nhật ký truy cập, lưu tối thiểu 3 tháng tại máy chủ nhật ký.',
    'Cấu hình ghi nhật ký; ảnh chụp một trang nhật ký mẫu.',
  ),
  'NETWORK.Phòng chống xâm nhập': g(
    'Thiết bị mạng phát hiện và chặn các hành vi tấn công qua đường mạng.',
    'Bật chức năng phòng chống xâm nhập trên tường lửa biên, cập nhật mẫu nhận diện tấn công tự động.',
    'Cấu hình chức năng phòng chống xâm nhập; giấy phép cập nhật.',
  ),
  'NETWORK.Phòng chống phần mềm độc hại trên môi trường mạng': g(
    'Lưu lượng mạng đi qua được quét để chặn virus, mã độc.',
    'Tường lửa biên bật chức năng quét mã độc cho lưu lượng web và thư.',
    'Cấu hình chức năng quét mã độc trên thiết bị mạng.',
  ),
  'NETWORK.Bảo vệ thiết bị hệ thống': g(
    'Thiết bị mạng được đặt mật khẩu mạnh, đổi mật khẩu mặc định, chỉ người phụ trách mới quản trị được.',
    'Đã đổi mật khẩu mặc định của thiết bị; chỉ quản trị được từ vùng quản trị; thiết bị đặt trong tủ rack có khóa.',
    'Danh sách thiết bị và người quản trị; cấu hình tài khoản quản trị.',
  ),
  // 1.2 Bảo đảm an toàn máy chủ
  'SERVER.Xác thực': g(
    'Đăng nhập máy chủ phải có tài khoản riêng và mật khẩu đủ mạnh; tài khoản không dùng thì khóa.',
    'Mỗi người quản trị một tài khoản riêng; mật khẩu tối thiểu 12 ký tự; khóa tài khoản sau 5 lần nhập sai.',
    'Chính sách mật khẩu trên máy chủ (ảnh chụp cấu hình).',
  ),
  'SERVER.Kiểm soát truy cập': g(
    'Mỗi tài khoản trên máy chủ chỉ có quyền vừa đủ cho công việc; chỉ mở các dịch vụ cần thiết.',
    'Chỉ 2 tài khoản có quyền quản trị; người dùng ứng dụng không đăng nhập được vào máy chủ.',
    'Danh sách tài khoản và quyền trên máy chủ.',
  ),
  'SERVER.Nhật ký hệ thống': g(
    'Máy chủ ghi lại các lần đăng nhập, thao tác quản trị và lỗi; nhật ký được lưu giữ, không sửa được.',
    'Máy chủ ghi nhật ký đăng nhập và thao tác quản trị, gửi về máy chủ nhật ký, lưu 6 tháng.',
    'Cấu hình ghi nhật ký của máy chủ; ảnh chụp nhật ký mẫu.',
  ),
  'SERVER.Phòng chống xâm nhập': g(
    'Máy chủ được vá lỗi, tắt dịch vụ thừa và có biện pháp phát hiện truy cập trái phép.',
    'Máy chủ cập nhật bản vá hằng tháng, đã tắt các dịch vụ không dùng, bật tường lửa của hệ điều hành.',
    'Nhật ký cập nhật bản vá; danh sách dịch vụ đang chạy.',
  ),
  'SERVER.Phòng chống phần mềm độc hại': g(
    'Máy chủ có phần mềm phòng chống virus, mã độc được cập nhật thường xuyên.',
    'Máy chủ cài phần mềm phòng chống mã độc bản quyền, cập nhật mẫu nhận diện hằng ngày, quét định kỳ hằng tuần.',
    'Ảnh chụp phần mềm đã cài và ngày cập nhật gần nhất.',
  ),
  'SERVER.Xử lý máy chủ khi chuyển giao': g(
    'Khi đưa máy chủ đi sửa, chuyển cho đơn vị khác hoặc thanh lý thì xóa sạch dữ liệu trước.',
    'Trước khi bàn giao hoặc thanh lý, ổ cứng máy chủ được xóa an toàn và lập biên bản.',
    'Quy trình xử lý khi chuyển giao; biên bản xóa dữ liệu.',
  ),
  // 1.3 Bảo đảm an toàn ứng dụng
  'APPLICATION.Xác thực': g(
    'Người dùng đăng nhập phần mềm bằng tài khoản riêng và mật khẩu đủ mạnh; đăng nhập sai nhiều lần thì bị khóa tạm thời.',
    'Phần mềm yêu cầu mật khẩu tối thiểu 8 ký tự, có chữ và số; khóa 15 phút sau 5 lần sai; có thể đăng nhập qua tài khoản định danh điện tử.',
    'Ảnh chụp cấu hình chính sách mật khẩu của phần mềm; tài liệu hướng dẫn sử dụng.',
  ),
  'APPLICATION.Kiểm soát truy cập': g(
    'Mỗi người dùng chỉ thấy và làm được những việc thuộc phần việc của mình trong phần mềm.',
    'Phần mềm phân quyền theo vai trò: cán bộ tiếp nhận, lãnh đạo duyệt, quản trị; cán bộ xã chỉ thấy hồ sơ của xã.',
    'Bảng phân quyền người dùng trong phần mềm.',
  ),
  'APPLICATION.Nhật ký hệ thống': g(
    'Phần mềm ghi lại ai đã đăng nhập, xem, sửa, xóa gì và lúc nào.',
    'Phần mềm ghi nhật ký đăng nhập và mọi thao tác thêm, sửa, xóa hồ sơ; quản trị xem được nhật ký.',
    'Ảnh chụp màn hình nhật ký của phần mềm.',
  ),
  'APPLICATION.Bảo mật thông tin liên lạc': g(
    'Thông tin truyền giữa người dùng và phần mềm được mã hóa để người khác không đọc trộm được.',
    'Phần mềm chỉ truy cập qua HTTPS với chứng thư số hợp lệ.',
    'Ảnh chụp chứng thư số của trang web; cấu hình HTTPS.',
  ),
  'APPLICATION.Chống chối bỏ': g(
    'Các thao tác quan trọng có bằng chứng ai đã làm (ví dụ ký số, nhật ký không sửa được), để người làm không chối được.',
    'Văn bản, quyết định trong phần mềm được ký số; nhật ký thao tác không sửa, xóa được.',
    'Tài liệu chức năng ký số; cấu hình nhật ký.',
  ),
  'APPLICATION.An toàn ứng dụng và mã nguồn': g(
    'Phần mềm được kiểm tra lỗ hổng trước khi dùng và khi nâng cấp; mã nguồn được quản lý an toàn.',
    'Phần mềm được kiểm tra lỗ hổng trước khi đưa vào sử dụng (tháng 4/2024) và sau mỗi lần nâng cấp lớn.',
    'Báo cáo kiểm tra lỗ hổng ứng dụng; biên bản khắc phục.',
  ),
  // 1.4 Bảo đảm an toàn dữ liệu
  'DATA.Nguyên vẹn dữ liệu': g(
    'Có biện pháp phát hiện dữ liệu bị sửa đổi trái phép hoặc bị hỏng.',
    'Cơ sở dữ liệu ghi lại lịch sử thay đổi; tệp sao lưu có mã kiểm tra để phát hiện hư hỏng.',
    'Tài liệu mô tả biện pháp kiểm tra toàn vẹn dữ liệu.',
  ),
  'DATA.Bảo mật dữ liệu': g(
    'Dữ liệu quan trọng (như thông tin cá nhân, mật khẩu) được mã hóa khi lưu trữ và khi truyền đi.',
    'Mật khẩu người dùng được lưu dạng mã hóa một chiều; dữ liệu cá nhân được mã hóa khi truyền qua mạng.',
    'Tài liệu thiết kế phần bảo mật dữ liệu.',
  ),
  'DATA.Sao lưu dự phòng': g(
    'Dữ liệu được sao lưu định kỳ sang nơi khác và thử khôi phục để chắc chắn dùng được khi cần.',
    'Sao lưu toàn bộ dữ liệu hằng ngày, giữ 30 bản gần nhất; thử khôi phục mỗi quý một lần.',
    'Lịch sao lưu; nhật ký sao lưu; biên bản thử khôi phục.',
  ),
};

/** The guidance of one requirement, or undefined if none is written (the catalogue spec forbids that). */
export function guidanceFor(r: Requirement): RequirementGuidance | undefined {
  const key = guidanceKey(r);
  return key === undefined ? undefined : TT12_2022_GUIDANCE[key];
}
