import { Injectable } from '@nestjs/common';
import { ResultChangedEvent, resultEventsV1 } from '@medgrid/contracts';
import { OutboxWriter } from '@medgrid/messaging';
import { resultToProto } from '../../contracts/result.proto-mapper';
import { type ResultChanged } from '../../domain/result-record';
import { ResultEventPublisher } from '../../domain/result-event-publisher';

const CHANGE = {
  recorded: resultEventsV1.ResultChange.RESULT_CHANGE_RECORDED,
  amended: resultEventsV1.ResultChange.RESULT_CHANGE_AMENDED,
  'entered-in-error': resultEventsV1.ResultChange.RESULT_CHANGE_ENTERED_IN_ERROR,
} as const;

/** Writes ResultChanged to the outbox, keyed by result id, in the caller's transaction; unmasked (service to service). */
@Injectable()
export class ResultOutboxPublisher extends ResultEventPublisher {
  constructor(private readonly outbox: OutboxWriter) {
    super();
  }

  async resultChanged({ change, result }: ResultChanged, at: Date): Promise<void> {
    await this.outbox.append(ResultChangedEvent, {
      aggregateId: result.id,
      aggregateVersion: result.version,
      occurredAt: at,
      payload: { change: CHANGE[change], result: resultToProto({ masked: false, result }) },
    });
  }
}
