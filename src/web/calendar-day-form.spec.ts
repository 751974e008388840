import { calendarDayFromForm } from './calendar-day-form';

describe('calendar day form', () => {
  it('reads the day typed dd/mm/yyyy with its kind and name', () => {
    const { day, plain, reader } = calendarDayFromForm({ day: '02/03/2026', kind: 'HOLIDAY', name: ' Nghỉ bù ' });
    expect({ day, plain, errors: reader.errors }).toEqual({ day: '2026-03-02', plain: { kind: 'HOLIDAY', name: 'Nghỉ bù' }, errors: {} });
  });

  it('asks for the day when it is blank, and keeps the reading error of an impossible one', () => {
    expect(calendarDayFromForm({ day: '', kind: 'HOLIDAY' }).reader.errors).toEqual({ day: ['hãy nhập ngày'] });
    const impossible = calendarDayFromForm({ day: '31/02/2026' }).reader.errors.day;
    expect(impossible).toHaveLength(1);
    expect(impossible).not.toEqual(['hãy nhập ngày']);
  });
});
