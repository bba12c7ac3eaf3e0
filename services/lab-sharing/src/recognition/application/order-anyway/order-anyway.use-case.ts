import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { type RecognitionLookupSnapshot } from '../../domain/recognition-lookup';
import { LookupDecision } from '../lookup-decision';
import { type OrderAnywayCommand } from './order-anyway.command';

/** OrderAnyway: recorded with its reason (OrderedAnyway); an order after the look-up may then be placed. */
@Injectable()
export class OrderAnywayUseCase {
  constructor(private readonly decision: LookupDecision) {}

  execute(
    identity: Identity,
    command: OrderAnywayCommand,
    now = new Date(),
  ): Promise<RecognitionLookupSnapshot> {
    return this.decision.run(identity, clientRequestOf('order-anyway', command), command.lookupId, (lookup) =>
      lookup.orderAnyway(
        command.reason,
        { institutionId: identity.institutionId!, practitionerId: identity.practitionerId },
        now,
      ),
    );
  }
}
