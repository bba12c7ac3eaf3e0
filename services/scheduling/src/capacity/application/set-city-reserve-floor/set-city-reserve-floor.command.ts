import { FieldChecks } from '@medgrid/errors';
import { type ReserveRatio } from '../../domain/reserve-ratio';

export interface SetCityReserveFloorInput {
  readonly clientRequestId: string;
  readonly cityId: string;
  readonly slotFloor: ReserveRatio | undefined;
  readonly bedFloor: ReserveRatio | undefined;
  readonly effectiveFrom: string;
  readonly reason: string;
}

/** SetCityReserveFloor: a city's new floor from a date on; the floor's own rules are the floor's. */
export class SetCityReserveFloorCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly cityId: string,
    readonly slotFloor: ReserveRatio | undefined,
    readonly bedFloor: ReserveRatio | undefined,
    /** YYYY-MM-DD */
    readonly effectiveFrom: string,
    readonly reason: string,
  ) {}

  /** Reports every bad id at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: SetCityReserveFloorInput): SetCityReserveFloorCommand {
    new FieldChecks()
      .uuid('clientRequestId', input.clientRequestId)
      .uuid('cityId', input.cityId)
      .throwIfAny();
    return new SetCityReserveFloorCommand(
      input.clientRequestId,
      input.cityId,
      input.slotFloor,
      input.bedFloor,
      input.effectiveFrom,
      input.reason,
    );
  }
}
