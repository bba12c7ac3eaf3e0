import { Injectable } from '@nestjs/common';
import { CityRegisteredEvent, registryEventsV1 } from '@medgrid/contracts';
import { type EventHandler } from '@medgrid/messaging';
import { RegistryView } from '../registry-view';

/** Topic medgrid.registry.grid.v1 (compacted, shared with grids) → known_city. */
@Injectable()
export class CityRegisteredKafkaConsumer implements EventHandler<registryEventsV1.CityRegistered> {
  readonly contract = CityRegisteredEvent;
  constructor(private readonly view: RegistryView) {}

  async handle({ city }: registryEventsV1.CityRegistered): Promise<void> {
    if (!city?.id) return;
    await this.view.upsertCity({ id: city.id, divisionCode: city.divisionCode, name: city.name });
  }
}
