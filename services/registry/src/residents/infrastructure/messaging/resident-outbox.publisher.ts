import { Injectable } from '@nestjs/common';
import { ContractChangedEvent, residentEventsV1, ResidentChangedEvent } from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { type ContractChange } from '../../domain/contract';
import { type ResidentEvent, type ResidentEventPublisher } from '../../domain/resident.ports';
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
export class ResidentOutboxPublisher implements ResidentEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {}

  async publish(events: readonly ResidentEvent[]): Promise<void> {
    const occurredAt = new Date();
    for (const event of events) {
      switch (event.kind) {
        case 'resident-changed':
          await this.outbox.append(ResidentChangedEvent, {
            aggregateId: event.resident.id,
            aggregateVersion: event.resident.version,
            occurredAt,
            payload: { resident: residentProfileToProto(event.resident) },
          });
          break;
        case 'contract-changed':
          await this.outbox.append(ContractChangedEvent, {
            aggregateId: event.event.contract.id,
            aggregateVersion: event.event.contract.version,
            occurredAt,
            payload: {
              change: contractChange(event.event.change),
              contract: contractToProto(event.event.contract),
              residentIdNumber: event.residentIdNumber,
            },
          });
          break;
      }
    }
  }
}
