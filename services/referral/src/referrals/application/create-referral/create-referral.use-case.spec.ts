import { type UnitOfWork } from '@medgrid/database';
import { anIdentity } from '@medgrid/testing';
import { type Referral } from '../../domain/referral';
import { type ReferralEventPublisher } from '../../domain/referral-event-publisher';
import { type ReferralDomainEvent } from '../../domain/referral-events';
import { type ReferralRepository } from '../../domain/referral.repository';
import { CreateReferralCommand, type CreateReferralInput } from './create-referral.command';
import { CreateReferralUseCase } from './create-referral.use-case';

class InMemoryReferrals implements ReferralRepository {
  readonly rows = new Map<string, Referral>();
  insert(referral: Referral): Promise<void> {
    this.rows.set(referral.id, referral);
    return Promise.resolve();
  }
  findById(id: string): Promise<Referral | null> {
    return Promise.resolve(this.rows.get(id) ?? null);
  }
  findByClientRequest(institutionId: string, clientRequestId: string): Promise<Referral | null> {
    const found = [...this.rows.values()].find(
      (r) =>
        r.snapshot().referringInstitutionId === institutionId &&
        r.snapshot().clientRequestId === clientRequestId,
    );
    return Promise.resolve(found ?? null);
  }
}

class RecordingPublisher implements ReferralEventPublisher {
  readonly published: ReferralDomainEvent[] = [];
  publish(events: readonly ReferralDomainEvent[]): Promise<void> {
    this.published.push(...events);
    return Promise.resolve();
  }
}

const inlineUnitOfWork = { run: <T>(work: () => Promise<T>) => work() } as unknown as UnitOfWork;

describe(CreateReferralUseCase.name, () => {
  const clinic = anIdentity({ role: 'primary-staff' });
  const input: CreateReferralInput = {
    clientRequestId: '0193a000-0000-7000-8000-00000000c001',
    patientResidentId: '11010519491231002X',
    referringInstitutionId: clinic.institutionId!,
    receivingInstitutionId: '0193a000-0000-7000-8000-000000000002',
    direction: 'upward',
    icd10Code: 'I10',
    reason: 'uncontrolled hypertension',
  };
  let referrals: InMemoryReferrals;
  let events: RecordingPublisher;
  let sut: CreateReferralUseCase;

  beforeEach(() => {
    referrals = new InMemoryReferrals();
    events = new RecordingPublisher();
    sut = new CreateReferralUseCase(inlineUnitOfWork, referrals, events);
  });

  it('stores the referral in the caller’s group and publishes ReferralSubmitted', async () => {
    const created = await sut.execute(CreateReferralCommand.create(clinic, input));

    expect(created).toMatchObject({ groupId: clinic.groupId, status: 'submitted' });
    expect(referrals.rows.size).toBe(1);
    expect(events.published.map((e) => e.kind)).toEqual(['referral-submitted']);
  });

  it('returns the first referral for a retried request and publishes nothing more', async () => {
    const first = await sut.execute(CreateReferralCommand.create(clinic, input));
    const again = await sut.execute(CreateReferralCommand.create(clinic, input));

    expect(again).toEqual(first);
    expect(referrals.rows.size).toBe(1);
    expect(events.published).toHaveLength(1);
  });

  it('refuses a different referral under a used client request id', async () => {
    await sut.execute(CreateReferralCommand.create(clinic, input));

    await expect(
      sut.execute(CreateReferralCommand.create(clinic, { ...input, icd10Code: 'E11.9' })),
    ).rejects.toMatchObject({
      code: 'CLIENT_REQUEST_ID_REUSED',
      category: 'already-exists',
    });
  });

  it('refuses staff of another institution sending on the clinic’s behalf, and changes nothing', async () => {
    const impostor = anIdentity({ role: 'primary-staff', groupId: clinic.groupId });

    await expect(sut.execute(CreateReferralCommand.create(impostor, input))).rejects.toMatchObject({
      code: 'NOT_YOUR_INSTITUTION',
      category: 'permission-denied',
    });
    expect(referrals.rows.size).toBe(0);
    expect(events.published).toEqual([]);
  });
});
