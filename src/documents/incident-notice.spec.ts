import { renderIncidentNotice } from './documents.renderer';
import { parseFormTemplate } from './form-template.compiler';
import { loadFormTemplate } from './form-template.loader';
import { resolveFormTemplate } from './form-template.resolver';
import { FormTemplateError } from './form-template.types';
import { INCIDENT_NOTICE_FORM, type IncidentNoticeData } from './incident-notice-data';

const NOTICE: IncidentNoticeData = {
  place: 'Sơn La',
  lawBasis: 'Luật An ninh mạng số 116/2025/QH15',
  date: '2026-12-01',
  documentNumber: '',
  owner: { name: 'Sở Xây dựng', code: 'SL-SO-XD', parentName: 'UBND tỉnh Sơn La' },
  operator: { name: 'Trung tâm Công nghệ thông tin', code: 'SL-TT' },
  addressee: { name: 'Công an tỉnh Sơn La', code: 'SL-CA' },
  noticeKind: 'INITIAL',
  noticeTitle: 'Thông báo ban đầu về sự cố',
  system: { name: 'Cổng thông tin Sở Xây dựng', code: 'CONG', levelLabel: 'cấp độ 3' },
  incident: {
    title: 'Mã độc mã hóa dữ liệu',
    detectedAt: '09:30 ngày 01/12/2026',
    severityLabel: 'Sự cố nghiêm trọng',
    nationalSecurity: 'không',
    description: '',
    actions: 'Cô lập máy chủ.',
    externalAssessment: 'Theo điểm c khoản 2 Điều 31 …',
  },
  clocks: [{ label: 'Thông báo ban đầu', due: '09:30 ngày 02/12/2026', status: 'Chưa gửi', article: 'điểm d khoản 2 Điều 31' }],
};

const texts = (blocks: ReturnType<typeof resolveFormTemplate>['blocks']): string => JSON.stringify(blocks).normalize('NFC');

describe('incident notice template (ND331 Art. 31.2.d)', () => {
  it('the shipped template validates against the notice data and fills it, the V/v naming the initial notice', () => {
    const resolved = resolveFormTemplate(loadFormTemplate(INCIDENT_NOTICE_FORM), NOTICE);
    const all = texts(resolved.blocks);
    expect(all).toContain('V/v thông báo ban đầu về sự cố an ninh mạng');
    expect(all).toContain('Công an tỉnh Sơn La');
    expect(all).toContain('(chưa xác định, sẽ báo cáo cập nhật)');
    expect(all).toContain('09:30 ngày 02/12/2026');
  });

  it('checks the notice template against the notice data, not the dossier data', () => {
    const bad = { form: INCIDENT_NOTICE_FORM, name: 'Thử', shortName: 'Thử', blocks: [{ type: 'paragraph', text: '{{proposedLevel}}' }] };
    expect(() => parseFormTemplate(bad, 'templates/forms/thong-bao-su-co.json')).toThrow(FormTemplateError);
    const dossierForm = { form: 'mau-02', name: 'Thử', shortName: 'Thử', blocks: [{ type: 'paragraph', text: '{{incident.title}}' }] };
    expect(() => parseFormTemplate(dossierForm, 'templates/forms/mau-02.json')).toThrow(FormTemplateError);
  });

  it('renders as PDF and DOCX', async () => {
    expect((await renderIncidentNotice(NOTICE, 'pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await renderIncidentNotice(NOTICE, 'docx')).subarray(0, 2).toString()).toBe('PK');
  });
});
