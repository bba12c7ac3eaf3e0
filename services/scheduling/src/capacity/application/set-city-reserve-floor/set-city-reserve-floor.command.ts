import { parseFields, requestField } from '@medgrid/errors';
import { localDate, perLocalDay } from '@medgrid/kernel';
import { z } from 'zod';
import { effectiveFromProblems, floorProblems, MAX_FLOOR_REASON } from '../../domain/city-reserve-floor';
import { type ReserveRatio } from '../../domain/reserve-ratio';

/** A floor as the request carries it: absent is refused as a floor of nothing. */
const floor = (examples: string) =>
  requestField
    .checked(z.custom<ReserveRatio | undefined>(), (value) => floorProblems(value, examples))
    .transform((value) => value!);

/** The fields of a request made at `now`, whose local date is the earliest a change takes effect. */
function fieldsOn(now: Date) {
  const today = localDate(now);
  return z.object({
    clientRequestId: requestField.uuid(),
    cityId: requestField.uuid(),
    slotFloor: floor('1/3 or 1/5'),
    bedFloor: floor('1/4'),
    effectiveFrom: requestField.checked(z.string(), (date) => effectiveFromProblems(date, today)),
    reason: requestField.text(MAX_FLOOR_REASON),
  });
}

/** Made once a day: the schema depends on `now` only through its local date. */
const fieldsOfDay = perLocalDay(fieldsOn);

export type SetCityReserveFloorInput = z.input<ReturnType<typeof fieldsOn>>;

/** SetCityReserveFloor: a city's new floor from a date on, today at the earliest. */
export class SetCityReserveFloorCommand {
  private constructor(
    /** Lower case, like the city's id. */
    readonly clientRequestId: string,
    readonly cityId: string,
    readonly slotFloor: ReserveRatio,
    readonly bedFloor: ReserveRatio,
    /** YYYY-MM-DD, today or later (Asia/Shanghai). */
    readonly effectiveFrom: string,
    /** Trimmed. */
    readonly reason: string,
  ) {}

  /** Reports every bad field at once; `now` is the day a change may take effect from at the earliest. */
  static create(input: SetCityReserveFloorInput, now = new Date()): SetCityReserveFloorCommand {
    const f = parseFields(fieldsOfDay(now), input);
    return new SetCityReserveFloorCommand(
      f.clientRequestId,
      f.cityId,
      f.slotFloor,
      f.bedFloor,
      f.effectiveFrom,
      f.reason,
    );
  }
}
