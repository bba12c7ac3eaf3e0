import { Injectable } from '@nestjs/common';
import { GridRegisteredEvent, registryEventsV1 } from '@medgrid/contracts';
import { type EventHandler } from '@medgrid/messaging';
import { RegistryView } from '../registry-view';

/** Topic medgrid.registry.grid.v1 (compacted) → known_grid: the city of each grid. */
@Injectable()
export class GridRegisteredKafkaConsumer implements EventHandler<registryEventsV1.GridRegistered> {
  readonly contract = GridRegisteredEvent;
  constructor(private readonly view: RegistryView) {}

  async handle({ grid }: registryEventsV1.GridRegistered): Promise<void> {
    if (!grid?.id || !grid.cityId) return;
    await this.view.upsertGrid({ id: grid.id, cityId: grid.cityId });
  }
}
