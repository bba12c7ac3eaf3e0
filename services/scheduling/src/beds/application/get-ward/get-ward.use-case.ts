import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { canSeeCapacity, requireAllowed } from '../../../common/scheduling-access.policy';
import { BedError, BedErrorCode } from '../../domain/bed-error';
import { BedRepository } from '../../domain/bed.repository';
import { type WardView } from '../../domain/ward';
import { type GetWardQuery } from './get-ward.query';

/** GetWard: capacity, no patient data, for whoever may see the hospital's capacity. */
@Injectable()
export class GetWardUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly beds: BedRepository,
  ) {}

  async execute(identity: Identity, query: GetWardQuery): Promise<WardView> {
    return this.uow.run(async () => {
      const ward = await this.beds.viewWard(query.wardId);
      if (!ward) throw new BedError(BedErrorCode.NotFound, 'no ward with this id', 'wardId');
      requireAllowed(
        canSeeCapacity(identity, { id: ward.institutionId, groupId: ward.groupId }),
        'see this ward',
      );
      return ward;
    });
  }
}
