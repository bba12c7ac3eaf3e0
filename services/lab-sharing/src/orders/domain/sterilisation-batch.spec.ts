import { thrownBy } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { CentreError, CentreErrorCode } from '../../centres/domain/centre-error';
import { aCentre } from '../../centres/test/shared-centre.factory';
import { OrderError, OrderErrorCode } from './order-error';
import { type InstrumentPackage, SterilisationBatch } from './sterilisation-batch';

const now = new Date('2026-12-04T02:00:00Z');
const packages: InstrumentPackage[] = [
  { code: 'PKG-0001', name: '换药包', quantity: 20 },
  { code: 'PKG-0002', name: '缝合包', quantity: 5 },
];

function setUp() {
  const fixture = aCentre('sterilisation-supply');
  const sut = SterilisationBatch.send(
    { id: uuidv7(), sendingInstitutionId: fixture.clinicId, packages },
    fixture.centre,
    now,
  );
  return { fixture, sut };
}

const passed = { cycleId: 'ST-20261204-03', method: 'steam' as const, indicatorsPassed: true, at: now };

function refusal(act: () => unknown): { code: string; fields: string[] } {
  const error = thrownBy(OrderError, act);
  return { code: error.code, fields: error.violations.map((v) => v.field) };
}

describe(SterilisationBatch.name, () => {
  it('is sent only by an institution the centre serves, naming sendingInstitutionId', () => {
    const fixture = aCentre('sterilisation-supply');

    const refused = (() => {
      try {
        SterilisationBatch.send(
          { id: uuidv7(), sendingInstitutionId: uuidv7(), packages },
          fixture.centre,
          now,
        );
      } catch (error) {
        return error as CentreError;
      }
      throw new Error('expected a refusal');
    })();

    expect(refused).toBeInstanceOf(CentreError);
    expect([refused.code, refused.violations[0]?.field]).toEqual([
      CentreErrorCode.NotServed,
      'sendingInstitutionId',
    ]);
  });

  it('goes sent → received → sterilised → dispatched → returned, each step by its side', () => {
    const { fixture, sut } = setUp();

    sut.receive(fixture.hostInstitutionId, now);
    sut.sterilise(passed, fixture.hostInstitutionId);
    sut.dispatch(fixture.hostInstitutionId, now);
    sut.confirmReturn(fixture.clinicId, now);

    expect(sut.snapshot()).toMatchObject({ status: 'returned', cycles: [passed], version: 5 });
    expect(sut.pullEvents().map((e) => e.change)).toEqual([
      'sent',
      'received',
      'sterilised',
      'dispatched',
      'returned',
    ]);
  });

  it('keeps a batch whose cycle failed at the centre until a cycle passes, with both cycles recorded', () => {
    const { fixture, sut } = setUp();
    sut.receive(fixture.hostInstitutionId, now);
    const failed = { ...passed, cycleId: 'ST-20261204-02', indicatorsPassed: false };

    sut.sterilise(failed, fixture.hostInstitutionId);

    expect(sut.status).toBe('received');
    expect(refusal(() => sut.dispatch(fixture.hostInstitutionId, now)).code).toBe(
      OrderErrorCode.SterilisationFailed,
    );
    sut.sterilise(passed, fixture.hostInstitutionId);
    expect(sut.snapshot()).toMatchObject({ status: 'sterilised', cycles: [failed, passed] });
  });

  it('lets only the centre handle the batch there, and only the sender confirm its return', () => {
    const { fixture, sut } = setUp();

    expect(refusal(() => sut.receive(fixture.clinicId, now)).code).toBe(OrderErrorCode.NotTheCentre);
    sut.receive(fixture.hostInstitutionId, now);
    sut.sterilise(passed, fixture.hostInstitutionId);
    sut.dispatch(fixture.hostInstitutionId, now);
    expect(refusal(() => sut.confirmReturn(fixture.hostInstitutionId, now)).code).toBe(
      OrderErrorCode.NotTheOrderingSite,
    );
  });

  it('refuses steps out of order', () => {
    const { fixture, sut } = setUp();

    expect(refusal(() => sut.sterilise(passed, fixture.hostInstitutionId)).code).toBe(
      OrderErrorCode.IllegalStep,
    );
    expect(refusal(() => sut.dispatch(fixture.hostInstitutionId, now)).code).toBe(OrderErrorCode.IllegalStep);
    expect(refusal(() => sut.confirmReturn(fixture.clinicId, now)).code).toBe(OrderErrorCode.IllegalStep);
  });

  it('refuses an empty batch and bad packages, naming each', () => {
    const { fixture } = setUp();
    const send = (p: InstrumentPackage[]) =>
      SterilisationBatch.send(
        { id: uuidv7(), sendingInstitutionId: fixture.clinicId, packages: p },
        fixture.centre,
        now,
      );

    expect(refusal(() => send([])).fields).toEqual(['packages']);
    expect(refusal(() => send([packages[0]!, { code: 'PKG-0001', name: ' ', quantity: 0 }])).fields).toEqual([
      'packages[1].code',
      'packages[1].name',
      'packages[1].quantity',
    ]);
  });

  it('is sent only to a sterilisation-supply centre serving the sender', () => {
    const imaging = aCentre('imaging');

    expect(() =>
      SterilisationBatch.send(
        { id: uuidv7(), sendingInstitutionId: imaging.clinicId, packages },
        imaging.centre,
        now,
      ),
    ).toThrow('does not take sterilisation-supply orders');
  });
});
