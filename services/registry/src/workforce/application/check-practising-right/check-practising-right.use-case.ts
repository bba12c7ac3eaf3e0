import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { InstitutionRepository } from '../../../organisation/domain/institution.repository';
import { practisingRight, type PractisingRight } from '../../domain/practitioner';
import { PractitionerRepository } from '../../domain/practitioner.repository';
import { WorkforceError, WorkforceErrorCode } from '../../domain/workforce-error';
import { type CheckPractisingRightQuery } from './check-practising-right.query';

/** CheckPractisingRight: professional data, open to every authenticated caller. */
@Injectable()
export class CheckPractisingRightUseCase {
  constructor(
    private readonly practitioners: PractitionerRepository,
    private readonly institutions: InstitutionRepository,
  ) {}

  async execute(_identity: Identity, query: CheckPractisingRightQuery): Promise<PractisingRight> {
    const practitioner = await this.practitioners.findById(query.practitionerId);
    if (!practitioner) {
      throw new WorkforceError(WorkforceErrorCode.NotFound, 'no practitioner with this id', 'practitionerId');
    }
    const [home, at] = await Promise.all([
      this.institutions.findById(practitioner.homeInstitutionId),
      this.institutions.findById(query.institutionId),
    ]);
    if (!at) {
      throw new WorkforceError(
        WorkforceErrorCode.UnknownInstitution,
        'no institution with this id',
        'institutionId',
      );
    }
    // The home institution exists: the practitioner row's foreign key.
    return practisingRight(home!.snapshot(), at.snapshot());
  }
}
