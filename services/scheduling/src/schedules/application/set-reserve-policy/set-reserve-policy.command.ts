import { FieldChecks } from '@medgrid/errors';
import { type ReserveRatio } from '../../../capacity/domain/reserve-ratio';

export interface SetReservePolicyInput {
  readonly clientRequestId: string;
  readonly institutionId: string;
  readonly slotRatio: ReserveRatio | undefined;
  readonly bedRatio: ReserveRatio | undefined;
  readonly releaseLeadHours: number;
  readonly overrideReason: string;
}

/** SetReservePolicy: a hospital's new reserve ratios and release lead time. */
export class SetReservePolicyCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly institutionId: string,
    readonly slotRatio: ReserveRatio,
    readonly bedRatio: ReserveRatio,
    readonly releaseLeadHours: number,
    /** Why a ratio below the city's floor is allowed (a city operator's override only). */
    readonly overrideReason: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: SetReservePolicyInput): SetReservePolicyCommand {
    new FieldChecks()
      .uuid('clientRequestId', input.clientRequestId)
      .uuid('institutionId', input.institutionId)
      .check('slotRatio', input.slotRatio !== undefined, 'REQUIRED', 'is required')
      .check('bedRatio', input.bedRatio !== undefined, 'REQUIRED', 'is required')
      .maxLength('overrideReason', input.overrideReason, 500)
      .throwIfAny();
    return new SetReservePolicyCommand(
      input.clientRequestId,
      input.institutionId,
      input.slotRatio!,
      input.bedRatio!,
      input.releaseLeadHours,
      input.overrideReason,
    );
  }
}
