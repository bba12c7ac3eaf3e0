import { thrownBy } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { CentreError, CentreErrorCode } from './centre-error';
import { type CentreInstitution, type NewSharedCentre, SharedCentre } from './shared-centre';

const now = new Date('2026-12-04T02:00:00Z');

function anInstitution(overrides: Partial<CentreInstitution> = {}): CentreInstitution {
  return {
    institutionId: uuidv7(),
    level: 'primary',
    sharedCentreInstitution: false,
    roleInGroup: 'member',
    ...overrides,
  };
}

const lead = () => anInstitution({ level: 'tertiary', roleInGroup: 'lead' });

function aCentre(
  overrides: Partial<NewSharedCentre> = {},
  host: CentreInstitution = lead(),
  served: readonly CentreInstitution[] = [],
): SharedCentre {
  return SharedCentre.register(
    { id: uuidv7(), groupId: uuidv7(), kind: 'imaging', name: '医学影像中心', ...overrides },
    host,
    served,
    now,
  );
}

function refusal(act: () => unknown): { code: string; field: string | undefined } {
  const error = thrownBy(CentreError, act);
  return { code: error.code, field: error.violations[0]?.field };
}

describe(SharedCentre.name, () => {
  describe('registration', () => {
    it('is hosted by the lead hospital and serves its host and the members named', () => {
      const host = lead();
      const clinic = anInstitution();

      const sut = aCentre({}, host, [clinic]);

      expect(sut.snapshot()).toMatchObject({
        hostInstitutionId: host.institutionId,
        servedInstitutionIds: [host.institutionId, clinic.institutionId],
        status: 'active',
        version: 1,
      });
      expect(sut.pullEvents().map((e) => e.change)).toEqual(['registered']);
    });

    it.each([
      ['a secondary member hospital', anInstitution({ level: 'secondary' })],
      [
        'a dedicated shared-centre institution of any level',
        anInstitution({ sharedCentreInstitution: true }),
      ],
    ])('may be hosted by %s', (_, host) => {
      expect(aCentre({}, host).snapshot().hostInstitutionId).toBe(host.institutionId);
    });

    it.each([
      ['a primary member institution', anInstitution(), CentreErrorCode.HostCannotRunCentre],
      [
        'a collaborating unit',
        anInstitution({ level: 'tertiary', roleInGroup: 'collaborating' }),
        CentreErrorCode.HostNotInGroup,
      ],
      [
        'a hospital of no role in the group',
        anInstitution({ level: 'tertiary', roleInGroup: null }),
        CentreErrorCode.HostNotInGroup,
      ],
    ])('refuses %s as the host', (_, host, code) => {
      expect(refusal(() => aCentre({}, host))).toEqual({ code, field: 'hostInstitutionId' });
    });

    it('refuses to serve a collaborating unit, naming it by its place in the request', () => {
      const served = [anInstitution(), anInstitution({ level: 'tertiary', roleInGroup: 'collaborating' })];

      expect(refusal(() => aCentre({}, lead(), served))).toEqual({
        code: CentreErrorCode.NotAGroupMember,
        field: 'servedInstitutionIds[1]',
      });
    });

    it('lists the host once when the request names it among the served', () => {
      const host = lead();

      expect(aCentre({}, host, [host]).snapshot().servedInstitutionIds).toEqual([host.institutionId]);
    });

    it.each(['', '   ', 'x'.repeat(101)])('refuses the name %j', (name) => {
      expect(refusal(() => aCentre({ name }))).toEqual({ code: CentreErrorCode.InvalidName, field: 'name' });
    });
  });

  describe('the institutions it serves', () => {
    it('starts and stops serving a member, each a new version with its event', () => {
      const sut = aCentre();
      sut.pullEvents();
      const clinic = anInstitution();

      sut.startServing(clinic);
      sut.stopServing(clinic.institutionId);

      expect(sut.serves(clinic.institutionId)).toBe(false);
      expect(sut.snapshot().version).toBe(3);
      expect(sut.pullEvents().map((e) => [e.change, e.institutionId])).toEqual([
        ['serving-added', clinic.institutionId],
        ['serving-removed', clinic.institutionId],
      ]);
    });

    it('refuses to serve an institution twice', () => {
      const clinic = anInstitution();
      const sut = aCentre({}, lead(), [clinic]);

      expect(refusal(() => sut.startServing(clinic)).code).toBe(CentreErrorCode.AlreadyServed);
    });

    it('always serves its host', () => {
      const host = lead();
      const sut = aCentre({}, host);

      expect(refusal(() => sut.stopServing(host.institutionId)).code).toBe(
        CentreErrorCode.HostIsAlwaysServed,
      );
    });

    it('refuses to stop serving an institution it does not serve', () => {
      expect(refusal(() => aCentre().stopServing(uuidv7())).code).toBe(CentreErrorCode.NotServed);
    });

    it('takes no order and no change once closed, and closes once', () => {
      const clinic = anInstitution();
      const sut = aCentre({}, lead(), [clinic]);
      sut.close(now);
      sut.close(now);

      expect(sut.snapshot()).toMatchObject({ status: 'closed', closedAt: now, version: 2 });
      expect(refusal(() => sut.checkTakesOrder(clinic.institutionId, 'imaging')).code).toBe(
        CentreErrorCode.CentreClosed,
      );
      expect(refusal(() => sut.startServing(anInstitution())).code).toBe(CentreErrorCode.CentreClosed);
    });
  });

  describe('orders', () => {
    it('takes an order of its kind from an institution it serves', () => {
      const clinic = anInstitution();

      expect(() =>
        aCentre({}, lead(), [clinic]).checkTakesOrder(clinic.institutionId, 'imaging'),
      ).not.toThrow();
    });

    it('refuses an order of another kind, and one from an institution it does not serve', () => {
      const clinic = anInstitution();
      const sut = aCentre({}, lead(), [clinic]);

      expect(refusal(() => sut.checkTakesOrder(clinic.institutionId, 'ecg')).code).toBe(
        CentreErrorCode.KindNotReported,
      );
      expect(refusal(() => sut.checkTakesOrder(uuidv7(), 'imaging'))).toEqual({
        code: CentreErrorCode.NotServed,
        field: 'orderingInstitutionId',
      });
    });
  });

  describe('reporters', () => {
    const host = lead();

    it.each([
      ['imaging', '12.02'],
      ['imaging', '12'],
      ['ecg', '12.06'],
      ['ecg', '03.04'],
      ['laboratory', '30.03'],
      ['pathology', '31'],
      ['remote-consultation', '03.07'],
    ] as const)('lets a practitioner of the host report %s with specialty %s', (kind, specialtyCode) => {
      const sut = aCentre({ kind }, host);
      const practitioner = { id: uuidv7(), homeInstitutionId: host.institutionId, specialtyCode };

      expect(sut.reporterFor(practitioner, kind)).toEqual({
        centreId: sut.id,
        practitionerId: practitioner.id,
        kind,
      });
    });

    it.each([
      ['imaging', '12.06'],
      ['imaging', '30'],
      ['ecg', '12'],
      ['laboratory', '300'],
      ['pathology', '03.04'],
    ] as const)('refuses %s reports to specialty %s', (kind, specialtyCode) => {
      const sut = aCentre({ kind }, host);

      expect(
        refusal(() =>
          sut.reporterFor({ id: uuidv7(), homeInstitutionId: host.institutionId, specialtyCode }, kind),
        ),
      ).toEqual({ code: CentreErrorCode.SpecialtyDoesNotFit, field: 'practitionerId' });
    });

    it('refuses a practitioner registered outside the host, whatever the specialty', () => {
      const sut = aCentre({}, host);

      expect(
        refusal(() =>
          sut.reporterFor({ id: uuidv7(), homeInstitutionId: uuidv7(), specialtyCode: '12.02' }, 'imaging'),
        ),
      ).toEqual({ code: CentreErrorCode.NotAReporterOfCentre, field: 'practitionerId' });
    });

    it('finds its reporters among practitioners: those of the host whose specialty fits, in the order given', () => {
      const sut = aCentre({ kind: 'ecg' }, host);
      const at = (specialtyCode: string, homeInstitutionId = host.institutionId) => ({
        id: uuidv7(),
        homeInstitutionId,
        specialtyCode,
      });
      const cardiologist = at('03.04');
      const ecgReader = at('12.06');
      const candidates = [at('12.02'), cardiologist, at('12.06', uuidv7()), ecgReader];

      expect(sut.reportersAmong(candidates)).toEqual([cardiologist, ecgReader]);
      expect(aCentre({ kind: 'sterilisation-supply' }, host).reportersAmong(candidates)).toEqual([]);
    });

    it('reports nothing for a sterilisation-supply centre', () => {
      const sut = aCentre({ kind: 'sterilisation-supply' }, host);

      expect(
        refusal(() =>
          sut.reporterFor(
            { id: uuidv7(), homeInstitutionId: host.institutionId, specialtyCode: '30' },
            'laboratory',
          ),
        ).code,
      ).toBe(CentreErrorCode.KindNotReported);
    });
  });
});
