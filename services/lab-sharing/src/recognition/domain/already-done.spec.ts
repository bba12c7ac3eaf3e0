import { v7 as uuidv7 } from 'uuid';
import { aLabItem, anImagingItem } from '../test/catalogue-item.factory';
import { alreadyDone, type OrderingSite, type RecognitionCandidate } from './already-done';

const DAY = 86_400_000;
const now = new Date('2026-12-04T02:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

const site: OrderingSite = { institutionId: uuidv7(), groupId: uuidv7(), regionId: uuidv7() };

function aResult(overrides: Partial<RecognitionCandidate> = {}): RecognitionCandidate {
  return {
    resultId: uuidv7(),
    itemCode: 'LAB-GLU',
    performedAt: daysAgo(2),
    performingInstitutionId: uuidv7(),
    performingGroupId: uuidv7(),
    performingRegionId: site.regionId,
    quality: { accredited: true, qualityControlPassed: false },
    enteredInError: false,
    ...overrides,
  };
}

describe(alreadyDone.name, () => {
  const sut = alreadyDone;

  it('offers a result of the region within its validity, with the regional mark and its end of validity', () => {
    const result = aResult();

    expect(sut(aLabItem(), site, [result], now)).toEqual({
      itemRecognised: true,
      recognised: [
        {
          resultId: result.resultId,
          performedAt: result.performedAt,
          performingInstitutionId: result.performingInstitutionId,
          mark: 'regional-recognition',
          validUntil: new Date(result.performedAt.getTime() + 7 * DAY),
        },
      ],
      notRecognised: [],
    });
  });

  it('keeps a blood glucose 7 days and a CT 30 days: valid until the last instant before', () => {
    const glucose = aLabItem();
    const ct = anImagingItem();
    const qc = { accredited: false, qualityControlPassed: true };

    const at = (item: typeof glucose, days: number, ms = 0) =>
      sut(
        item,
        site,
        [
          aResult({
            itemCode: item.code,
            performedAt: new Date(now.getTime() - days * DAY + ms),
            quality: qc,
          }),
        ],
        now,
      ).recognised.length;

    expect([at(glucose, 7, 1), at(glucose, 7)]).toEqual([1, 0]);
    expect([at(ct, 30, 1), at(ct, 30)]).toEqual([1, 0]);
  });

  it.each([
    ['another item', { itemCode: 'LAB-HBA1C' }, 'other-item'],
    ['a result entered in error', { enteredInError: true }, 'entered-in-error'],
    ['a result dated after now', { performedAt: new Date(now.getTime() + 60_000) }, 'performed-after-now'],
    ['an expired result', { performedAt: daysAgo(8) }, 'expired'],
    ['a result of another region', { performingRegionId: uuidv7() }, 'outside-region'],
    ['a result of a region unknown', { performingRegionId: null }, 'outside-region'],
    [
      'a result of a laboratory with neither accreditation nor a QC pass',
      { quality: { accredited: false, qualityControlPassed: false } },
      'quality-not-shown',
    ],
  ] as const)('does not offer %s, and says why', (_, overrides, reason) => {
    const result = aResult(overrides);

    expect(sut(aLabItem(), site, [result], now)).toMatchObject({
      recognised: [],
      notRecognised: [{ resultId: result.resultId, reason }],
    });
  });

  it('takes either quality condition of the item, and asks none when the item lists none', () => {
    const byQc = aResult({ quality: { accredited: false, qualityControlPassed: true } });
    const none = aResult({ quality: { accredited: false, qualityControlPassed: false } });
    const lenient = aLabItem({ recognition: { validityDays: 7, scope: 'region', quality: [] } });

    expect(sut(aLabItem(), site, [byQc], now).recognised).toHaveLength(1);
    expect(sut(lenient, site, [none], now).recognised).toHaveLength(1);
  });

  it('recognises a group-wide item only from the ordering site group, with the group mark', () => {
    const ultrasound = anImagingItem({
      code: 'US-ABDOMEN',
      modality: 'US',
      bodyPart: 'abdomen',
      recognition: { validityDays: 14, scope: 'group', quality: [] },
    });
    const inGroup = aResult({ itemCode: 'US-ABDOMEN', performingGroupId: site.groupId });
    const sameRegionOtherGroup = aResult({ itemCode: 'US-ABDOMEN' });

    const answer = sut(ultrasound, site, [inGroup, sameRegionOtherGroup], now);

    expect(answer.recognised.map((r) => [r.resultId, r.mark])).toEqual([
      [inGroup.resultId, 'group-recognition'],
    ]);
    expect(answer.notRecognised).toEqual([
      { resultId: sameRegionOtherGroup.resultId, reason: 'outside-group' },
    ]);
  });

  it('lists the recognised newest first', () => {
    const older = aResult({ performedAt: daysAgo(5) });
    const newer = aResult({ performedAt: daysAgo(1) });

    expect(sut(aLabItem(), site, [older, newer], now).recognised.map((r) => r.resultId)).toEqual([
      newer.resultId,
      older.resultId,
    ]);
  });

  it('answers that an item without a recognition rule is never reused', () => {
    expect(sut(aLabItem({ recognition: null }), site, [aResult()], now)).toEqual({
      itemRecognised: false,
      recognised: [],
      notRecognised: [],
    });
  });
});
