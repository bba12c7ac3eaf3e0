import { AtomicInserts, UnitOfWork } from '@medgrid/database';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { labSharingDataSource } from '../../../database/lab-sharing-data-source';
import { type RecognisedResult } from '../../domain/already-done';
import { RecognitionErrorCode } from '../../domain/recognition-error';
import { RecognitionLookup } from '../../domain/recognition-lookup';
import { RecognitionLookupTypeormRepository } from './recognition-lookup.typeorm-repository';

const at = new Date('2026-12-04T02:00:00Z');
const offer = (): RecognisedResult => ({
  resultId: uuidv7(),
  performedAt: new Date('2026-12-02T00:00:00Z'),
  performingInstitutionId: uuidv7(),
  mark: 'regional-recognition',
  validUntil: new Date('2026-12-09T00:00:00Z'),
});

describe(RecognitionLookupTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let sut: RecognitionLookupTypeormRepository;
  const groupId = uuidv7();
  const site = { institutionId: uuidv7(), practitionerId: uuidv7() };

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('lab_sharing_recognition_lookup', (url) =>
      labSharingDataSource(url, 4),
    );
    uow = new UnitOfWork(database.dataSource);
    sut = new RecognitionLookupTypeormRepository(uow);
  });

  afterAll(() => database?.close());

  const lookUp = async (offered: RecognisedResult[], itemCode = 'LAB-GLU', when = at) => {
    const lookup = RecognitionLookup.record(
      {
        id: uuidv7(),
        groupId,
        patientResidentId: '11010519491231002X',
        itemCode,
        orderingInstitutionId: site.institutionId,
      },
      offered,
      when,
    );
    const inserts = new AtomicInserts();
    sut.stage(inserts, lookup);
    await inserts.write(database.dataSource.manager);
    return lookup;
  };

  it('stages a look-up with what it offered for a one-statement write, and reads it back', async () => {
    const lookup = await lookUp([offer(), offer()]);
    expect((await sut.find(lookup.id, false))?.snapshot()).toEqual(lookup.snapshot());
    expect(await sut.find(uuidv7(), false)).toBeNull();
  });

  it('stores a decision from the version read, and refuses a second writer from the same read', async () => {
    const lookup = await lookUp([offer()]);
    const reused = offer();
    await uow.run(async () => {
      const read = (await sut.find(lookup.id, true))!;
      read.orderAnyway('患者要求复查', site, at);
      await sut.update(read, 1);
    });
    expect((await sut.find(lookup.id, false))?.snapshot()).toMatchObject({
      outcome: 'ordered-anyway',
      reason: '患者要求复查',
      decidedBy: site.practitionerId,
      version: 2,
    });
    const stale = RecognitionLookup.restore({ ...lookup.snapshot(), offered: [reused] });
    stale.reuse(reused.resultId, site, at);
    await expect(uow.run(() => sut.update(stale, 1))).rejects.toMatchObject({
      code: RecognitionErrorCode.AlreadyDecided,
    });
  });

  it('tells whether a look-up of an institution offered a result', async () => {
    const offered = offer();
    await lookUp([offer(), offered]);

    expect(await sut.wasOffered(site.institutionId, offered.resultId)).toBe(true);
    expect(await sut.wasOffered(site.institutionId, uuidv7())).toBe(false);
    expect(await sut.wasOffered(uuidv7(), offered.resultId)).toBe(false);
  });

  it("finds a site's latest look-up of a patient and item since an instant", async () => {
    const item = `LAB-${uuidv7().slice(-8).toUpperCase()}`;
    await lookUp([], item, new Date('2026-12-03T00:00:00Z'));
    const latest = await lookUp([offer()], item, at);

    expect((await sut.latestFor(site.institutionId, '11010519491231002X', item, at))?.id).toBe(latest.id);
    expect(
      await sut.latestFor(site.institutionId, '11010519491231002X', item, new Date(at.getTime() + 1)),
    ).toBeNull();
    expect(await sut.latestFor(uuidv7(), '11010519491231002X', item, at)).toBeNull();
  });

  it('counts look-ups per institution and item by outcome, for a group or all', async () => {
    const item = `LAB-${uuidv7().slice(-8).toUpperCase()}`;
    await lookUp([], item);
    const reused = await lookUp([offer()], item);
    await lookUp([offer()], item);
    await uow.run(async () => {
      const read = (await sut.find(reused.id, true))!;
      read.reuse(reused.snapshot().offered[0]!.resultId, site, at);
      await sut.update(read, 1);
    });

    const tallies = (await sut.tally(groupId, at)).filter((t) => t.itemCode === item);
    expect(tallies).toEqual([
      {
        institutionId: site.institutionId,
        itemCode: item,
        outcomes: { 'nothing-offered': 1, pending: 1, reused: 1, 'ordered-anyway': 0 },
      },
    ]);
    expect((await sut.tally(uuidv7(), at)).length).toBe(0);
    expect((await sut.tally(null, at)).some((t) => t.itemCode === item)).toBe(true);
  });
});
