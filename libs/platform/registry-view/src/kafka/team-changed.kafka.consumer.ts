import { Injectable } from '@nestjs/common';
import { TeamChangedEvent, workforceEventsV1 } from '@medgrid/contracts';
import { type EventHandler } from '@medgrid/messaging';
import { RegistryView } from '../registry-view';

/** Topic medgrid.registry.team.v1 (compacted) → known_team. */
@Injectable()
export class TeamChangedKafkaConsumer implements EventHandler<workforceEventsV1.TeamChanged> {
  readonly contract = TeamChangedEvent;
  constructor(private readonly view: RegistryView) {}

  async handle({ team }: workforceEventsV1.TeamChanged): Promise<void> {
    if (!team?.id) return;
    await this.view.upsertTeam({
      id: team.id,
      institutionId: team.institutionId,
      groupId: team.groupId,
      version: team.version,
    });
  }
}
