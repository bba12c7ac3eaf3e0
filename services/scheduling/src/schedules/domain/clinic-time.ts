import { isLocalDate, isoWeekday } from '@medgrid/kernel';

/**
 * Asia/Shanghai has kept UTC+08:00 all year since 1991, so a clinic's local
 * date and HH:MM map to one instant with a fixed offset.
 */
export function clinicInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

/** The local HH:MM of an instant (the inverse of clinicInstant for its time). */
export function clinicClock(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
}

export function isClockTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export { isLocalDate, isoWeekday };
