import { type Identity, type Role } from '@medgrid/auth';
import { anIdentity } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { CentreError, CentreErrorCode } from '../domain/centre-error';
import { CentreAccess } from './centre-access.policy';

const GROUP = uuidv7();
const OTHER_GROUP = uuidv7();

type Caller = readonly [label: string, role: Role, groupId: string | null];

const CALLERS: readonly Caller[] = [
  ['a city operator', 'city-operator', null],
  ["the group's administrator", 'group-admin', GROUP],
  ["another group's administrator", 'group-admin', OTHER_GROUP],
  ['primary staff of the group', 'primary-staff', GROUP],
  ['hospital staff of the group', 'hospital-staff', GROUP],
  ['a partner system of the group', 'partner-system', GROUP],
  ['hospital staff of another group', 'hospital-staff', OTHER_GROUP],
];

/** Each rule's answer for each caller, in the order of CALLERS. */
const MATRIX = {
  canManage: [true, true, false, false, false, false, false],
  canSee: [true, true, false, true, true, true, false],
  canRecordQuality: [true, true, false, false, false, false, false],
} as const;

const identityOf = ([, role, groupId]: Caller): Identity =>
  anIdentity({ role, groupId, institutionId: role === 'city-operator' ? null : uuidv7() });

describe(CentreAccess.name, () => {
  for (const [rule, answers] of Object.entries(MATRIX) as [keyof typeof MATRIX, readonly boolean[]][]) {
    describe(rule, () => {
      const sut = (identity: Identity) => CentreAccess[rule](identity, GROUP);
      it.each(CALLERS.map((caller, index) => ({ who: caller[0], caller, expected: answers[index] })))(
        'answers $expected for $who',
        ({ caller, expected }) => {
          expect(sut(identityOf(caller))).toBe(expected);
        },
      );
    });
  }

  it('lets no group administrator record the quality of an institution of no group', () => {
    expect(CentreAccess.canRecordQuality(anIdentity({ role: 'group-admin', groupId: GROUP }), null)).toBe(
      false,
    );
    expect(CentreAccess.canRecordQuality(anIdentity({ role: 'city-operator', groupId: null }), null)).toBe(
      true,
    );
  });

  it('refuses as FORBIDDEN, naming the action', () => {
    const sut = () => CentreAccess.require(false, 'register a centre');
    expect(sut).toThrow(CentreError);
    expect(sut).toThrow('your role may not register a centre');
    try {
      sut();
    } catch (error) {
      expect((error as CentreError).code).toBe(CentreErrorCode.Forbidden);
    }
  });
});
