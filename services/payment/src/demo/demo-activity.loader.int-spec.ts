import { UnitOfWork } from '@medgrid/database';
import { residentIdCheckCharacter } from '@medgrid/kernel';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { anIdentity, MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { GetFirstContactStatisticsQuery } from '../claims/application/get-first-contact-statistics/get-first-contact-statistics.query';
import { GetFirstContactStatisticsUseCase } from '../claims/application/get-first-contact-statistics/get-first-contact-statistics.use-case';
import { ClaimTypeormRepository } from '../claims/infrastructure/persistence/claim.typeorm-repository';
import { monthPeriod } from '../common/domain/effective-period';
import { type InstitutionLevel } from '../common/domain/insurance';
import { paymentDataSource } from '../database/payment-data-source';
import { FamilyDoctorContractTypeormRepository } from '../enrolment/infrastructure/persistence/family-doctor-contract.typeorm-repository';
import { SettlementRunTypeormRepository } from '../settlement/infrastructure/persistence/settlement-run.typeorm-repository';
import { type DemoActivityReport, DemoActivityLoader } from './demo-activity.loader';
import { type DemoCity, planDemoActivity } from './demo-activity.plan';

/** 10:00 in Guangzhou on 2026-12-05: the demo's months are October, November and December so far. */
const now = new Date('2026-12-05T02:00:00Z');
const LEVELS: InstitutionLevel[] = ['primary', 'primary', 'secondary', 'tertiary'];

/**
 * The demo's loader on a small city (two groups) through the real store: the claims of the three months received
 * by payment's intake, the first contacts as planned, the runs settled but the first group's last month, and
 * nothing added by a second run.
 */
describe(DemoActivityLoader.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: DemoActivityLoader;
  let city: DemoCity;
  let first: DemoActivityReport;
  let groups: string[];
  const said: string[] = [];

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('payment_demo_activity', (url) => paymentDataSource(url, 4));
    uow = new UnitOfWork(database.dataSource);
    const registry = new RegistryViewTypeormRepository(uow);
    const contracts = new FamilyDoctorContractTypeormRepository(uow);
    const [cityId, gridId] = [uuidv7(), uuidv7()];
    await registry.upsertCity({ id: cityId, divisionCode: '440100', name: '广州市' });
    await registry.upsertGrid({ id: gridId, cityId });
    groups = [uuidv7(), uuidv7()];
    for (const [g, groupId] of groups.entries()) {
      const institutions = LEVELS.map(() => uuidv7());
      await registry.upsertGroup({
        id: groupId,
        gridId,
        leadInstitutionId: institutions[3]!,
        members: institutions.map((institutionId, i) => ({
          institutionId,
          role: i === 3 ? 'lead' : 'member',
        })),
        version: 1,
      });
      for (const [i, id] of institutions.entries()) {
        const level = LEVELS[i]!;
        await registry.upsertInstitution({
          id,
          groupId,
          level,
          type: level === 'primary' ? 'community-health-centre' : 'general-hospital',
          version: 1,
        });
      }
      const teamId = uuidv7();
      await registry.upsertTeam({ id: teamId, institutionId: institutions[0]!, groupId, version: 1 });
      for (let n = 0; n < 20; n += 1) {
        const first17 = `44010619580${3 + g}15${String(n).padStart(3, '0')}`;
        await contracts.upsert({
          id: uuidv7(),
          residentIdNumber: first17 + residentIdCheckCharacter(first17),
          teamId,
          status: 'active',
          startDate: '2026-01-01',
          endDate: '2026-12-31',
          endedOn: null,
          diseases: n % 4 ? ['hypertension'] : ['diabetes'],
          version: 1,
        });
      }
    }
    sut = new DemoActivityLoader(uow);
    // The second group is named to be left unsettled: it comes first whatever the ids' order.
    city = { ...(await sut.cityOf(cityId, '2026-12-05', groups[1])), scale: 0.2 };
    first = await sut.load(city, (line) => said.push(line), now);
  }, 120_000);

  afterAll(() => database?.close());

  it('takes the named group first, each group with its institutions and contracts', () => {
    expect(city.groups.map((g) => g.id)).toEqual([groups[1], groups[0]]);
    expect(city.groups.map((g) => g.institutions.length)).toEqual([4, 4]);
    expect(city.contracts).toHaveLength(40);
    expect(city.contracts[0]).toMatchObject({ from: '2026-01-01', until: '2026-12-31' });
  });

  it('receives every planned claim, in each of the three months, for each group', async () => {
    const plan = planDemoActivity(city);
    expect(first.claims).toEqual({ received: plan.claims.length, refused: 0, existing: 0 });
    const rows = await database.dataSource.query<{ group_id: string; month: string; n: string }[]>(
      `SELECT group_id, to_char(service_date, 'YYYY-MM') AS month, count(*) AS n
         FROM claim WHERE region_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
      [city.cityId],
    );
    expect(rows.map((r) => `${r.group_id}:${r.month}`)).toEqual(
      [...groups].sort().flatMap((g) => ['2026-10', '2026-11', '2026-12'].map((m) => `${g}:${m}`)),
    );
    expect(rows.reduce((total, r) => total + Number(r.n), 0)).toBe(plan.claims.length);
  });

  it('counts first contacts per group as planned, the second group below the 70% target', async () => {
    const plan = planDemoActivity(city);
    const statistics = new GetFirstContactStatisticsUseCase(new ClaimTypeormRepository(uow));
    const operator = anIdentity({ role: 'city-operator', institutionId: null, groupId: null });
    for (const group of city.groups) {
      const visits = plan.claims.filter(
        (c) => c.groupId === group.id && c.claim.encounter.kind === 'outpatient',
      );
      const counted = await statistics.execute(
        operator,
        GetFirstContactStatisticsQuery.create({ from: '2026-10-01', until: '2026-12-05', groupId: group.id }),
      );
      expect(counted.total).toMatchObject({
        firstContacts: visits.length,
        referredVisits: 0,
        primaryFirstContacts: visits.filter((c) => c.level === 'primary').length,
      });
    }
    const shares = await Promise.all(
      city.groups.map(async (group) => {
        const counted = await statistics.execute(
          operator,
          GetFirstContactStatisticsQuery.create({
            from: '2026-11-01',
            until: '2026-11-30',
            groupId: group.id,
          }),
        );
        return counted.total.primaryShareBp;
      }),
    );
    expect(shares[0]).toBeGreaterThanOrEqual(7_200);
    expect(shares[1]).toBeLessThan(7_000);
  });

  it('settles October for both groups and November for all but the first, which is left to an operator', async () => {
    const runs = new SettlementRunTypeormRepository(uow);
    const [unsettled, other] = city.groups.map((g) => g.id) as [string, string];
    const october = await runs.findFor(unsettled, monthPeriod('2026-10'));
    const otherOctober = await runs.findFor(other, monthPeriod('2026-10'));
    const otherNovember = await runs.findFor(other, monthPeriod('2026-11'));
    expect(first.settlements).toBe(3);
    expect(october?.result.balance.kind).toBe('surplus');
    expect(otherOctober?.result.balance.kind).toBe('overspend');
    expect(otherNovember?.result.balance.kind).toBe('overspend');
    expect(await runs.findFor(unsettled, monthPeriod('2026-11'))).toBeNull();
    expect(said).toContain(`settlement: 2026-11 of group ${unsettled} is left for an operator to settle`);
  });

  it('adds nothing when run again, and says so', async () => {
    const again: string[] = [];
    const counts = () =>
      database.dataSource.query<{ claims: string; runs: string; outbox: string }[]>(
        `SELECT (SELECT count(*) FROM claim) AS claims, (SELECT count(*) FROM settlement_run) AS runs,
                (SELECT count(*) FROM outbox) AS outbox`,
      );
    const before = await counts();

    const report = await sut.load(city, (line) => again.push(line), now);

    expect(report).toEqual({
      rules: { table: false, policy: false, capitation: false },
      residentsCovered: 0,
      claims: { received: 0, refused: 0, existing: first.claims.received },
      budgets: 0,
      settlements: 0,
    });
    expect(await counts()).toEqual(before);
    expect(again.join('\n')).toMatch(/claims: all \d+ there already/);
    expect(again.join('\n')).toMatch(/every planned run is there already/);
  });
});
