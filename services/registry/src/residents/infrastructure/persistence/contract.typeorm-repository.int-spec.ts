import { type UnitOfWork } from '@medgrid/database';
import { lockOrder } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type RegistryFixtures, RegistryTestDatabase } from '../../../test/registry-fixtures';
import { Contract, type ContractSnapshot } from '../../domain/contract';
import { ContractTypeormRepository } from './contract.typeorm-repository';

describe(ContractTypeormRepository.name, () => {
  let db: RegistryTestDatabase;
  let uow: UnitOfWork;
  let given: RegistryFixtures;
  let sut: ContractTypeormRepository;

  beforeAll(async () => {
    db = await RegistryTestDatabase.create('contract_repository');
    uow = db.uow;
    given = db.given;
    sut = new ContractTypeormRepository(db.uow);
  });

  afterAll(() => db?.close());

  /** A resident of a grid whose group has a team at a centre. */
  async function aResidentAndTeam() {
    const grid = await given.grid();
    const centre = await given.institution({ gridId: grid.id, groupId: uuidv7() });
    const team = await given.team({ id: centre.id, groupId: centre.groupId! });
    const resident = await given.resident(grid.id);
    return { resident, team };
  }

  async function aContract(details: Partial<ContractSnapshot> = {}): Promise<ContractSnapshot> {
    const { resident, team } = await aResidentAndTeam();
    return {
      id: uuidv7(),
      residentId: resident.id,
      teamId: team.id,
      groupId: team.groupId,
      startDate: '2027-03-01',
      endDate: '2028-02-29',
      tags: ['elderly', 'hypertension'],
      status: 'active',
      endedAt: null,
      version: 1,
      ...details,
    };
  }

  it('stores a contract and reads back every field, and nothing for an unknown id', async () => {
    const active = await aContract();
    const ended = await aContract({
      tags: [],
      status: 'ended',
      endedAt: new Date('2027-06-01T02:00:00Z'),
      version: 3,
    });

    await sut.insert(Contract.restore(active));
    await sut.insert(Contract.restore(ended));

    expect((await sut.findById(active.id))?.snapshot()).toEqual(active);
    expect((await sut.findById(ended.id))?.snapshot()).toEqual(ended);
    expect(await sut.findById(uuidv7())).toBeNull();
  });

  it('refuses a second active contract of a resident, naming residentId; an ended one may stay beside it', async () => {
    const first = await aContract({ status: 'ended', endedAt: new Date('2027-01-01T00:00:00Z') });
    await sut.insert(Contract.restore(first));
    const second = { ...first, id: uuidv7(), status: 'active' as const, endedAt: null };
    await sut.insert(Contract.restore(second));

    await expect(sut.insert(Contract.restore({ ...second, id: uuidv7() }))).rejects.toMatchObject({
      code: 'RESIDENT_ALREADY_HAS_ACTIVE_CONTRACT',
      violations: [expect.objectContaining({ field: 'residentId' })],
    });
  });

  it('stores many contracts in one go, every field of each, tags of any length; none is nothing to do', async () => {
    const batch = [
      await aContract({ tags: [] }),
      await aContract({ tags: ['child'] }),
      await aContract({ tags: ['elderly', 'diabetes', 'hypertension'] }),
    ];

    await sut.insertMany(batch.map((c) => Contract.restore(c)));
    await sut.insertMany([]);

    for (const contract of batch) expect((await sut.findById(contract.id))?.snapshot()).toEqual(contract);
  });

  it('refuses a batch giving a resident a second active contract as a whole, naming residentId', async () => {
    const existing = await aContract();
    await sut.insert(Contract.restore(existing));
    const fresh = await aContract();

    await expect(
      uow.run(() =>
        sut.insertMany([Contract.restore(fresh), Contract.restore({ ...existing, id: uuidv7() })]),
      ),
    ).rejects.toMatchObject({
      code: 'RESIDENT_ALREADY_HAS_ACTIVE_CONTRACT',
      violations: [expect.objectContaining({ field: 'residentId' })],
    });
    expect(await sut.findById(fresh.id)).toBeNull();
  });

  it('finds a resident’s active contract, not an ended one', async () => {
    const ended = await aContract({ status: 'ended', endedAt: new Date('2027-01-01T00:00:00Z') });
    await sut.insert(Contract.restore(ended));

    expect(await sut.findActive(ended.residentId)).toBeNull();

    const active = { ...ended, id: uuidv7(), status: 'active' as const, endedAt: null };
    await sut.insert(Contract.restore(active));

    expect((await sut.findActive(ended.residentId))?.snapshot()).toEqual(active);
  });

  it('updates status, end time and version at the version it was read at', async () => {
    const stored = await aContract();
    await sut.insert(Contract.restore(stored));
    const contract = Contract.restore(stored);
    contract.end(new Date('2027-05-01T03:00:00Z'));

    await sut.update(contract, 1);

    expect((await sut.findById(stored.id))?.snapshot()).toEqual(contract.snapshot());
    expect(contract.snapshot()).toMatchObject({ status: 'ended', version: 2 });
  });

  it('refuses to update a contract that changed since it was read, changing nothing', async () => {
    const stored = await aContract();
    await sut.insert(Contract.restore(stored));
    const first = Contract.restore(stored);
    first.end(new Date('2027-05-01T03:00:00Z'));
    await sut.update(first, 1);
    const stale = Contract.restore(stored);
    stale.expire('2028-03-01');

    await expect(sut.update(stale, 1)).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect((await sut.findById(stored.id))?.snapshot()).toEqual(first.snapshot());
  });

  it.each([
    ['by id', (c: ContractSnapshot) => sut.findById(c.id, true)],
    ['as the resident’s active one', (c: ContractSnapshot) => sut.findActive(c.residentId, true)],
  ])('holds a contract read for update %s until its transaction ends', async (_, read) => {
    const stored = await aContract();
    await sut.insert(Contract.restore(stored));
    let seen = '';

    const order = await lockOrder(
      (letGo, locked) =>
        uow.run(async () => {
          const contract = (await read(stored))!;
          locked();
          await letGo;
          contract.end(new Date('2027-05-01T03:00:00Z'));
          await sut.update(contract, 1);
        }),
      () =>
        uow.run(async () => {
          seen = (await sut.findById(stored.id, true))!.snapshot().status;
        }),
    );

    expect(order).toEqual(['released', 'holder done', 'waiter done']);
    expect(seen).toBe('ended');
  });
});
