import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One client request a service has answered: what it was (operation and fingerprint) and the
 * id of what it made or acted on. ClientRequests reads and writes it through this entity, so a
 * service lists it in its data source (which also lets the drift check cover the table).
 */
@Entity({ name: 'client_request' })
// A request id names one request whatever its operation, so lookups go by the id alone.
@Index('client_request_id_idx', ['clientRequestId'])
export class ClientRequestOrmEntity {
  @PrimaryColumn({ type: 'text' })
  operation!: string;

  @PrimaryColumn({ name: 'client_request_id', type: 'uuid' })
  clientRequestId!: string;

  /** Text, not uuid: some results are keyed otherwise (a city floor's "city:version"). */
  @Column({ name: 'result_id', type: 'text' })
  resultId!: string;

  /** Null on rows recorded before fingerprints were kept; those retries are answered unchecked. */
  @Column({ type: 'text', nullable: true })
  fingerprint!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
