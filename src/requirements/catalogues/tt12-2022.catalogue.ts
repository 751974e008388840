import { SECURITY_LEVELS, type RequirementCatalogue } from './requirement.types';
import { TT12_2022_LEVEL_1 } from './tt12-2022-level-1';
import { TT12_2022_LEVEL_2 } from './tt12-2022-level-2';
import { TT12_2022_LEVEL_3 } from './tt12-2022-level-3';
import { TT12_2022_LEVEL_4 } from './tt12-2022-level-4';
import { TT12_2022_LEVEL_5 } from './tt12-2022-level-5';

/**
 * Baseline requirements of Circular 12/2022/TT-BTTTT (Arts. 9–10, Appendices I–V) with their
 * TCVN 11930:2017 mapping. Physical security is outside the baseline (Art. 9.2).
 */
export const TT12_2022_CATALOGUE: RequirementCatalogue = Object.freeze<RequirementCatalogue>({
  id: 'TT12-2022',
  version: '1.0.0',
  title: 'Yêu cầu cơ bản bảo đảm an toàn hệ thống thông tin theo cấp độ',
  standard: 'TCVN 11930:2017',
  legalBasis:
    'Thông tư số 12/2022/TT-BTTTT ngày 12/8/2022 của Bộ trưởng Bộ Thông tin và Truyền thông, Điều 9, Điều 10 và Phụ lục I–V; ' +
    'Nghị định số 85/2016/NĐ-CP ngày 01/7/2016 của Chính phủ',
  source: 'Công báo số 705 + 706 ngày 28/8/2022, tr. 49–69',
  effectiveFrom: '2022-10-01',
  levels: SECURITY_LEVELS,
  requirements: Object.freeze({
    1: TT12_2022_LEVEL_1,
    2: TT12_2022_LEVEL_2,
    3: TT12_2022_LEVEL_3,
    4: TT12_2022_LEVEL_4,
    5: TT12_2022_LEVEL_5,
  }),
});
