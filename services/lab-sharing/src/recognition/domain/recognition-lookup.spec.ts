import { thrownBy } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type RecognisedResult } from './already-done';
import { RecognitionError, RecognitionErrorCode } from './recognition-error';
import { type NewRecognitionLookup, RecognitionLookup } from './recognition-lookup';

const MINUTE = 60_000;
const now = new Date('2026-12-04T02:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * MINUTE);

const site = uuidv7();
const clinician = { institutionId: site, practitionerId: uuidv7() };

function anOffer(overrides: Partial<RecognisedResult> = {}): RecognisedResult {
  return {
    resultId: uuidv7(),
    performedAt: new Date(now.getTime() - 2 * 86_400_000),
    performingInstitutionId: uuidv7(),
    mark: 'regional-recognition',
    validUntil: later(60),
    ...overrides,
  };
}

function aLookup(
  offered: readonly RecognisedResult[] = [anOffer()],
  input: Partial<NewRecognitionLookup> = {},
) {
  return RecognitionLookup.record(
    {
      id: uuidv7(),
      groupId: uuidv7(),
      patientResidentId: '11010519491231002X',
      itemCode: 'LAB-GLU',
      orderingInstitutionId: site,
      ...input,
    },
    offered,
    now,
  );
}

function refusal(act: () => unknown): { code: string; field: string | undefined; category: string } {
  const error = thrownBy(RecognitionError, act);
  return { code: error.code, field: error.violations[0]?.field, category: error.category };
}

describe(RecognitionLookup.name, () => {
  it('waits for the site to decide when it offered a result, and has nothing to decide otherwise', () => {
    expect(aLookup().outcome).toBe('pending');
    expect(aLookup([]).outcome).toBe('nothing-offered');
    expect(refusal(() => aLookup([]).orderAnyway('复查', clinician, now)).code).toBe(
      RecognitionErrorCode.NothingToDecide,
    );
  });

  it('records a reused result: who, when, which (a repeat avoided)', () => {
    const offer = anOffer();
    const sut = aLookup([anOffer(), offer]);
    sut.pullEvents();

    sut.reuse(offer.resultId, clinician, later(5));

    expect(sut.snapshot()).toMatchObject({
      outcome: 'reused',
      reusedResultId: offer.resultId,
      decidedBy: clinician.practitionerId,
      decidedAt: later(5),
      version: 2,
    });
    expect(sut.pullEvents().map((e) => e.change)).toEqual(['result-reused']);
  });

  it('records ordering anyway with its reason, trimmed', () => {
    const sut = aLookup();

    sut.orderAnyway('  病情变化，需复查  ', clinician, now);

    expect(sut.snapshot()).toMatchObject({
      outcome: 'ordered-anyway',
      reason: '病情变化，需复查',
      reusedResultId: null,
    });
  });

  it('refuses a result offered whose validity ended before the decision, and changes nothing', () => {
    const offer = anOffer({ validUntil: later(10) });
    const sut = aLookup([offer]);

    expect(refusal(() => sut.reuse(offer.resultId, clinician, later(10)))).toEqual({
      code: RecognitionErrorCode.ResultExpired,
      field: 'resultId',
      category: 'invalid-argument',
    });
    expect(sut.outcome).toBe('pending');
  });

  it('refuses a result it did not offer', () => {
    expect(refusal(() => aLookup().reuse(uuidv7(), clinician, now))).toMatchObject({
      code: RecognitionErrorCode.ResultNotOffered,
      field: 'resultId',
    });
  });

  it.each(['', '   ', 'x'.repeat(501)])('refuses ordering anyway with the reason %j', (reason) => {
    expect(refusal(() => aLookup().orderAnyway(reason, clinician, now))).toMatchObject({
      code: RecognitionErrorCode.ReasonRequired,
      field: 'reason',
    });
  });

  it('lets only the site that looked up decide', () => {
    const sut = aLookup();

    expect(
      refusal(() => sut.orderAnyway('复查', { institutionId: uuidv7(), practitionerId: null }, now)),
    ).toMatchObject({
      code: RecognitionErrorCode.NotTheOrderingSite,
      category: 'permission-denied',
    });
  });

  it('decides once', () => {
    const offer = anOffer();
    const sut = aLookup([offer]);
    sut.reuse(offer.resultId, clinician, now);

    expect(refusal(() => sut.orderAnyway('复查', clinician, now)).code).toBe(
      RecognitionErrorCode.AlreadyDecided,
    );
    expect(refusal(() => sut.reuse(offer.resultId, clinician, now)).code).toBe(
      RecognitionErrorCode.AlreadyDecided,
    );
  });
});
