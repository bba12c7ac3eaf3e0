import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An institution's requisition; its lines and the purchase orders they went into as JSON, read whole. */
@Entity({ name: 'requisition' })
@Check('requisition_status_check', `status IN ('open', 'ordered', 'cancelled')`)
@Index('requisition_group_idx', ['groupId', 'status', 'raisedAt'])
@Index('requisition_institution_idx', ['institutionId', 'raisedAt'])
export class RequisitionOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'jsonb' }) lines!: { drugCode: string; quantity: number }[];
  @Column({ name: 'purchase_order_ids', type: 'jsonb' }) purchaseOrderIds!: string[];
  @Column({ name: 'raised_at', type: 'timestamptz' }) raisedAt!: Date;
}
