import { parseFields, refusal, requestField } from '@medgrid/errors';
import { isLocalDate, localDate, perLocalDay } from '@medgrid/kernel';
import { z } from 'zod';
import { type PopulationTag } from '../../domain/contract';

/** How far ahead a contract may be signed to start. */
const MAX_DAYS_AHEAD = 90;

/** The fields of a request made at `now`: its start date is today or later, and not too far ahead. */
function fieldsOn(now: Date) {
  const today = localDate(now);
  const latest = localDate(new Date(now.getTime() + MAX_DAYS_AHEAD * 86_400_000));
  return z.object({
    clientRequestId: requestField.uuid(),
    residentId: requestField.uuid(),
    teamId: requestField.uuid(),
    startDate: z
      .string()
      .transform((date) => date.trim())
      .refine(
        (date) => date === '' || isLocalDate(date),
        refusal('INVALID_FORMAT', 'must be a date YYYY-MM-DD', true),
      )
      .refine(
        (date) => date === '' || date >= today,
        refusal('IN_THE_PAST', `must be today (${today}) or later`),
      )
      .refine(
        (date) => date === '' || date <= latest,
        refusal('TOO_FAR_AHEAD', `must be within ${MAX_DAYS_AHEAD} days`),
      ),
    tags: z.array(requestField.present<PopulationTag>('is not a population tag', 'INVALID_VALUE')),
  });
}

/** Made once a day: the schema depends on `now` only through its local date. */
const fieldsOfDay = perLocalDay(fieldsOn);

export type SignContractInput = z.input<ReturnType<typeof fieldsOn>>;

/** SignContract: a resident's contract with a family-doctor team. */
export class SignContractCommand {
  private constructor(
    /** Lower case, like the other ids. */
    readonly clientRequestId: string,
    readonly residentId: string,
    readonly teamId: string,
    /** YYYY-MM-DD; empty for the day the contract is signed (Asia/Shanghai). */
    readonly startDate: string,
    readonly tags: readonly PopulationTag[],
  ) {}

  /** Reports every bad field at once (INVALID_ARGUMENT with a violation per field, tags[i]). */
  static create(input: SignContractInput, now = new Date()): SignContractCommand {
    const { clientRequestId, residentId, teamId, startDate, tags } = parseFields(fieldsOfDay(now), input);
    return new SignContractCommand(clientRequestId, residentId, teamId, startDate, tags);
  }
}
