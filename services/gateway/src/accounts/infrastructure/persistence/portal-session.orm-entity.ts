import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** portal_session: a signed-in browser, keyed by the hash of its cookie's id. */
@Entity({ name: 'portal_session' })
@Index('portal_session_user_idx', ['userId'])
@Index('portal_session_expires_idx', ['expiresAt'])
export class PortalSessionOrmEntity {
  @PrimaryColumn({ name: 'id_hash', type: 'text' }) idHash!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'last_seen_at', type: 'timestamptz' }) lastSeenAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'user_agent', type: 'text', nullable: true }) userAgent!: string | null;
  @Column({ name: 'ip_address', type: 'text', nullable: true }) ipAddress!: string | null;
}
