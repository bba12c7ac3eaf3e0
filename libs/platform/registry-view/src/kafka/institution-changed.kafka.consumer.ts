import { Injectable } from '@nestjs/common';
import { InstitutionChangedEvent, registryEventsV1, registryV1 } from '@medgrid/contracts';
import { type EventHandler } from '@medgrid/messaging';
import { RegistryView, type KnownInstitution } from '../registry-view';

function levelOf(level: registryV1.InstitutionLevel): KnownInstitution['level'] {
  switch (level) {
    case registryV1.InstitutionLevel.INSTITUTION_LEVEL_TERTIARY:
      return 'tertiary';
    case registryV1.InstitutionLevel.INSTITUTION_LEVEL_SECONDARY:
      return 'secondary';
    case registryV1.InstitutionLevel.INSTITUTION_LEVEL_PRIMARY:
      return 'primary';
    default:
      return 'unknown';
  }
}

/** Topic medgrid.registry.institution.v1 (compacted) → known_institution. */
@Injectable()
export class InstitutionChangedKafkaConsumer implements EventHandler<registryEventsV1.InstitutionChanged> {
  readonly contract = InstitutionChangedEvent;
  constructor(private readonly view: RegistryView) {}

  async handle({ institution }: registryEventsV1.InstitutionChanged): Promise<void> {
    if (!institution?.id) return;
    await this.view.upsertInstitution({
      id: institution.id,
      groupId: institution.groupId || null,
      level: levelOf(institution.level),
      version: institution.version,
    });
  }
}
