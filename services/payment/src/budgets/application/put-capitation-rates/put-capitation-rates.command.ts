import { parseFields, refusal, requestField } from '@medgrid/errors';
import { z } from 'zod';
import { ruleField } from '../../../rules/application/rule-fields';
import { type CapitationRate } from '../../domain/capitation-rate';

export const RATES_MAX = 500;

const fields = z.object({
  clientRequestId: requestField.uuid(),
  regionId: requestField.uuid(),
  fromVersion: ruleField.fromVersion(),
  // Each rate is checked by the schedule, which names every bad one (rates[1].annualPerResident).
  rates: z
    .array(z.custom<CapitationRate>())
    .max(RATES_MAX, refusal('TOO_MANY', `at most ${RATES_MAX} rates`)),
});

export type PutCapitationRatesInput = z.input<typeof fields>;

/** PutCapitationRates: every capitation rate of a fund's next version. */
export class PutCapitationRatesCommand {
  private constructor(
    readonly clientRequestId: string,
    readonly regionId: string,
    readonly fromVersion: number,
    readonly rates: readonly CapitationRate[],
  ) {}

  static create(input: PutCapitationRatesInput): PutCapitationRatesCommand {
    const f = parseFields(fields, input);
    return new PutCapitationRatesCommand(f.clientRequestId, f.regionId, f.fromVersion, f.rates);
  }
}
