import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type SharedCentreSnapshot } from '../../domain/shared-centre';
import { CentreReads } from '../centre-reads';
import { type GetCentreQuery } from './get-centre.query';

/** GetCentre: for anyone of the centre's group and city operators. */
@Injectable()
export class GetCentreUseCase {
  constructor(private readonly reads: CentreReads) {}

  async execute(identity: Identity, query: GetCentreQuery): Promise<SharedCentreSnapshot> {
    return (await this.reads.visible(identity, query.centreId)).snapshot();
  }
}
