import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Pharmacy's continuity assessment attached to a downward referral (its contract's JSON form). */
@Entity({ name: 'referral_continuity' })
export class ReferralContinuityOrmEntity {
  @PrimaryColumn({ name: 'referral_id', type: 'uuid' }) referralId!: string;
  @Column({ name: 'assessed_at', type: 'timestamptz' }) assessedAt!: Date;
  @Column({ type: 'jsonb' }) assessment!: Record<string, unknown>;
}
