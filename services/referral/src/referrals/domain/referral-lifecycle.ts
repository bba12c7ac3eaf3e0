import { type ReferralDirection } from './referral-direction';
import { ReferralError, ReferralErrorCode } from './referral-error';

/**
 * The states of both referral directions (docs/domain.md, two-way referral):
 *   upward   draft → submitted → accepted | declined → scheduled → arrived → completed
 *            (cancelled while not yet arrived; expired when the receiving side lets a deadline pass)
 *   downward issued → received → followed-up (repeatable) → closed (cancelled before it is received)
 */
export type LifecycleState =
  | 'draft'
  | 'submitted'
  | 'accepted'
  | 'declined'
  | 'scheduled'
  | 'arrived'
  | 'completed'
  | 'cancelled'
  | 'expired'
  | 'issued'
  | 'received'
  | 'followed-up'
  | 'closed';

export type LifecycleAction =
  | 'submit'
  | 'accept'
  | 'decline'
  | 'schedule'
  | 'arrive'
  | 'complete'
  | 'cancel'
  | 'expire'
  | 'receive'
  | 'record-follow-up'
  | 'close';

type Table = Partial<Record<LifecycleState, Partial<Record<LifecycleAction, LifecycleState>>>>;

const UPWARD: Table = {
  draft: { submit: 'submitted', cancel: 'cancelled' },
  submitted: { accept: 'accepted', decline: 'declined', cancel: 'cancelled', expire: 'expired' },
  // A green-channel patient, or one the hospital sees without a booked slot, arrives straight from accepted.
  accepted: { schedule: 'scheduled', arrive: 'arrived', cancel: 'cancelled', expire: 'expired' },
  scheduled: { arrive: 'arrived', cancel: 'cancelled', expire: 'expired' },
  arrived: { complete: 'completed' },
};

const DOWNWARD: Table = {
  issued: { receive: 'received', cancel: 'cancelled' },
  received: { 'record-follow-up': 'followed-up' },
  'followed-up': { 'record-follow-up': 'followed-up', close: 'closed' },
};

export const INITIAL_STATE: Readonly<Record<ReferralDirection, LifecycleState>> = {
  upward: 'draft',
  downward: 'issued',
};

function table(direction: ReferralDirection): Table {
  switch (direction) {
    case 'upward':
      return UPWARD;
    case 'downward':
      return DOWNWARD;
  }
}

/** The state an action leads to, or undefined when the action is not allowed in that state. */
export function nextState(
  direction: ReferralDirection,
  state: LifecycleState,
  action: LifecycleAction,
): LifecycleState | undefined {
  return table(direction)[state]?.[action];
}

/** Actions allowed in a state (none in a terminal state). */
export function allowedActions(direction: ReferralDirection, state: LifecycleState): LifecycleAction[] {
  return Object.keys(table(direction)[state] ?? {}) as LifecycleAction[];
}

export function isTerminal(direction: ReferralDirection, state: LifecycleState): boolean {
  return allowedActions(direction, state).length === 0;
}

/** Every state a direction can reach from its initial state. */
export function statesOf(direction: ReferralDirection): Set<LifecycleState> {
  const seen = new Set<LifecycleState>([INITIAL_STATE[direction]]);
  const queue = [INITIAL_STATE[direction]];
  while (queue.length) {
    for (const next of Object.values(table(direction)[queue.shift()!] ?? {})) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** Applies an action or refuses it with FAILED_PRECONDITION naming the current state. */
export function transition(
  direction: ReferralDirection,
  state: LifecycleState,
  action: LifecycleAction,
): LifecycleState {
  const next = nextState(direction, state, action);
  if (!next) {
    const allowed = allowedActions(direction, state);
    throw new ReferralError(
      ReferralErrorCode.IllegalTransition,
      `cannot ${action} a ${direction} referral that is ${state}` +
        (allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (it is final)'),
    );
  }
  return next;
}
