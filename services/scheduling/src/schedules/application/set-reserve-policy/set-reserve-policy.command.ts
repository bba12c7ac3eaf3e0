import { parseFields, refusal, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { MAX_LEAD_HOURS } from '../../../capacity/domain/reserve-policy';
import { type ReserveRatio, ratioProblems } from '../../../capacity/domain/reserve-ratio';

/** A ratio the request must carry, n/d with 0 ≤ n ≤ d. */
const ratioField = () =>
  requestField.checked(requestField.present<ReserveRatio>('is required'), ratioProblems);

const fields = z.object({
  clientRequestId: requestField.uuid(),
  institutionId: requestField.uuid(),
  slotRatio: ratioField(),
  bedRatio: ratioField(),
  /** 0 keeps the city's default. */
  releaseLeadHours: z
    .custom<number>()
    .refine(
      (hours) => Number.isInteger(hours) && hours <= MAX_LEAD_HOURS,
      refusal('OUT_OF_RANGE', `must be at most ${MAX_LEAD_HOURS} hours`),
    ),
  overrideReason: requestField.optionalText(500),
});

export type SetReservePolicyInput = z.input<typeof fields>;

/** SetReservePolicy: a hospital's new reserve ratios and release lead time. */
export class SetReservePolicyCommand {
  private constructor(
    /** Lower case, like the hospital's id. */
    readonly clientRequestId: string,
    readonly institutionId: string,
    readonly slotRatio: ReserveRatio,
    readonly bedRatio: ReserveRatio,
    /** 0 keeps the city's default. */
    readonly releaseLeadHours: number,
    /** Trimmed; why a ratio below the city's floor is allowed (a city operator's override only). */
    readonly overrideReason: string,
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field). */
  static create(input: SetReservePolicyInput): SetReservePolicyCommand {
    const p = parseFields(fields, input);
    return new SetReservePolicyCommand(
      p.clientRequestId,
      p.institutionId,
      p.slotRatio,
      p.bedRatio,
      p.releaseLeadHours,
      p.overrideReason,
    );
  }
}
