import { DateTime } from 'luxon';
import type { ItemPingConfig } from '../config.js';
import { BusinessDays, type WorkCalendar } from '../scheduling/calendar.js';

/** When the recurring runs happen, from the settings (ITEM_* in src/config.ts). */
export class PingCalendar {
  readonly days: BusinessDays;

  constructor(
    calendar: WorkCalendar,
    private readonly settings: ItemPingConfig,
  ) {
    this.days = new BusinessDays(calendar);
  }

  dailyAt(day: string): Date {
    return this.days.instant(day, this.settings.pingTime.hour, this.settings.pingTime.minute);
  }

  digestAt(day: string): Date {
    return this.days.instant(day, this.settings.digestTime.hour, this.settings.digestTime.minute);
  }

  /** The first business day whose run is at or after `instant`. */
  nextDailyDay(instant: Date): string {
    let day = this.days.onOrAfter(this.days.dateOf(instant));
    while (this.dailyAt(day) < instant) day = this.days.onOrAfter(this.days.plusDays(day, 1));
    return day;
  }

  /** The digest day of the ISO week holding `date`: its weekday, or the next business day. */
  private digestDayOfWeek(date: string): string {
    const local = DateTime.fromISO(date, { zone: 'UTC' });
    const weekday = local.plus({ days: this.settings.digestWeekday - local.weekday });
    return this.days.onOrAfter(weekday.toISODate() ?? date);
  }

  /** A holiday on the digest weekday moves the digest, possibly into the next week. */
  isDigestDay(date: string): boolean {
    return (
      this.digestDayOfWeek(date) === date ||
      this.digestDayOfWeek(this.days.plusDays(date, -7)) === date
    );
  }

  /** The first digest day whose run is at or after `instant`. */
  nextDigestDay(instant: Date): string {
    let week = this.days.dateOf(instant);
    for (;;) {
      for (const candidate of [
        this.digestDayOfWeek(this.days.plusDays(week, -7)),
        this.digestDayOfWeek(week),
      ])
        if (this.digestAt(candidate) >= instant) return candidate;
      week = this.days.plusDays(week, 7);
    }
  }
}
