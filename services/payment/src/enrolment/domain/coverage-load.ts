import { type RollRowReport } from './enrolment-roll';

/** Who loaded something, kept with it. */
export interface Editor {
  readonly subject: string;
  readonly role: string;
}

/** A roll as it was loaded: its report, row by row, kept as the answer to a retry and as the load's record. */
export interface CoverageLoad {
  readonly id: string;
  readonly residentCount: number;
  readonly report: readonly RollRowReport[];
  readonly loadedBy: Editor;
  readonly loadedAt: Date;
}
