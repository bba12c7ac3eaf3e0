import { Column, Entity, PrimaryColumn } from 'typeorm';
import { type Allocation, type RequisitionShortfall } from '../../domain/distribution';
import { type Shortage } from '../../domain/purchase-order';

/** A purchase order's distribution, once: what each requisition was given, and what fell short. */
@Entity({ name: 'purchase_distribution' })
export class PurchaseDistributionOrmEntity {
  @PrimaryColumn({ name: 'purchase_order_id', type: 'uuid' }) purchaseOrderId!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ type: 'text' }) supplier!: string;
  @Column({ type: 'jsonb' }) allocations!: Allocation[];
  @Column({ type: 'jsonb' }) shortfalls!: RequisitionShortfall[];
  @Column({ type: 'jsonb' }) shortages!: Shortage[];
  @Column({ name: 'distributed_at', type: 'timestamptz' }) distributedAt!: Date;
}
