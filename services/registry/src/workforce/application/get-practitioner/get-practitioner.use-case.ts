import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type PractitionerSnapshot } from '../../domain/practitioner';
import { PractitionerRepository } from '../../domain/practitioner.repository';
import { WorkforceError, WorkforceErrorCode } from '../../domain/workforce-error';
import { type GetPractitionerQuery } from './get-practitioner.query';

/** GetPractitioner: professional data, open to every authenticated caller. */
@Injectable()
export class GetPractitionerUseCase {
  constructor(private readonly practitioners: PractitionerRepository) {}

  async execute(_identity: Identity, query: GetPractitionerQuery): Promise<PractitionerSnapshot> {
    const practitioner = await this.practitioners.findById(query.id);
    if (!practitioner)
      throw new WorkforceError(WorkforceErrorCode.NotFound, 'no practitioner with this id', 'id');
    return practitioner;
  }
}
