import { Injectable } from '@nestjs/common';
import { lockForTransaction, UnitOfWork } from '@medgrid/database';
import { ClientRequestLog } from '../client-request-log';

@Injectable()
export class ClientRequestSqlLog extends ClientRequestLog {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async claim(operation: string, clientRequestId: string, resultId: string): Promise<string | null> {
    const manager = this.uow.transactionalManager();
    // Two concurrent retries queue here; the second sees the first's row.
    await lockForTransaction(manager, `${operation}:${clientRequestId}`);
    const [row] = await manager.query<{ result_id: string }[]>(
      `SELECT result_id FROM client_request WHERE operation = $1 AND client_request_id = $2`,
      [operation, clientRequestId],
    );
    if (row) return row.result_id;
    await manager.query(
      `INSERT INTO client_request (operation, client_request_id, result_id) VALUES ($1, $2, $3)`,
      [operation, clientRequestId, resultId],
    );
    return null;
  }
}
