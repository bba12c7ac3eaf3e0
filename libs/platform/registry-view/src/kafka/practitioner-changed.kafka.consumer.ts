import { Injectable } from '@nestjs/common';
import { PractitionerChangedEvent, peopleV1, workforceEventsV1 } from '@medgrid/contracts';
import { type EventHandler } from '@medgrid/messaging';
import { RegistryView, type KnownPractitioner } from '../registry-view';

function titleOf(title: peopleV1.PractitionerTitle): KnownPractitioner['title'] {
  switch (title) {
    case peopleV1.PractitionerTitle.PRACTITIONER_TITLE_RESIDENT:
      return 'resident';
    case peopleV1.PractitionerTitle.PRACTITIONER_TITLE_ATTENDING:
      return 'attending';
    case peopleV1.PractitionerTitle.PRACTITIONER_TITLE_ASSOCIATE_CHIEF:
      return 'associate-chief';
    case peopleV1.PractitionerTitle.PRACTITIONER_TITLE_CHIEF:
      return 'chief';
    case peopleV1.PractitionerTitle.PRACTITIONER_TITLE_NURSE:
      return 'nurse';
    case peopleV1.PractitionerTitle.PRACTITIONER_TITLE_PUBLIC_HEALTH:
      return 'public-health';
    default:
      return 'unknown';
  }
}

/** Topic medgrid.registry.practitioner.v1 (compacted) → known_practitioner. */
@Injectable()
export class PractitionerChangedKafkaConsumer implements EventHandler<workforceEventsV1.PractitionerChanged> {
  readonly contract = PractitionerChangedEvent;
  constructor(private readonly view: RegistryView) {}

  async handle({ practitioner }: workforceEventsV1.PractitionerChanged): Promise<void> {
    if (!practitioner?.id || !practitioner.homeInstitutionId) return;
    await this.view.upsertPractitioner({
      id: practitioner.id,
      licenceNumber: practitioner.licenceNumber,
      name: practitioner.name,
      title: titleOf(practitioner.title),
      specialtyCode: practitioner.specialtyCode,
      homeInstitutionId: practitioner.homeInstitutionId,
      version: practitioner.version,
    });
  }
}
