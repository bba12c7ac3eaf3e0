import { Injectable } from '@nestjs/common';
import { MedicalGroupChangedEvent, registryEventsV1, registryV1 } from '@medgrid/contracts';
import { type EventHandler } from '@medgrid/messaging';
import { RegistryView, type KnownMembershipRole } from '../registry-view';

function roleOf(role: registryV1.MembershipRole): KnownMembershipRole | null {
  switch (role) {
    case registryV1.MembershipRole.MEMBERSHIP_ROLE_LEAD:
      return 'lead';
    case registryV1.MembershipRole.MEMBERSHIP_ROLE_MEMBER:
      return 'member';
    case registryV1.MembershipRole.MEMBERSHIP_ROLE_COLLABORATING:
      return 'collaborating';
    default:
      return null;
  }
}

/** Topic medgrid.registry.medical-group.v1 (compacted) → known_group. */
@Injectable()
export class MedicalGroupChangedKafkaConsumer implements EventHandler<registryEventsV1.MedicalGroupChanged> {
  readonly contract = MedicalGroupChangedEvent;
  constructor(private readonly view: RegistryView) {}

  async handle({ group }: registryEventsV1.MedicalGroupChanged): Promise<void> {
    if (!group?.id) return;
    await this.view.upsertGroup({
      id: group.id,
      gridId: group.gridId || null,
      leadInstitutionId: group.leadInstitutionId || null,
      members: group.memberships.flatMap((m) => {
        const role = roleOf(m.role);
        return role ? [{ institutionId: m.institutionId, role }] : [];
      }),
      version: group.version,
    });
  }
}
