import { ROLES } from '@medgrid/auth';
import { anIdentity } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { RecognitionAccess } from './recognition-access.policy';

const groupId = uuidv7();
const otherGroup = uuidv7();
const callers = ROLES.flatMap((role) => [
  { name: `${role}@group`, identity: anIdentity({ role, groupId, institutionId: uuidv7() }) },
  { name: `${role}@none`, identity: anIdentity({ role, groupId: null, institutionId: null }) },
]);
const allowed = (rule: (identity: ReturnType<typeof anIdentity>) => boolean) =>
  callers.filter((c) => rule(c.identity)).map((c) => c.name);
const clinical = ['primary-staff', 'hospital-staff', 'partner-system'];

describe(RecognitionAccess.name, () => {
  const sut = RecognitionAccess;

  it('lets city operators, and only them, edit a catalogue', () => {
    expect(allowed((i) => sut.canEditCatalogue(i))).toEqual(['city-operator@group', 'city-operator@none']);
  });

  it('lets the clinicians and systems of an institution of a group look up and decide', () => {
    expect(allowed((i) => sut.canLookUp(i))).toEqual(clinical.map((role) => `${role}@group`));
  });

  it("scopes statistics: a city operator any group or all, others their own group, never another's", () => {
    const scope = (asked: string | null) =>
      Object.fromEntries(callers.map((c) => [c.name, sut.statisticsScope(c.identity, asked)]));
    expect(scope(null)).toEqual(
      Object.fromEntries(
        ROLES.flatMap((role) => [
          [`${role}@group`, role === 'city-operator' ? null : groupId],
          [`${role}@none`, role === 'city-operator' ? null : undefined],
        ]),
      ),
    );
    expect(scope(otherGroup)).toEqual(
      Object.fromEntries(
        ROLES.flatMap((role) => [
          [`${role}@group`, role === 'city-operator' ? otherGroup : undefined],
          [`${role}@none`, role === 'city-operator' ? otherGroup : undefined],
        ]),
      ),
    );
    expect(allowed((i) => sut.ownInstitutionOnly(i))).toEqual(
      clinical.flatMap((role) => [`${role}@group`, `${role}@none`]),
    );
  });
});
