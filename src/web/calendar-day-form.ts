import { FormBody, FormDraft, FormReader } from './form-input';

/** The "adjust a day" form: the day (dd/mm/yyyy, required) and, to be validated as the API's PutCalendarDayDto, its kind and name. */
export function calendarDayFromForm(body: FormBody): FormDraft & { day: string | null | undefined } {
  const f = new FormReader(body);
  const day = f.date('day');
  if (!day && !f.errors.day) f.errors.day = ['hãy nhập ngày'];
  return { day, plain: { kind: f.text('kind') ?? '', name: f.text('name') ?? '' }, reader: f };
}
