import { Injectable } from '@nestjs/common';
import { lockForTransaction, UnitOfWork } from '@medgrid/database';
import { type ClientRequestLog } from '../../../shared/client-request-log';
import { ClientRequestOrmEntity } from './client-request.orm-entity';

/** Idempotency of create requests, inside the request's own transaction. */
@Injectable()
export class ClientRequestTypeormLog implements ClientRequestLog {
  constructor(private readonly uow: UnitOfWork) {}

  async recall(operation: string, clientRequestId: string): Promise<string | null> {
    const manager = this.uow.transactionalManager();
    // Two concurrent retries of one request queue here instead of both creating.
    await lockForTransaction(manager, `${operation}:${clientRequestId}`);
    const row = await manager.findOneBy(ClientRequestOrmEntity, { operation, clientRequestId });
    return row?.resultId ?? null;
  }

  async remember(operation: string, clientRequestId: string, resultId: string): Promise<void> {
    await this.uow
      .transactionalManager()
      .insert(ClientRequestOrmEntity, { operation, clientRequestId, resultId });
  }
}
