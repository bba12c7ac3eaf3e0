import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { type PortalRole } from '../../domain/portal-user';

/** portal_user: a portal account, its password hash and its lockout counters. */
@Entity({ name: 'portal_user' })
@Index('portal_user_username_key', ['username'], { unique: true })
// Partial (WHERE oidc_subject IS NOT NULL): made by the migration, not compared.
@Index('portal_user_oidc_subject_key', { synchronize: false })
export class PortalUserOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) username!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  @Column({ type: 'text' }) role!: PortalRole;
  @Column({ name: 'city_id', type: 'uuid' }) cityId!: string;
  @Column({ name: 'institution_id', type: 'uuid', nullable: true }) institutionId!: string | null;
  @Column({ name: 'group_id', type: 'uuid', nullable: true }) groupId!: string | null;
  @Column({ name: 'password_hash', type: 'text', nullable: true }) passwordHash!: string | null;
  @Column({ name: 'failed_attempts', type: 'integer', default: 0 }) failedAttempts!: number;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil!: Date | null;
  @Column({ type: 'boolean', default: false }) disabled!: boolean;
  @Column({ name: 'oidc_subject', type: 'text', nullable: true }) oidcSubject!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
