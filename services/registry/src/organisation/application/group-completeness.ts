import { Injectable } from '@nestjs/common';
import { type InstitutionClass } from '../domain/institution-classification';
import { InstitutionRepository } from '../domain/institution.repository';
import { MedicalGroup, type MedicalGroupSnapshot } from '../domain/medical-group';

/** A medical group as callers and events see it: with whether it is complete yet. */
export interface MedicalGroupView {
  readonly group: MedicalGroupSnapshot;
  readonly complete: boolean;
}

/** Whether a group has its lead and a secondary general or continuing-care member (docs/domain.md). */
@Injectable()
export class GroupCompleteness {
  constructor(private readonly institutions: InstitutionRepository) {}

  /** Looks up the members' classes, which the group itself does not keep. */
  async of(group: MedicalGroupSnapshot): Promise<boolean> {
    const members = await this.institutions.findByIds(group.memberships.map((m) => m.institutionId));
    const classes = new Map<string, InstitutionClass>(members.map((m) => [m.snapshot().id, m.snapshot()]));
    return MedicalGroup.restore(group).isComplete((id) => classes.get(id));
  }

  async view(group: MedicalGroupSnapshot): Promise<MedicalGroupView> {
    return { group, complete: await this.of(group) };
  }
}
