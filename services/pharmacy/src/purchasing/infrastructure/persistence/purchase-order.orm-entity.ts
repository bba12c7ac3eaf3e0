import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { type PurchaseOrderLineJson } from './purchasing.mapper';

/** A purchase order of a group's purchasing centre; its lines with their sources and receipts as JSON. */
@Entity({ name: 'purchase_order' })
@Check('purchase_order_status_check', `status IN ('open', 'closed')`)
@Index('purchase_order_placement_idx', ['placementId'])
export class PurchaseOrderOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  /** The PlacePurchaseOrders that made it (its retry answers the same orders). */
  @Column({ name: 'placement_id', type: 'uuid' }) placementId!: string;
  @Column({ type: 'text' }) supplier!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'jsonb' }) lines!: PurchaseOrderLineJson[];
  @Column({ name: 'placed_at', type: 'timestamptz' }) placedAt!: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
}
