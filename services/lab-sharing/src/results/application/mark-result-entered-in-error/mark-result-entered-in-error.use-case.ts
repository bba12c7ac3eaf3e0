import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { type ResultRecordSnapshot } from '../../domain/result-record';
import { ResultRecordRepository } from '../../domain/result-record.repository';
import { ResultEventPublisher } from '../../domain/result-event-publisher';
import { ResultsError, ResultsErrorCode } from '../../domain/results-error';
import { ResultsAccess } from '../results-access.policy';
import { type MarkResultEnteredInErrorCommand } from './mark-result-entered-in-error.command';

/**
 * MarkResultEnteredInError: the performing institution withdraws a result; it stays in the registry, marked,
 * and "already done?" never offers it again. ResultChanged (entered in error) goes out with the change.
 */
@Injectable()
export class MarkResultEnteredInErrorUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly results: ResultRecordRepository,
    private readonly events: ResultEventPublisher,
    private readonly requests: ClientRequests,
  ) {}

  execute(
    identity: Identity,
    command: MarkResultEnteredInErrorCommand,
    now = new Date(),
  ): Promise<ResultRecordSnapshot> {
    return this.uow.run(async () => {
      const record = await this.results.find(command.resultId, true);
      if (!record) {
        throw new ResultsError(ResultsErrorCode.NotFound, 'no result with this id', 'resultId');
      }
      ResultsAccess.require(
        ResultsAccess.canWithdraw(identity, record.snapshot()),
        "withdraw another institution's result",
      );
      const request = clientRequestOf('mark-result-entered-in-error', command);
      if (await this.requests.isRetry(request, record.id)) return record.snapshot();
      const readVersion = record.snapshot().version;
      record.enteredInError(command.reason);
      await this.results.update(record, readVersion);
      for (const change of record.pullEvents()) await this.events.resultChanged(change, now);
      return record.snapshot();
    });
  }
}
