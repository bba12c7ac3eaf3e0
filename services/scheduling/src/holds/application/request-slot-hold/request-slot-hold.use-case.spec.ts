import { type UnitOfWork } from '@medgrid/database';
import { type SlotHoldRequest, type SlotHoldRequestedDomainEvent } from '../../domain/slot-hold-request';
import {
  type SlotHoldEventPublisher,
  type SlotHoldRequestRepository,
} from '../../domain/slot-hold-request.repository';
import { type RequestSlotHoldCommand } from './request-slot-hold.command';
import { RequestSlotHoldUseCase } from './request-slot-hold.use-case';

class InMemoryHoldRequests implements SlotHoldRequestRepository {
  readonly byReferral = new Map<string, SlotHoldRequest>();
  insertIfAbsent(request: SlotHoldRequest): Promise<boolean> {
    const { referralId } = request.snapshot();
    if (this.byReferral.has(referralId)) return Promise.resolve(false);
    this.byReferral.set(referralId, request);
    return Promise.resolve(true);
  }
  findByReferral(referralId: string): Promise<SlotHoldRequest | null> {
    return Promise.resolve(this.byReferral.get(referralId) ?? null);
  }
}

const inlineUnitOfWork = { run: <T>(work: () => Promise<T>) => work() } as unknown as UnitOfWork;

describe(RequestSlotHoldUseCase.name, () => {
  const command: RequestSlotHoldCommand = {
    referralId: '0193a000-0000-7000-8000-000000000101',
    groupId: '0193a000-0000-7000-8000-0000000000aa',
    receivingInstitutionId: '0193a000-0000-7000-8000-000000000002',
    sourceEventId: '0193a000-0000-7000-8000-0000000e0001',
    occurredAt: new Date('2026-11-23T01:00:00Z'),
  };
  let requests: InMemoryHoldRequests;
  let published: SlotHoldRequestedDomainEvent[];
  let sut: RequestSlotHoldUseCase;

  beforeEach(() => {
    requests = new InMemoryHoldRequests();
    published = [];
    const events: SlotHoldEventPublisher = {
      publish: (e) => {
        published.push(...e);
        return Promise.resolve();
      },
    };
    sut = new RequestSlotHoldUseCase(inlineUnitOfWork, requests, events);
  });

  it('records a hold request at the receiving institution and announces it', async () => {
    await sut.execute(command);

    expect((await requests.findByReferral(command.referralId))?.snapshot()).toMatchObject({
      institutionId: command.receivingInstitutionId,
      status: 'requested',
      sourceEventId: command.sourceEventId,
    });
    expect(published).toHaveLength(1);
  });

  it('keeps one request per referral even for a replayed event with a new id', async () => {
    await sut.execute(command);
    await sut.execute({ ...command, sourceEventId: '0193a000-0000-7000-8000-0000000e0002' });

    expect(requests.byReferral.size).toBe(1);
    expect(published).toHaveLength(1);
    expect((await requests.findByReferral(command.referralId))?.snapshot().sourceEventId).toBe(
      command.sourceEventId,
    );
  });
});
