import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { CentreError, CentreErrorCode } from '../domain/centre-error';
import { type SharedCentre } from '../domain/shared-centre';
import { SharedCentreRepository } from '../domain/shared-centre.repository';
import { CentreAccess } from './centre-access.policy';

/** The read every query of one centre starts with: found, and visible to the caller. */
@Injectable()
export class CentreReads {
  constructor(private readonly centres: SharedCentreRepository) {}

  async visible(identity: Identity, centreId: string): Promise<SharedCentre> {
    const centre = await this.centres.findById(centreId);
    if (!centre) throw new CentreError(CentreErrorCode.NotFound, 'no centre with this id', 'centreId');
    CentreAccess.require(CentreAccess.canSee(identity, centre.groupId), "see this group's centres");
    return centre;
  }
}
