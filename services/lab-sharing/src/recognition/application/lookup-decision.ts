import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { type ClientRequest, ClientRequests } from '@medgrid/idempotency';
import { RecognitionError, RecognitionErrorCode } from '../domain/recognition-error';
import { type RecognitionLookup, type RecognitionLookupSnapshot } from '../domain/recognition-lookup';
import { RecognitionLookupRepository } from '../domain/recognition-lookup.repository';
import { RecognitionEventPublisher } from '../domain/recognition-event-publisher';
import { RecognitionAccess } from './recognition-access.policy';

/**
 * What reusing a result and ordering anyway do the same way: the look-up locked, the decision made by the
 * institution that looked up (the domain refuses anyone else, a second decision, a result not offered or no
 * longer valid), stored from the version read and announced (ResultReused, OrderedAnyway) in one transaction; a
 * retry is answered with the look-up as it stands.
 */
@Injectable()
export class LookupDecision {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly lookups: RecognitionLookupRepository,
    private readonly events: RecognitionEventPublisher,
    private readonly requests: ClientRequests,
  ) {}

  async run(
    identity: Identity,
    request: ClientRequest,
    lookupId: string,
    decide: (lookup: RecognitionLookup) => void,
  ): Promise<RecognitionLookupSnapshot> {
    RecognitionAccess.require(RecognitionAccess.canLookUp(identity), 'decide on a look-up');
    return this.uow.run(async () => {
      const lookup = await this.lookups.find(lookupId, true);
      if (!lookup) {
        throw new RecognitionError(
          RecognitionErrorCode.LookupNotFound,
          'no look-up with this id',
          'lookupId',
        );
      }
      if (await this.requests.isRetry(request, lookup.id)) return lookup.snapshot();
      const readVersion = lookup.snapshot().version;
      decide(lookup);
      await this.lookups.update(lookup, readVersion);
      for (const change of lookup.pullEvents()) await this.events.lookupDecided(change);
      return lookup.snapshot();
    });
  }
}
