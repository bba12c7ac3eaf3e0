import { prescribingServiceV1 } from '@medgrid/contracts';
import { aFreshResidentId } from '../scheduling-fixtures';
import { type Flow, type FlowContext } from './flows';

const { CheckOutcome } = prescribingServiceV1;

/**
 * A HIS checking prescriptions before it saves them (pharmacy's CheckPrescription): the community centre checks the
 * same amlodipine prescription for one patient `size` times. A check has no client request id (it advises, and
 * every call is recorded with the audit row of its read of the patient's contract), so a call that reached the
 * database before its answer was lost is recorded again when retried: the checks hold the records between the
 * checks answered and the calls sent.
 */
export async function prescriptionChecks(flow: Flow, ctx: FlowContext): Promise<void> {
  const { group, fixture } = ctx.city;
  const c = ctx.city.side.clients;
  flow.patient = aFreshResidentId();
  const request: prescribingServiceV1.CheckPrescriptionRequest = {
    patientResidentId: flow.patient,
    diagnosisCodes: ['I10'],
    stable: true,
    regimenUnchanged: true,
    lines: [{ drugCode: fixture.amlodipineCode, quantity: 1, daysOfSupply: 28 }],
  };
  const calls = { count: 0 };
  flow.checksAnswered = 0;
  const outcomes = new Set<string>();
  try {
    for (let i = 0; i < flow.size; i++) {
      const checked = await ctx.call(c.prescribing, c.prescribing.checkPrescription, request, group.centre, {
        metadata: { 'x-purpose': 'prescribing' },
        calls,
      });
      flow.checksAnswered++;
      outcomes.add(CheckOutcome[checked.outcome].replace('CHECK_OUTCOME_', ''));
    }
  } finally {
    flow.checkCalls = calls.count;
  }
  if (outcomes.size !== 1) throw new Error(`one prescription checked ${[...outcomes].join(' and ')}`);
  flow.outcome = [...outcomes][0];
}
