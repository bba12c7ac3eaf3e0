import { Injectable } from '@nestjs/common';
import { ContractChangedEvent, residentEventsV1, ResidentChangedEvent } from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { type ContractChange } from '../../domain/contract';
import { type ResidentEvent, ResidentEventPublisher } from '../../domain/resident-event-publisher';
import { contractToProto, residentProfileToProto } from '../../contracts/resident.proto-mapper';

const { ContractChange: CC } = residentEventsV1;

function contractChange(change: ContractChange): residentEventsV1.ContractChange {
  switch (change) {
    case 'signed':
      return CC.CONTRACT_CHANGE_SIGNED;
    case 'renewed':
      return CC.CONTRACT_CHANGE_RENEWED;
    case 'ended':
      return CC.CONTRACT_CHANGE_ENDED;
    case 'expired':
      return CC.CONTRACT_CHANGE_EXPIRED;
  }
}

/** Resident and contract events into the outbox; residents leave without name or phone. */
@Injectable()
export class ResidentOutboxPublisher extends ResidentEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  /** Appends each kind in one statement, so a bulk import of many residents stays fast. */
  async publish(events: readonly ResidentEvent[]): Promise<void> {
    const occurredAt = new Date();
    const residents = events.flatMap((e) => (e.kind === 'resident-changed' ? [e] : []));
    const contracts = events.flatMap((e) => (e.kind === 'contract-changed' ? [e] : []));
    await this.outbox.appendMany(
      ResidentChangedEvent,
      residents.map(({ resident }) => ({
        aggregateId: resident.id,
        aggregateVersion: resident.version,
        occurredAt,
        payload: { resident: residentProfileToProto(resident) },
      })),
    );
    await this.outbox.appendMany(
      ContractChangedEvent,
      contracts.map(({ event, residentIdNumber }) => ({
        aggregateId: event.contract.id,
        aggregateVersion: event.contract.version,
        occurredAt,
        payload: {
          change: contractChange(event.change),
          contract: contractToProto(event.contract),
          residentIdNumber,
        },
      })),
    );
  }
}
