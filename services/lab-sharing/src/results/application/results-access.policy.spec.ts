import { ROLES } from '@medgrid/auth';
import { anIdentity } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { aResultSnapshot } from '../test/result-record.factory';
import { ResultsAccess } from './results-access.policy';

const groupId = uuidv7();
const institutionId = uuidv7();
const otherGroup = uuidv7();
const result = aResultSnapshot({
  groupId,
  performer: { ...aResultSnapshot().performer, institutionId },
});
/** Every role, of the result's group at its performer, of the group elsewhere, of another group, of none. */
const callers = ROLES.flatMap((role) => [
  { name: `${role}@performer`, identity: anIdentity({ role, groupId, institutionId }) },
  { name: `${role}@group`, identity: anIdentity({ role, groupId, institutionId: uuidv7() }) },
  {
    name: `${role}@other-group`,
    identity: anIdentity({ role, groupId: otherGroup, institutionId: uuidv7() }),
  },
  { name: `${role}@none`, identity: anIdentity({ role, groupId: null, institutionId: null }) },
]);
const allowed = (rule: (identity: ReturnType<typeof anIdentity>) => boolean) =>
  callers.filter((c) => rule(c.identity)).map((c) => c.name);

describe(ResultsAccess.name, () => {
  const sut = ResultsAccess;

  describe(sut.canRecord.name, () => {
    it('lets the clinicians and systems of an institution of a group record, nobody else', () => {
      expect(allowed((i) => sut.canRecord(i))).toEqual(
        ['primary-staff', 'hospital-staff', 'partner-system'].flatMap((role) => [
          `${role}@performer`,
          `${role}@group`,
          `${role}@other-group`,
        ]),
      );
    });
  });

  describe(sut.canRead.name, () => {
    it("lets every role of the result's group read it (masked as the role may see), never a city operator", () => {
      expect(allowed((i) => sut.canRead(i, result, []))).toEqual(
        ROLES.filter((role) => role !== 'city-operator').flatMap((role) => [
          `${role}@performer`,
          `${role}@group`,
        ]),
      );
    });

    it("lets another group's caller read it only while a referral sends the patient there", () => {
      expect(allowed((i) => sut.canRead(i, result, [groupId]))).toEqual(
        ROLES.filter((role) => role !== 'city-operator').flatMap((role) => [
          `${role}@performer`,
          `${role}@group`,
          `${role}@other-group`,
        ]),
      );
    });
  });

  describe(sut.canWithdraw.name, () => {
    it('lets only the performing institution withdraw its result', () => {
      expect(allowed((i) => sut.canWithdraw(i, result))).toEqual(
        ['primary-staff', 'hospital-staff', 'partner-system'].map((role) => `${role}@performer`),
      );
    });
  });
});
