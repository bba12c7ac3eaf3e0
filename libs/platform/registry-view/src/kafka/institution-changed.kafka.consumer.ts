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

function typeOf(type: registryV1.InstitutionType): KnownInstitution['type'] {
  switch (type) {
    case registryV1.InstitutionType.INSTITUTION_TYPE_GENERAL_HOSPITAL:
      return 'general-hospital';
    case registryV1.InstitutionType.INSTITUTION_TYPE_SPECIALIST_HOSPITAL:
      return 'specialist-hospital';
    case registryV1.InstitutionType.INSTITUTION_TYPE_TCM_HOSPITAL:
      return 'tcm-hospital';
    case registryV1.InstitutionType.INSTITUTION_TYPE_REHABILITATION_HOSPITAL:
      return 'rehabilitation-hospital';
    case registryV1.InstitutionType.INSTITUTION_TYPE_NURSING_HOME:
      return 'nursing-home';
    case registryV1.InstitutionType.INSTITUTION_TYPE_COMMUNITY_HEALTH_CENTRE:
      return 'community-health-centre';
    case registryV1.InstitutionType.INSTITUTION_TYPE_COMMUNITY_HEALTH_STATION:
      return 'community-health-station';
    case registryV1.InstitutionType.INSTITUTION_TYPE_TOWNSHIP_HEALTH_CENTRE:
      return 'township-health-centre';
    case registryV1.InstitutionType.INSTITUTION_TYPE_VILLAGE_CLINIC:
      return 'village-clinic';
    case registryV1.InstitutionType.INSTITUTION_TYPE_SHARED_CENTRE:
      return 'shared-centre';
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
      type: typeOf(institution.type),
      version: institution.version,
    });
  }
}
