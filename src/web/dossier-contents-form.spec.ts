import { contentFieldErrors, contentFormValues, contentsFromForm, contentTableRows } from './dossier-contents-form';
import { FormReader } from './form-input';

describe('the dossier contents on the page (TT12 Art. 8.3.d; ND331 Art. 22.3.d)', () => {
  it('drops blank rows, keeps which form row each sent row came from, and reads the checkbox', () => {
    const body = {
      'description.equipment.0.name': '',
      'description.equipment.0.location': '',
      'description.equipment.0.purpose': '',
      'description.equipment.1.name': 'Tường lửa',
      'description.equipment.1.location': 'Phòng máy',
      'description.equipment.1.purpose': 'Bảo vệ',
      'description.equipment.1.mainNetworkDevice': 'on',
      'description.networkZones.0.name': 'DMZ',
      'description.networkZones.0.privateAddresses': '10.0.0.0/24',
      'description.networkZones.0.publicAddresses': ' ',
      'description.logicalModel': ' Ba lớp ',
    };
    const { parts, rowOf } = contentsFromForm(new FormReader(body), body);
    expect(parts).toEqual({
      logicalModel: 'Ba lớp',
      equipment: [{ name: 'Tường lửa', location: 'Phòng máy', purpose: 'Bảo vệ', mainNetworkDevice: true }],
      networkZones: [{ name: 'DMZ', privateAddresses: '10.0.0.0/24', publicAddresses: null }],
    });
    expect(rowOf).toEqual({ equipment: [1], networkZones: [0] });
    expect(contentFieldErrors({ 'description.equipment[0].purpose': ['x'], version: ['y'] }, rowOf)).toEqual({
      'description.equipment.1.purpose': ['x'],
      version: ['y'],
    });
  });

  it('shows the stored rows and two blank ones, and the approval date as the officer types it', () => {
    const values = contentFormValues({
      applications: [{ name: 'Cổng', server: 'APP', location: 'TTDL', operatingSystem: 'Linux', purpose: 'x' }],
      designDocument: { approvalNumber: '1/QĐ', approvalDate: '2024-03-15' },
    });
    expect(values['description.applications.0.operatingSystem']).toBe('Linux');
    expect(values['description.designDocument.approvalDate']).toBe('15/03/2024');
    expect(contentTableRows(values)).toEqual({ equipment: 2, applications: 3, networkZones: 2 });
  });

  it('a wrong approval date is the reader’s error on its field', () => {
    const body = { 'description.designDocument.approvalDate': '31/02/2024' };
    const f = new FormReader(body);
    contentsFromForm(f, body);
    expect(Object.keys(f.errors)).toEqual(['description.designDocument.approvalDate']);
  });
});
