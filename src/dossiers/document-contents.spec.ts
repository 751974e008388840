import { FIXTURE_DOSSIER } from '../documents/fixtures';
import { loadFormTemplate } from '../documents/form-template.loader';
import { resolveFormTemplate } from '../documents/form-template.resolver';
import { documentContents } from './document-contents';
import type { DossierDescription } from './dossier.entity';

const description: DossierDescription = {
  overview: 'Cổng thông tin',
  scope: 'Toàn tỉnh',
  servedPopulation: 'Người dân',
  architecture: null,
  components: [],
  logicalModel: 'Ba lớp: giao diện, ứng dụng, dữ liệu',
  physicalModel: 'Hai máy chủ ảo tại Trung tâm dữ liệu tỉnh',
  equipment: [{ name: 'Tường lửa trung tâm', location: 'Trung tâm dữ liệu tỉnh', purpose: 'Bảo vệ vùng biên', mainNetworkDevice: true }],
  applications: [{ name: 'Cổng', server: 'APP-01', location: 'TTDL tỉnh', operatingSystem: 'Ubuntu Server 22.04', purpose: 'Tiếp nhận' }],
  networkZones: [{ name: 'Vùng DMZ', privateAddresses: '10.10.20.0/24', publicAddresses: '113.160.1.10' }],
  designDocument: { title: 'Thiết kế thi công', approvalNumber: '125/QĐ-UBND', approvalDate: '2024-03-15', approvedBy: 'UBND tỉnh Sơn La' },
  preliminaryRisks: 'Lộ lọt dữ liệu cá nhân',
  relatedSystems: 'Trục liên thông văn bản quốc gia',
  threats: 'Tấn công từ chối dịch vụ',
  publicImpact: 'Gián đoạn dịch vụ công',
  continuousOperation: 'Phục vụ 24/7',
};

/** The explanatory report as printed (every block's text, in order). */
function printed(proposedLevel: number): string {
  const contents = documentContents({ description, designKind: 'CONSTRUCTION', proposedLevel });
  const owner = { ...FIXTURE_DOSSIER.owner, representativeName: 'Nguyễn Văn An', representativeTitle: 'Giám đốc', phone: '0212 3852 000' };
  const data = { ...FIXTURE_DOSSIER, proposedLevel, owner, contents };
  return JSON.stringify(resolveFormTemplate(loadFormTemplate('thuyet-minh'), data).blocks);
}

describe('the explanatory report prints the dossier contents in the order of ND331 Art. 22 (TT12 Art. 8)', () => {
  it('Art. 22.3.a–b: the owner and the operating unit with their functions document, representative and contacts', () => {
    const text = printed(3);
    expect(text).toContain('1. Thông tin về chủ quản hệ thống thông tin');
    expect(text).toContain('2. Thông tin về đơn vị vận hành hệ thống thông tin');
    expect(text).toContain('Người đại diện: Nguyễn Văn An; chức vụ: Giám đốc;');
    expect(text).toContain('điện thoại 0212 3852 000');
  });

  it('Art. 22.3.d: logical and physical model, equipment, applications, network zones with private and public addresses', () => {
    const text = printed(3);
    for (const phrase of [
      'Mô hình lô-gic:',
      'Ba lớp: giao diện, ứng dụng, dữ liệu',
      'Tường lửa trung tâm (thiết bị mạng chính)',
      'Ubuntu Server 22.04',
      'Địa chỉ IP nội bộ (IP Private)',
      '10.10.20.0/24',
      '113.160.1.10',
    ])
      expect(text).toContain(phrase);
  });

  it('Art. 21.2: the design document by its kind with its approval', () => {
    const text = printed(3);
    expect(text).toContain('Thiết kế thi công đã được cấp có thẩm quyền phê duyệt');
    expect(text).toContain('số 125/QĐ-UBND, ngày 15/03/2024, cấp phê duyệt: UBND tỉnh Sơn La');
  });

  it('Art. 22.4.c at every level; Art. 22.5 (TT12 Art. 8.5) parts only for levels 4–5', () => {
    expect(printed(3)).toContain('Nhận diện sơ bộ các nguy cơ, rủi ro an ninh mạng chính');
    expect(printed(3)).not.toContain('vận hành 24/7');
    const four = printed(4);
    for (const phrase of ['Trục liên thông văn bản quốc gia', 'Tấn công từ chối dịch vụ', 'Gián đoạn dịch vụ công', 'Phục vụ 24/7'])
      expect(four).toContain(phrase);
  });
});
