import { ValidateBy, ValidationOptions } from 'class-validator';
import { isCalendarDate } from '../dates';

export const IsCalendarDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isCalendarDate',
      validator: { validate: (value) => isCalendarDate(value), defaultMessage: () => 'phải là ngày có thật dạng YYYY-MM-DD' },
    },
    options,
  );
