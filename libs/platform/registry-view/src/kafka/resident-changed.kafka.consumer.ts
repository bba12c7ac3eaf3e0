import { Injectable } from '@nestjs/common';
import { ResidentChangedEvent, residentEventsV1 } from '@medgrid/contracts';
import { type EventHandler } from '@medgrid/messaging';
import { RegistryView } from '../registry-view';

/** Topic medgrid.registry.resident.v1 (compacted) → known_resident (the identity number only). */
@Injectable()
export class ResidentChangedKafkaConsumer implements EventHandler<residentEventsV1.ResidentChanged> {
  readonly contract = ResidentChangedEvent;
  constructor(private readonly view: RegistryView) {}

  async handle({ resident }: residentEventsV1.ResidentChanged): Promise<void> {
    if (!resident?.id || !resident.residentIdNumber) return;
    await this.view.upsertResident({
      id: resident.id,
      residentIdNumber: resident.residentIdNumber,
      version: resident.version,
    });
  }
}
