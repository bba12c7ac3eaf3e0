import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type ResidentSnapshot } from '../../domain/resident';
import { ResidentError, ResidentErrorCode } from '../../domain/resident-error';
import { ResidentRepository } from '../../domain/resident.repository';
import { type FindResidentByIdNumberQuery } from './find-resident-by-id-number.query';

/**
 * The resident of an ID number, for the contracts import, which signs each row's contract by the
 * resident's id: no audit, since nothing of the resident goes back to the caller, and no access
 * check, since signing the contract checks it.
 */
@Injectable()
export class FindResidentByIdNumberUseCase {
  constructor(private readonly residents: ResidentRepository) {}

  async execute(_identity: Identity, query: FindResidentByIdNumberQuery): Promise<ResidentSnapshot> {
    const resident = await this.residents.findByIdNumber(query.residentIdNumber);
    if (!resident) {
      throw new ResidentError(
        ResidentErrorCode.NotFound,
        'no resident with this ID number',
        'residentIdNumber',
      );
    }
    return resident.snapshot();
  }
}
