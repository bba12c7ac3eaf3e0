import { type Identity, type Role } from '@medgrid/auth';
import { anIdentity } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { OrderError, OrderErrorCode } from '../domain/order-error';
import { SterilisationAccess } from './sterilisation-access.policy';

const GROUP = uuidv7();
const CENTRE_HOST = uuidv7();
const SENDER = uuidv7();
const batch = { groupId: GROUP, centreInstitutionId: CENTRE_HOST, sendingInstitutionId: SENDER };

type Caller = readonly [label: string, role: Role, institutionId: string | null, groupId: string | null];

const CALLERS: readonly Caller[] = [
  ['the sending site’s staff', 'primary-staff', SENDER, GROUP],
  ['the sending site’s partner system', 'partner-system', SENDER, GROUP],
  ['the centre host’s staff', 'hospital-staff', CENTRE_HOST, GROUP],
  ['staff of another institution of the group', 'hospital-staff', uuidv7(), GROUP],
  ["the group's administrator", 'group-admin', null, GROUP],
  ["another group's administrator", 'group-admin', null, uuidv7()],
  ['a city operator', 'city-operator', null, null],
];

/** Each rule's answer for each caller, in the order of CALLERS. */
const MATRIX = {
  canActForSender: [true, true, false, false, false, false, false],
  canHandleAtCentre: [false, false, true, false, false, false, false],
  canSee: [true, true, true, false, true, false, true],
} as const;

const RULES: Record<keyof typeof MATRIX, (identity: Identity) => boolean> = {
  canActForSender: (identity) => SterilisationAccess.canActForSender(identity, SENDER),
  canHandleAtCentre: (identity) => SterilisationAccess.canHandleAtCentre(identity, batch),
  canSee: (identity) => SterilisationAccess.canSee(identity, batch),
};

describe(SterilisationAccess.name, () => {
  for (const [rule, answers] of Object.entries(MATRIX) as [keyof typeof MATRIX, readonly boolean[]][]) {
    describe(rule, () => {
      const sut = RULES[rule];
      it.each(CALLERS.map((caller, index) => ({ who: caller[0], caller, expected: answers[index] })))(
        'answers $expected for $who',
        ({ caller: [, role, institutionId, groupId], expected }) => {
          expect(sut(anIdentity({ role, institutionId, groupId }))).toBe(expected);
        },
      );
    });
  }

  it('refuses as FORBIDDEN, naming the action', () => {
    const refused = (() => {
      try {
        SterilisationAccess.require(false, 'dispatch this batch');
      } catch (error) {
        return error as OrderError;
      }
      throw new Error('expected a refusal');
    })();
    expect(refused).toBeInstanceOf(OrderError);
    expect(refused.code).toBe(OrderErrorCode.Forbidden);
    expect(refused.message).toBe('your role or institution may not dispatch this batch');
  });
});
