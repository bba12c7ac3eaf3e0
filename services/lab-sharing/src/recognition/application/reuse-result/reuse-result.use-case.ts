import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { clientRequestOf } from '@medgrid/idempotency';
import { type RecognitionLookupSnapshot } from '../../domain/recognition-lookup';
import { LookupDecision } from '../lookup-decision';
import { type ReuseResultCommand } from './reuse-result.command';

/** ReuseResult: a repeat avoided (ResultReused); refused for a result not offered or no longer valid. */
@Injectable()
export class ReuseResultUseCase {
  constructor(private readonly decision: LookupDecision) {}

  execute(
    identity: Identity,
    command: ReuseResultCommand,
    now = new Date(),
  ): Promise<RecognitionLookupSnapshot> {
    return this.decision.run(identity, clientRequestOf('reuse-result', command), command.lookupId, (lookup) =>
      lookup.reuse(
        command.resultId,
        { institutionId: identity.institutionId!, practitionerId: identity.practitionerId },
        now,
      ),
    );
  }
}
