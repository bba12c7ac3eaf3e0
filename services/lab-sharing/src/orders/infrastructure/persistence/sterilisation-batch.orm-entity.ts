import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import {
  type InstrumentPackage,
  type SterilisationMethod,
  type SterilisationStatus,
} from '../../domain/sterilisation-batch';

/** A cycle as sterilisation_batch.cycles keeps it (its time as an ISO instant). */
export interface StoredSterilisationCycle {
  readonly cycleId: string;
  readonly method: SterilisationMethod;
  readonly indicatorsPassed: boolean;
  readonly at: string;
}

/** sterilisation_batch: instruments a site sent to a sterilisation-supply centre, their packages and cycles. */
@Entity({ name: 'sterilisation_batch' })
@Index('sterilisation_batch_centre_idx', ['centreId', 'sentAt', 'id'])
@Index('sterilisation_batch_sender_idx', ['sendingInstitutionId', 'sentAt', 'id'])
export class SterilisationBatchOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'centre_id', type: 'uuid' }) centreId!: string;
  @Column({ name: 'centre_institution_id', type: 'uuid' }) centreInstitutionId!: string;
  @Column({ name: 'sending_institution_id', type: 'uuid' }) sendingInstitutionId!: string;
  @Column({ type: 'jsonb' }) packages!: InstrumentPackage[];
  @Column({ type: 'text' }) status!: SterilisationStatus;
  @Column({ type: 'jsonb' }) cycles!: StoredSterilisationCycle[];
  @Column({ name: 'sent_at', type: 'timestamptz' }) sentAt!: Date;
  @Column({ name: 'received_at', type: 'timestamptz', nullable: true }) receivedAt!: Date | null;
  @Column({ name: 'dispatched_at', type: 'timestamptz', nullable: true }) dispatchedAt!: Date | null;
  @Column({ name: 'returned_at', type: 'timestamptz', nullable: true }) returnedAt!: Date | null;
  @Column({ type: 'integer' }) version!: number;
}
