import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type KnownPractitioner, RegistryView } from '@medgrid/registry-view';
import { CentreReads } from '../centre-reads';
import { type ListCentreReportersQuery } from './list-centre-reporters.query';

/**
 * ListCentreReporters: the practitioners the registry has announced at the centre's host whose specialty fits
 * the centre's kind, by name; none for a sterilisation-supply centre.
 */
@Injectable()
export class ListCentreReportersUseCase {
  constructor(
    private readonly reads: CentreReads,
    private readonly registry: RegistryView,
  ) {}

  async execute(identity: Identity, query: ListCentreReportersQuery): Promise<KnownPractitioner[]> {
    const centre = await this.reads.visible(identity, query.centreId);
    return centre.reportersAmong(await this.registry.practitionersAt(centre.snapshot().hostInstitutionId));
  }
}
