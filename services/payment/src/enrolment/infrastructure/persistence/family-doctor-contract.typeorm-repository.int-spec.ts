import { peopleV1, type residentEventsV1 } from '@medgrid/contracts';
import { UnitOfWork } from '@medgrid/database';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { paymentDataSource } from '../../../database/payment-data-source';
import { aResidentId } from '../../test/enrolment.factory';
import { PaymentContractChangedKafkaConsumer } from '../../interface/kafka/contract-changed.kafka.consumer';
import { FamilyDoctorContractTypeormRepository } from './family-doctor-contract.typeorm-repository';

const { PopulationTag: Tag, ContractStatus: Status } = peopleV1;

/**
 * Contracts as the registry announces them, through payment's consumer (the shared view and payment's own rows),
 * read back as a claim's contract on its service date and as who a group manages, overall and per disease.
 */
describe(FamilyDoctorContractTypeormRepository.name, () => {
  let database: MigratedTestDatabase;
  let uow: UnitOfWork;
  let registry: RegistryViewTypeormRepository;
  let sut: FamilyDoctorContractTypeormRepository;
  let consumer: PaymentContractChangedKafkaConsumer;

  beforeAll(async () => {
    database = await MigratedTestDatabase.create('payment_contracts', (url) => paymentDataSource(url, 2));
    uow = new UnitOfWork(database.dataSource);
    registry = new RegistryViewTypeormRepository(uow);
    sut = new FamilyDoctorContractTypeormRepository(uow);
    consumer = new PaymentContractChangedKafkaConsumer(registry, sut);
  });

  afterAll(() => database?.close());

  async function aTeam(groupId: string): Promise<{ teamId: string; institutionId: string }> {
    const [teamId, institutionId] = [uuidv7(), uuidv7()];
    await registry.upsertTeam({ id: teamId, institutionId, groupId, version: 1 });
    return { teamId, institutionId };
  }

  function contractChanged(
    residentIdNumber: string,
    teamId: string,
    overrides: Partial<peopleV1.Contract> = {},
  ): residentEventsV1.ContractChanged {
    return {
      residentIdNumber,
      contract: {
        id: uuidv7(),
        residentId: uuidv7(),
        teamId,
        groupId: '',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        tags: [],
        status: Status.CONTRACT_STATUS_ACTIVE,
        endedAt: undefined,
        version: 1,
        ...overrides,
      },
    } as residentEventsV1.ContractChanged;
  }

  it('answers the institutions of the contracts in force on the service date, an early end and expiry read by date', async () => {
    const groupId = uuidv7();
    const [a, b] = [await aTeam(groupId), await aTeam(groupId)];
    const resident = aResidentId(101);
    const ended = contractChanged(resident, a.teamId, {
      status: Status.CONTRACT_STATUS_ENDED,
      endedAt: new Date('2026-06-10T02:00:00Z'),
      version: 2,
    });
    await uow.run(() => consumer.handle(ended));
    await uow.run(() =>
      consumer.handle(contractChanged(resident, b.teamId, { status: Status.CONTRACT_STATUS_EXPIRED })),
    );

    expect((await sut.contractedInstitutionsOn(resident, '2026-06-09')).sort()).toEqual(
      [a.institutionId, b.institutionId].sort(),
    );
    expect(await sut.contractedInstitutionsOn(resident, '2026-06-10')).toEqual([b.institutionId]);
    expect(await sut.contractedInstitutionsOn(resident, '2027-01-01')).toEqual([]);
    // The shared view's read is "active now": neither contract counts there, which is why payment keeps its own.
    expect(await registry.contractedInstitutions(resident, '2026-06-09')).toEqual([]);
  });

  it('keeps the newest version: a replayed older one changes nothing', async () => {
    const groupId = uuidv7();
    const { teamId, institutionId } = await aTeam(groupId);
    const resident = aResidentId(102);
    const newer = contractChanged(resident, teamId, { version: 3 });
    await uow.run(() => consumer.handle(newer));
    await uow.run(() =>
      consumer.handle({
        ...newer,
        contract: {
          ...newer.contract!,
          status: Status.CONTRACT_STATUS_ENDED,
          endedAt: new Date(),
          version: 2,
        },
      }),
    );

    expect(await sut.contractedInstitutionsOn(resident, '2026-11-01')).toEqual([institutionId]);
  });

  it('counts the residents a group manages on a day once each, and per disease', async () => {
    const groupId = uuidv7();
    const [a, b] = [await aTeam(groupId), await aTeam(groupId)];
    const other = await aTeam(uuidv7());
    const [r1, r2, r3] = [aResidentId(103), aResidentId(104), aResidentId(105)];
    const events = [
      contractChanged(r1, a.teamId, { tags: [Tag.POPULATION_TAG_DIABETES, Tag.POPULATION_TAG_HYPERTENSION] }),
      contractChanged(r1, b.teamId, { tags: [Tag.POPULATION_TAG_DIABETES] }),
      contractChanged(r2, a.teamId, { tags: [Tag.POPULATION_TAG_ELDERLY, Tag.POPULATION_TAG_HYPERTENSION] }),
      contractChanged(r3, b.teamId, { tags: [Tag.POPULATION_TAG_DIABETES], startDate: '2026-11-02' }),
      contractChanged(aResidentId(106), other.teamId, { tags: [Tag.POPULATION_TAG_DIABETES] }),
    ];
    for (const event of events) await uow.run(() => consumer.handle(event));

    expect(await sut.managedResidents(groupId, '2026-11-01')).toEqual({
      contracted: 2,
      byDisease: { hypertension: 2, diabetes: 1, 'severe-mental-disorder': 0, tuberculosis: 0 },
    });
    expect(await sut.contractedGroupsOn(r1, '2026-11-01')).toEqual([groupId]);
  });
});
