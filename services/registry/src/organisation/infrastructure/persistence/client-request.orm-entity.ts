import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'client_request' })
export class ClientRequestOrmEntity {
  @PrimaryColumn({ name: 'operation', type: 'text' }) operation!: string;
  @PrimaryColumn({ name: 'client_request_id', type: 'uuid' }) clientRequestId!: string;
  @Column({ name: 'result_id', type: 'uuid' }) resultId!: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}
