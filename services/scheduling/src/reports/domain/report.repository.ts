import { type BedFigures, type SlotFigures } from './daily-report';

/** The day's capacity figures of a hospital, read from sessions, seats, bookings, beds and admissions. */
export abstract class ReportRepository {
  /** Slots of the hospital's sessions on the local date (open sessions only). */
  abstract slotFigures(institutionId: string, date: string): Promise<SlotFigures>;
  /** Beds of the hospital's wards now, and the referral admissions requested on the local date. */
  abstract bedFigures(institutionId: string, date: string): Promise<BedFigures>;
  /** Hospitals with at least one open session or ward on the date: the ones a dashboard shows. */
  abstract hospitalsOn(date: string): Promise<{ institutionId: string; groupId: string }[]>;
}
