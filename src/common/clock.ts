import { Injectable } from '@nestjs/common';
import { todayInVietnam } from './dates';

/** The time the workflow reads; tests fix it to check statutory clocks without waiting. */
@Injectable()
export class Clock {
  private fixed?: Date;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  today(): string {
    return todayInVietnam(this.now());
  }

  /** For tests and demo seeding: pin the clock (undefined releases it). */
  setFixed(at: Date | string | undefined): void {
    this.fixed = at === undefined ? undefined : new Date(typeof at === 'string' && at.length === 10 ? `${at}T03:00:00Z` : at);
  }
}
