import fc from 'fast-check';
import { type ReferralDirection } from './referral-direction';
import {
  allowedActions,
  INITIAL_STATE,
  isTerminal,
  type LifecycleAction,
  type LifecycleState,
  nextState,
  statesOf,
  transition,
} from './referral-lifecycle';

const ACTIONS: LifecycleAction[] = [
  'submit',
  'accept',
  'decline',
  'schedule',
  'arrive',
  'complete',
  'cancel',
  'expire',
  'receive',
  'record-follow-up',
  'close',
];
const directions: ReferralDirection[] = ['upward', 'downward'];

/** Runs actions from the initial state, keeping only the ones the lifecycle allows. */
function walk(direction: ReferralDirection, actions: LifecycleAction[]) {
  let state = INITIAL_STATE[direction];
  const history: LifecycleState[] = [state];
  for (const action of actions) {
    try {
      state = transition(direction, state, action);
      history.push(state);
    } catch {
      // refused: the state must be unchanged, checked by the properties below
    }
  }
  return { state, history };
}

describe(transition.name, () => {
  const sut = transition;

  it('walks the upward happy path to completed', () => {
    expect(walk('upward', ['submit', 'accept', 'schedule', 'arrive', 'complete']).history).toEqual([
      'draft',
      'submitted',
      'accepted',
      'scheduled',
      'arrived',
      'completed',
    ]);
  });

  it('closes the downward loop only after a follow-up', () => {
    expect(nextState('downward', 'received', 'close')).toBeUndefined();
    expect(walk('downward', ['receive', 'record-follow-up', 'record-follow-up', 'close']).state).toBe(
      'closed',
    );
  });

  it('refuses an illegal transition with FAILED_PRECONDITION naming the current state', () => {
    expect(() => sut('upward', 'completed', 'cancel')).toThrow(
      expect.objectContaining({
        code: 'ILLEGAL_TRANSITION',
        category: 'failed-precondition',
        message: expect.stringContaining('completed') as string,
      }) as Error,
    );
    expect(() => sut('upward', 'arrived', 'cancel')).toThrow(/arrived/);
  });

  it('keeps each direction to its own states', () => {
    expect([...statesOf('upward')].sort()).toEqual(
      [
        'accepted',
        'arrived',
        'cancelled',
        'completed',
        'declined',
        'draft',
        'expired',
        'scheduled',
        'submitted',
      ].sort(),
    );
    expect([...statesOf('downward')].sort()).toEqual(
      ['cancelled', 'closed', 'followed-up', 'issued', 'received'].sort(),
    );
  });

  it.each(directions)(
    '%s: any action sequence stays inside the lifecycle and a final state never changes',
    (direction) => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...ACTIONS), { maxLength: 30 }), (actions) => {
          let state = INITIAL_STATE[direction];
          for (const action of actions) {
            const before = state;
            const next = nextState(direction, state, action);
            if (next === undefined) {
              expect(() => sut(direction, state, action)).toThrow();
            } else {
              state = sut(direction, state, action);
              expect(isTerminal(direction, before)).toBe(false);
            }
            expect(statesOf(direction).has(state)).toBe(true);
            if (isTerminal(direction, before)) expect(state).toBe(before);
          }
        }),
        { numRuns: 500 },
      );
    },
  );

  it.each(directions)('%s: from every reachable state a final state can still be reached', (direction) => {
    for (const state of statesOf(direction)) {
      const reachable = new Set<LifecycleState>([state]);
      const queue = [state];
      while (queue.length) {
        const current = queue.shift()!;
        for (const action of allowedActions(direction, current)) {
          const next = nextState(direction, current, action)!;
          if (!reachable.has(next)) {
            reachable.add(next);
            queue.push(next);
          }
        }
      }
      expect([...reachable].some((s) => isTerminal(direction, s))).toBe(true);
    }
  });
});
