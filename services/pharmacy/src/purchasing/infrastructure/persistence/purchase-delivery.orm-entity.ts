import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { type DeliveryLineJson } from './purchasing.mapper';

/** A delivery received at the centre, a delivery note once per group: what savings are measured on. */
@Entity({ name: 'purchase_delivery' })
@Index('purchase_delivery_received_idx', ['groupId', 'receivedAt'])
export class PurchaseDeliveryOrmEntity {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @PrimaryColumn({ name: 'delivery_id', type: 'text' }) deliveryId!: string;
  @Column({ name: 'purchase_order_id', type: 'uuid' }) purchaseOrderId!: string;
  @Column({ type: 'text' }) supplier!: string;
  @Column({ type: 'jsonb' }) lines!: DeliveryLineJson[];
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
}
