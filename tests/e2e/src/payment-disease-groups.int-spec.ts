import { status } from '@grpc/grpc-js';
import { localDate } from '@medgrid/kernel';
import { anIdentity } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { fails } from './grpc-call';
import { PaymentHarness } from './payment-harness';

const DAY = 86_400_000;
const levelFactors = { primaryBp: 8000, secondaryBp: 9000, tertiaryBp: 10_000 };

/**
 * A fund's own disease-group points (DIP) as its city's insurance administration keeps them over gRPC: the starter
 * groups loaded, a successor put from tomorrow, each read on its date, and a bad table refused whole.
 */
describe('payment: a fund’s disease-group points', () => {
  const h = new PaymentHarness();
  const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });
  let regionId: string;

  beforeAll(async () => {
    await h.start('payment_disease_groups');
    ({ regionId } = await h.completeGroup());
  });
  afterAll(() => h.stop());

  it('loads the starter groups, puts a successor from tomorrow and reads each on its date', async () => {
    const loaded = await h.call(
      h.rules,
      h.rules.loadStarterDiseaseGroupTable,
      { clientRequestId: uuidv7(), regionId, fromVersion: 0, effectiveFrom: '2020-01-01', levelFactors },
      operator,
    );
    expect(loaded.table).toMatchObject({ regionId, version: 1, levelFactors });
    expect(loaded.table!.groups).toHaveLength(12);

    const today = localDate(new Date());
    const tomorrow = localDate(new Date(Date.now() + DAY));
    const groups = loaded.table!.groups.flatMap((g) =>
      g.code === 'E11'
        ? [
            { ...g, until: tomorrow },
            { ...g, from: tomorrow, points: 130 },
          ]
        : [g],
    );
    const put = await h.call(
      h.rules,
      h.rules.putDiseaseGroupTable,
      { clientRequestId: uuidv7(), regionId, fromVersion: 1, groups, levelFactors },
      operator,
    );
    expect(put.table).toMatchObject({ version: 2 });

    const on = async (date: string) =>
      (await h.call(h.rules, h.rules.getDiseaseGroupTable, { regionId, on: date }, operator)).table!;
    expect((await on(today)).groups.find((g) => g.code === 'E11')).toMatchObject({ points: 120 });
    expect((await on(tomorrow)).groups.find((g) => g.code === 'E11')).toMatchObject({
      points: 130,
      until: '',
    });
    expect(await on(tomorrow)).toMatchObject({ version: 2, on: tomorrow });
  });

  it('refuses a bad table whole, every bad row named, and a change to what is in force', async () => {
    const { table } = await h.call(
      h.rules,
      h.rules.getDiseaseGroupTable,
      { regionId, on: localDate(new Date()) },
      operator,
    );
    const [first] = table!.groups;
    const bad = await fails(
      h.call(
        h.rules,
        h.rules.putDiseaseGroupTable,
        {
          clientRequestId: uuidv7(),
          regionId,
          fromVersion: 2,
          groups: [
            { ...first!, points: 0 },
            { ...first!, code: 'bad code!' },
          ],
          levelFactors: { ...levelFactors, primaryBp: 12_000 },
        },
        operator,
      ),
    );
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
    expect(bad.fieldViolations.map((v) => v.field)).toEqual(
      expect.arrayContaining(['groups[0].points', 'groups[1].code', 'levelFactorBp.primary']),
    );

    const retroactive = await fails(
      h.call(
        h.rules,
        h.rules.putDiseaseGroupTable,
        {
          clientRequestId: uuidv7(),
          regionId,
          fromVersion: 2,
          groups: table!.groups.map((g, i) => (i === 0 ? { ...g, points: g.points + 1 } : g)),
          levelFactors,
        },
        operator,
      ),
    );
    expect(retroactive).toMatchObject({ code: status.INVALID_ARGUMENT, reason: 'RETROACTIVE_CHANGE' });
    const after = await h.call(
      h.rules,
      h.rules.getDiseaseGroupTable,
      { regionId, on: '2020-06-01' },
      operator,
    );
    expect(after.table!.version).toBe(2);
  });
});
