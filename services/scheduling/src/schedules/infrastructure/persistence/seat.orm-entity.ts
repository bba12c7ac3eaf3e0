import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ClinicSessionOrmEntity } from './clinic-session.orm-entity';

/**
 * One numbered slot of a session. A booking rush claims different rows with FOR UPDATE SKIP
 * LOCKED instead of queueing on one counter. seat_free_idx is partial (free seats), made by the
 * migration.
 */
@Entity({ name: 'seat' })
@Index('seat_free_idx', { synchronize: false })
@Check('seat_pool_check', `pool IN ('reserved', 'public')`)
export class SeatOrmEntity {
  @PrimaryColumn({ name: 'session_id', type: 'uuid' }) sessionId!: string;
  @ManyToOne(() => ClinicSessionOrmEntity, { nullable: false })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'seat_session_id_fkey' })
  session?: ClinicSessionOrmEntity;
  @PrimaryColumn({ name: 'slot_number', type: 'integer' }) slotNumber!: number;
  /** The seat's pool (the table's check allows these two); bookings name it with booking's Pool. */
  @Column({ type: 'text' }) pool!: 'reserved' | 'public';
  /** Null while the seat is free. */
  @Column({ name: 'booking_id', type: 'uuid', nullable: true }) bookingId!: string | null;
}
