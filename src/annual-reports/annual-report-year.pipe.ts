import { PipeTransform } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';

/** The report year in a path: four digits from 2016 (Decree 85 in force) to 2100, else a 422 naming the field. */
export const annualYearPipe: PipeTransform<string, number> = {
  transform(value: string): number {
    const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!(year >= 2016 && year <= 2100))
      throw new DomainError('VALIDATION_FAILED', 'Năm báo cáo không hợp lệ.', { year: ['là năm gồm 4 chữ số, từ 2016 đến 2100'] });
    return year;
  },
};
