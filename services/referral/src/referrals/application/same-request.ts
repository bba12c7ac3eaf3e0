import { type ClientRequest } from '@medgrid/idempotency';
import { type ReferralDirection } from '../domain/referral-direction';
import { type CreateReferralCommand } from './create-referral/create-referral.command';
import { type IssueDownwardCommand } from './issue-downward/issue-downward.command';
import { type ReferralStepCommand } from './referral-steps/referral-step.command';

/**
 * CreateReferral or IssueDownwardReferral as a client request. Both make a referral under one
 * operation, so an id that made an upward referral cannot make a downward one; a retry must
 * repeat everything the first request asked for (the caller is checked against the referring
 * institution before the retry is answered).
 */
export function referralCreation(
  direction: ReferralDirection,
  command: CreateReferralCommand | IssueDownwardCommand,
): ClientRequest {
  return {
    operation: 'create-referral',
    clientRequestId: command.clientRequestId,
    request: { ...command, identity: undefined, clientRequestId: undefined, direction },
  };
}

/**
 * A step on a referral as a client request: one operation per step, so an id that accepted a
 * referral cannot record its arrival, and a retry repeats the step's text.
 */
export function referralStep(command: ReferralStepCommand): ClientRequest {
  return {
    operation: `referral-${command.step}`,
    clientRequestId: command.clientRequestId,
    request: { note: command.note },
  };
}
