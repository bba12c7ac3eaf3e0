import { ITEM_KINDS, type ItemKind } from '../../common/exam-kinds';
import { URGENCIES, type Urgency } from '../../common/urgency';
import { ReportingError, ReportingErrorCode } from './reporting-error';

const MINUTE_MS = 60_000;

export type TurnaroundTable = Readonly<Record<ItemKind, Readonly<Record<Urgency, number>>>>;

/**
 * Minutes from the moment an exam's data reaches the centre's worklist to the signed report. Platform defaults
 * for a group to adjust: an emergency ECG in 30 minutes, emergency imaging and laboratory in 60, urgent work
 * within hours, routine work within a day (imaging and consultations two, pathology five, as histology needs its
 * processing); an intra-operative frozen section is pathology's emergency, 30 minutes.
 */
export const DEFAULT_TURNAROUND_MINUTES: TurnaroundTable = {
  ecg: { emergency: 30, urgent: 60, routine: 1440 },
  imaging: { emergency: 60, urgent: 240, routine: 2880 },
  laboratory: { emergency: 60, urgent: 240, routine: 1440 },
  pathology: { emergency: 30, urgent: 2880, routine: 7200 },
  'remote-consultation': { emergency: 60, urgent: 240, routine: 2880 },
};

/** The configured table: the defaults, each cell replaceable (`ecg.emergency=20,imaging.urgent=180`). */
export class TurnaroundTargets {
  private constructor(private readonly table: TurnaroundTable) {}

  static defaults(): TurnaroundTargets {
    return new TurnaroundTargets(DEFAULT_TURNAROUND_MINUTES);
  }

  /**
   * Reads overrides written `<kind>.<urgency>=<minutes>`, comma-separated (the TURNAROUND_TARGETS setting);
   * refuses an unknown kind or urgency, and minutes that are not a whole number from 1 to 30 days.
   */
  static parse(text: string): TurnaroundTargets {
    const table = structuredClone(DEFAULT_TURNAROUND_MINUTES) as Record<ItemKind, Record<Urgency, number>>;
    for (const entry of text
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean)) {
      const match = /^([a-z-]+)\.([a-z]+)=(\d+)$/.exec(entry);
      const kind = match?.[1] as ItemKind | undefined;
      const urgency = match?.[2] as Urgency | undefined;
      const minutes = Number(match?.[3]);
      if (
        !kind ||
        !urgency ||
        !ITEM_KINDS.includes(kind) ||
        !URGENCIES.includes(urgency) ||
        !Number.isInteger(minutes) ||
        minutes < 1 ||
        minutes > 43_200
      ) {
        throw new ReportingError(
          ReportingErrorCode.InvalidTurnaroundTable,
          `"${entry}" is not <kind>.<urgency>=<minutes> with kind one of ${ITEM_KINDS.join(', ')}, urgency one of ${URGENCIES.join(', ')} and 1-43200 minutes`,
        );
      }
      table[kind][urgency] = minutes;
    }
    return new TurnaroundTargets(table);
  }

  minutesFor(kind: ItemKind, urgency: Urgency): number {
    return this.table[kind][urgency];
  }

  dueAt(receivedAt: Date, kind: ItemKind, urgency: Urgency): Date {
    return new Date(receivedAt.getTime() + this.minutesFor(kind, urgency) * MINUTE_MS);
  }
}
