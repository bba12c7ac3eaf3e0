import { setTimeout as sleep } from 'node:timers/promises';
import { UnitOfWork } from '@medgrid/database';
import { aResidentId, TestDatabase } from '@medgrid/testing';
import { type DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { referralDataSource } from '../../../database/referral-data-source';
import {
  DEFAULT_REFERRAL_RULES,
  type NewDownwardReferral,
  type NewUpwardReferral,
  Referral,
  type ReferralSnapshot,
  type SubmissionAssessment,
} from '../../domain/referral';
import { type ReferralActor } from '../../domain/referral-actor';
import { type ReferralFilter } from '../../domain/referral.repository';
import { ReferralTypeormRepository } from './referral.typeorm-repository';

const t0 = new Date('2027-03-01T01:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const NO_FILTER: ReferralFilter = {
  institutionId: '',
  patientResidentId: '',
  status: null,
  direction: null,
  createdFrom: null,
  createdTo: null,
  overdueAt: null,
};

/** A group of its own per test, so tests share the database and nothing else. */
function aGroup() {
  const group = { groupId: uuidv7(), centre: uuidv7(), hospital: uuidv7(), department: uuidv7() };
  const centreStaff: ReferralActor = { subject: 'dr-li', institutionId: group.centre, role: 'primary-staff' };
  const hospitalStaff: ReferralActor = {
    subject: 'dr-wang',
    institutionId: group.hospital,
    role: 'hospital-staff',
  };
  const upward = (overrides: Partial<NewUpwardReferral> = {}): NewUpwardReferral => ({
    id: uuidv7(),
    groupId: group.groupId,
    clientRequestId: uuidv7(),
    patientResidentId: aResidentId(),
    referringInstitutionId: group.centre,
    receivingInstitutionId: '',
    receivingDepartmentId: '',
    specialtyCode: '',
    icd10Code: 'I10',
    reason: 'uncontrolled hypertension',
    indicationCodes: ['HTN_SEVERE'],
    justification: '',
    results: [{ kind: 'lab', resultId: 'lab-1', summary: 'K 3.1' }],
    ...overrides,
  });
  const assessment: SubmissionAssessment = {
    receivingInstitutionId: group.hospital,
    receivingDepartmentId: group.department,
    specialtyCode: '03.04',
    matchedIndicationCodes: ['HTN_SEVERE'],
    withoutIndication: false,
    greenChannel: 'none',
    contractedPriority: true,
    centreDepartmentId: '',
  };
  const submitted = (now = t0, overrides: Partial<NewUpwardReferral> = {}) => {
    const referral = Referral.draft(upward(overrides), centreStaff, now);
    referral.submit(assessment, DEFAULT_REFERRAL_RULES, centreStaff, now, { clientRequestId: uuidv7() });
    return referral;
  };
  const downward = (): NewDownwardReferral => ({
    id: uuidv7(),
    groupId: group.groupId,
    clientRequestId: uuidv7(),
    patientResidentId: aResidentId(),
    referringInstitutionId: group.hospital,
    receivingInstitutionId: group.centre,
    icd10Code: 'I10',
    reason: 'blood pressure controlled',
    metCriteriaCodes: ['HTN_STABLE'],
    withoutIndication: false,
    justification: '',
    results: [],
    upwardReferralId: uuidv7(),
    treatmentPlan: {
      diagnosisCodes: ['I10'],
      medications: [{ name: '氨氯地平', drugCode: '', dose: '5 mg', frequency: 'qd', days: 60 }],
      followUps: [{ dueDate: '2027-03-15', item: 'blood pressure' }],
      warningSigns: ['BP above 180/110'],
      notes: '',
    },
  });
  return { ...group, centreStaff, hospitalStaff, upward, assessment, submitted, downward };
}

describe(ReferralTypeormRepository.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let uow: UnitOfWork;
  let sut: ReferralTypeormRepository;

  beforeAll(async () => {
    database = await TestDatabase.create('referral_repository');
    dataSource = referralDataSource(database.url, 4);
    await dataSource.initialize();
    await dataSource.runMigrations();
    uow = new UnitOfWork(dataSource);
    sut = new ReferralTypeormRepository(uow);
  });

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await database?.drop();
  });

  const insert = (referral: Referral) => uow.run(() => sut.insert(referral));
  const update = (referral: Referral) => uow.run(() => sut.update(referral));
  const read = async (id: string) => (await sut.findById(id, false))!.snapshot();

  it('has no history position before the first change', async () => {
    expect(await sut.lastSeq()).toBe(0);
  });

  it('stores a draft and reads back every field, its missing receiver as empty', async () => {
    const g = aGroup();
    const draft = Referral.draft(g.upward(), g.centreStaff, t0);

    const stored = await insert(draft);

    expect(await read(draft.id)).toEqual(draft.snapshot());
    expect(draft.snapshot().receivingInstitutionId).toBe('');
    expect(
      await dataSource.query(`SELECT receiving_institution_id FROM referral WHERE id = $1`, [draft.id]),
    ).toEqual([{ receiving_institution_id: null }]);
    expect(stored).toEqual([expect.objectContaining({ action: 'draft', seq: 0 })]);
    expect(await sut.history(draft.id)).toEqual([{ ...stored[0], seq: await sut.lastSeq() }]);
  });

  it('stores a submitted, scheduled upward and an issued downward referral field for field', async () => {
    const g = aGroup();
    const upward = g.submitted();
    upward.accept(g.hospitalStaff, at(1));
    upward.schedule({ bookingId: uuidv7(), sessionId: uuidv7(), pool: 'reserved' }, at(2));
    upward.breachDeadline(at(49 * 60));
    const downward = Referral.issue(g.downward(), g.hospitalStaff, t0);

    await insert(upward);
    await insert(downward);

    expect(await read(upward.id)).toEqual(upward.snapshot());
    expect(await read(downward.id)).toEqual(downward.snapshot());
    expect((await read(upward.id)).slot).toMatchObject({ pool: 'reserved', waitlisted: false });
  });

  it('updates every changed field and appends the new history entries in order, positioned at commit', async () => {
    const g = aGroup();
    const referral = Referral.draft(g.upward(), g.centreStaff, t0);
    await insert(referral);
    const green = { ...g.assessment, greenChannel: 'chest-pain' as const, centreDepartmentId: 'cpc' };
    referral.submit(green, DEFAULT_REFERRAL_RULES, g.centreStaff, at(5), { clientRequestId: uuidv7() });

    const stored = await update(referral);

    expect(await read(referral.id)).toEqual(referral.snapshot());
    expect(stored.map((entry) => entry.action)).toEqual(['submit', 'accept']);
    // Positions are handed out as the transaction commits: none yet in what the write returns.
    expect(stored.map((entry) => entry.seq)).toEqual([0, 0]);
    const history = await sut.history(referral.id);
    expect(history).toEqual([
      expect.objectContaining({ action: 'draft', from: null, to: 'draft', actor: g.centreStaff }),
      ...stored.map((entry) => ({ ...entry, seq: expect.any(Number) as number })),
    ]);
    expect(history[1]!.seq).toBeGreaterThan(history[0]!.seq);
    expect(history[2]!.seq).toBe(history[1]!.seq + 1);
  });

  it('refuses to update a referral that changed since it was read, changing nothing', async () => {
    const g = aGroup();
    const referral = g.submitted();
    await insert(referral);
    const first = (await sut.findById(referral.id, false))!;
    const second = (await sut.findById(referral.id, false))!;
    first.accept(g.hospitalStaff, at(1));
    await update(first);
    second.decline(g.hospitalStaff, 'no bed', at(2));

    await expect(update(second)).rejects.toThrow(/not at version 2/);
    expect(await read(referral.id)).toEqual(first.snapshot());
    expect((await sut.history(referral.id)).map((entry) => entry.action)).toEqual([
      'draft',
      'submit',
      'accept',
    ]);
  });

  it('holds a referral read for update until its transaction ends; the next reader sees its change', async () => {
    const g = aGroup();
    const stored = g.submitted();
    await insert(stored);
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));

    const first = uow.run(async () => {
      const referral = (await sut.findById(stored.id, true))!;
      order.push('first read');
      await held;
      referral.accept(g.hospitalStaff, at(1));
      await sut.update(referral);
      order.push('first wrote');
    });
    await sleep(50);
    const second = uow.run(async () => {
      const referral = (await sut.findById(stored.id, true))!;
      order.push(`second read ${referral.status}`);
    });
    await sleep(200);
    order.push('released');
    release();
    await Promise.all([first, second]);

    expect(order).toEqual(['first read', 'released', 'first wrote', 'second read accepted']);
  });

  it('reads nothing for an unknown referral', async () => {
    expect(await sut.findById(uuidv7(), false)).toBeNull();
    expect(await sut.history(uuidv7())).toEqual([]);
  });

  it('lists what the caller may see, newest first, page by page, narrowed by each filter', async () => {
    const g = aGroup();
    const other = aGroup();
    const patient = aResidentId();
    const a = g.submitted(at(1), { patientResidentId: patient });
    const b = g.submitted(at(2));
    const c = Referral.issue(g.downward(), g.hospitalStaff, at(3));
    const d = Referral.draft(g.upward(), g.centreStaff, at(4));
    const foreign = other.submitted(at(2));
    for (const referral of [a, b, c, d, foreign]) await insert(referral);
    const ids = (snapshots: ReferralSnapshot[]) => snapshots.map((s) => s.id);
    const group = { kind: 'group', groupId: g.groupId } as const;
    const list = (filter: Partial<ReferralFilter>, visibility = group as Parameters<typeof sut.list>[0]) =>
      sut.list(visibility, { ...NO_FILTER, ...filter }, null, 10).then(ids);

    expect(await list({})).toEqual([d.id, c.id, b.id, a.id]);
    const firstPage = await sut.list(group, NO_FILTER, null, 2);
    const last = firstPage[1]!;
    expect(ids(firstPage)).toEqual([d.id, c.id]);
    expect(ids(await sut.list(group, NO_FILTER, { createdAt: last.createdAt, id: last.id }, 2))).toEqual([
      b.id,
      a.id,
    ]);
    expect(await list({}, { kind: 'institution', institutionId: g.centre })).toEqual([
      d.id,
      c.id,
      b.id,
      a.id,
    ]);
    expect(await list({}, { kind: 'institution', institutionId: g.hospital })).toEqual([c.id, b.id, a.id]);
    expect(await list({}, { kind: 'institution', institutionId: other.hospital })).toEqual([foreign.id]);
    expect((await list({}, { kind: 'all' })).filter((id) => id === foreign.id || id === a.id)).toEqual([
      foreign.id,
      a.id,
    ]);
    expect(await list({ institutionId: g.hospital })).toEqual([c.id, b.id, a.id]);
    expect(
      await list({ institutionId: g.hospital }, { kind: 'institution', institutionId: g.centre }),
    ).toEqual([c.id, b.id, a.id]);
    expect(await list({ patientResidentId: patient })).toEqual([a.id]);
    expect(await list({ status: 'draft' })).toEqual([d.id]);
    expect(await list({ direction: 'downward' })).toEqual([c.id]);
    expect(await list({ createdFrom: at(2), createdTo: at(4) })).toEqual([c.id, b.id]);
    // due 48 hours after submission: a at 48h + 1 min, b at 48h + 2 min
    expect(await list({ overdueAt: at(48 * 60 + 2) })).toEqual([a.id]);
    expect(await list({ overdueAt: at(48 * 60 + 3) })).toEqual([b.id, a.id]);
  });

  it('gives the changes after a position, oldest first, each with its referral, only those visible', async () => {
    const g = aGroup();
    const other = aGroup();
    const from = await sut.lastSeq();
    const mine = g.submitted();
    await insert(mine);
    await insert(other.submitted());
    mine.accept(g.hospitalStaff, at(1));
    await update(mine);

    const all = await sut.changesAfter({ kind: 'all' }, from, 10);
    const visible = await sut.changesAfter({ kind: 'institution', institutionId: g.hospital }, from, 10);
    const firstTwo = await sut.changesAfter({ kind: 'group', groupId: g.groupId }, from, 2);

    expect(all).toHaveLength(5);
    expect(all.map((change) => change.entry.seq)).toEqual(
      [...all.map((c) => c.entry.seq)].sort((x, y) => x - y),
    );
    expect(visible.map((change) => change.entry.action)).toEqual(['draft', 'submit', 'accept']);
    expect(
      visible.every((change) => change.referral.id === mine.id && change.referral.status === 'accepted'),
    ).toBe(true);
    expect(visible[2]!.referral).toEqual(mine.snapshot());
    expect(firstTwo.map((change) => change.entry.action)).toEqual(['draft', 'submit']);
    expect(await sut.changesAfter({ kind: 'all' }, all[4]!.entry.seq, 10)).toEqual([]);
    expect(await sut.lastSeq()).toBe(all[4]!.entry.seq);
  });

  it('finds overdue referrals not yet flagged, and those waiting past the expiry cutoff', async () => {
    const g = aGroup();
    const early = g.submitted(at(-60 * 24 * 30));
    const late = g.submitted(at(-60 * 24 * 30 + 1));
    const flagged = g.submitted(at(-60 * 24 * 30 + 2));
    flagged.breachDeadline(at(-60 * 24 * 20));
    const arrived = g.submitted(at(-60 * 24 * 30 + 3));
    arrived.accept(g.hospitalStaff, at(-60 * 24 * 30 + 4));
    arrived.arrive(g.hospitalStaff, at(-60 * 24 * 30 + 5));
    const fresh = g.submitted(at(0));
    for (const referral of [early, late, flagged, arrived, fresh]) await insert(referral);
    const mine = (ids: string[]) =>
      ids.filter((id) => [early, late, flagged, arrived, fresh].some((r) => r.id === id));

    expect(mine(await sut.overdueUnflagged(at(1), 1000))).toEqual([early.id, late.id, arrived.id]);
    expect(mine(await sut.submittedBefore(at(-60 * 24 * 30 + 2), 1000))).toEqual([
      early.id,
      late.id,
      flagged.id,
    ]);
    const counts = await sut.overdueCounts(at(1));
    expect(counts.get(g.groupId)).toBe(4);
  });

  it('counts referrals per group, direction and status', async () => {
    const g = aGroup();
    await insert(g.submitted());
    await insert(g.submitted());
    await insert(Referral.draft(g.upward(), g.centreStaff, t0));
    await insert(Referral.issue(g.downward(), g.hospitalStaff, t0));

    const counts = (await sut.statusCounts()).filter((count) => count.groupId === g.groupId);

    expect(counts).toEqual(
      expect.arrayContaining([
        { groupId: g.groupId, direction: 'upward', status: 'submitted', count: 2 },
        { groupId: g.groupId, direction: 'upward', status: 'draft', count: 1 },
        { groupId: g.groupId, direction: 'downward', status: 'issued', count: 1 },
      ]),
    );
    expect(counts).toHaveLength(3);
  });

  it('counts sent referrals per Shanghai month, group and direction, with the 48-hour outcome, as the caller sees them', async () => {
    const g = aGroup();
    const other = aGroup();
    // 23:00 on 28 February in Shanghai, and 01:00 on 1 March: either side of the local month's start.
    const lateFebruary = new Date('2027-02-28T15:00:00Z');
    const earlyMarch = new Date('2027-02-28T17:00:00Z');
    const handled = g.submitted(lateFebruary);
    handled.accept(g.hospitalStaff, at(-600));
    handled.arrive(g.hospitalStaff, at(-500));
    handled.complete(g.hospitalStaff, at(-400));
    const breached = g.submitted(earlyMarch);
    breached.breachDeadline(at(60 * 48));
    const declined = g.submitted(t0);
    declined.decline(g.hospitalStaff, 'no bed', at(10));
    const green = Referral.draft(g.upward(), g.centreStaff, t0);
    green.submit({ ...g.assessment, greenChannel: 'chest-pain' }, DEFAULT_REFERRAL_RULES, g.centreStaff, t0, {
      clientRequestId: uuidv7(),
    });
    const draft = Referral.draft(g.upward(), g.centreStaff, t0);
    const down = Referral.issue(g.downward(), g.hospitalStaff, t0);
    const elsewhere = other.submitted(t0);
    const outside = g.submitted(new Date('2027-04-01T00:00:00Z'));
    for (const r of [handled, breached, declined, green, draft, down, elsewhere, outside]) await insert(r);
    const march = {
      createdFrom: new Date('2027-01-31T16:00:00Z'),
      createdBefore: new Date('2027-03-31T16:00:00Z'),
    };
    const row = (month: string, groupId: string, direction: 'upward' | 'downward', counts: object) => ({
      month,
      groupId,
      direction,
      referrals: 0,
      handledInTime: 0,
      breached: 0,
      declined: 0,
      greenChannel: 0,
      ...counts,
    });

    const ofGroup = await sut.monthlyFigures(
      { kind: 'group', groupId: g.groupId },
      {
        ...march,
        groupId: null,
        institutionId: null,
      },
    );
    const narrowed = await sut.monthlyFigures(
      { kind: 'all' },
      {
        ...march,
        groupId: other.groupId,
        institutionId: null,
      },
    );
    const byInstitution = await sut.monthlyFigures(
      { kind: 'institution', institutionId: g.centre },
      { ...march, groupId: null, institutionId: other.centre },
    );

    expect(ofGroup).toEqual([
      row('2027-02', g.groupId, 'upward', { referrals: 1, handledInTime: 1 }),
      row('2027-03', g.groupId, 'upward', { referrals: 3, breached: 1, declined: 1, greenChannel: 1 }),
      row('2027-03', g.groupId, 'downward', { referrals: 1 }),
    ]);
    expect(narrowed).toEqual([row('2027-03', other.groupId, 'upward', { referrals: 1 })]);
    expect(byInstitution).toEqual([]);
  });

  it('hands out history positions in commit order, without making one writer wait for another', async () => {
    const g = aGroup();
    const first = g.submitted();
    const second = g.submitted();
    await insert(first);
    await insert(second);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    first.accept(g.hospitalStaff, at(1));
    second.accept(g.hospitalStaff, at(1));
    const order: string[] = [];
    const from = await sut.lastSeq();

    // The first writer inserts its entry first and commits last; the second is not held up by it.
    const slow = uow.run(async () => {
      await sut.update(first);
      await held;
      order.push('first committed');
    });
    await sleep(50);
    await uow.run(async () => {
      await sut.update(second);
    });
    order.push('second committed');
    const seenBetween = await sut.changesAfter({ kind: 'all' }, from, 10);
    release();
    await slow;

    const seen = await sut.changesAfter({ kind: 'all' }, from, 10);
    expect(order).toEqual(['second committed', 'first committed']);
    expect(seenBetween.map((change) => change.referral.id)).toEqual([second.id]);
    // A watcher that read the second's position never meets the first's below it.
    expect(seen.map((change) => change.referral.id)).toEqual([second.id, first.id]);
    expect(seen[1]!.entry.seq).toBeGreaterThan(seen[0]!.entry.seq);
    expect(seen[0]!.entry.seq).toBeGreaterThan(from);
  });
});
