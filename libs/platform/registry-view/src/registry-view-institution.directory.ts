import { Injectable } from '@nestjs/common';
import { InstitutionDirectory, type InstitutionStanding } from '@medgrid/auth';
import { RegistryView } from './registry-view';

/**
 * "Institution → groups" from the registry projection, for the group-claim
 * check of a service that keeps one. The projection lags the registry by the
 * time the events take to arrive, so an institution it lacks is "not known
 * yet" (the caller may retry), never "does not exist".
 */
@Injectable()
export class RegistryViewInstitutionDirectory extends InstitutionDirectory {
  readonly authoritative = false;

  constructor(private readonly view: RegistryView) {
    super();
  }

  standingOf(institutionId: string): Promise<InstitutionStanding | null> {
    return this.view.standingOf(institutionId);
  }
}
