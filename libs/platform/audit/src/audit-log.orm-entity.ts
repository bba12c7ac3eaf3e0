import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One read of personal or clinical data, or one refused call. AuditTrail writes it through this
 * entity, so a service lists it in its data source (which also lets the drift check cover the table).
 */
@Entity({ name: 'audit_log' })
@Index('audit_log_subject_idx', ['subjectKind', 'subjectId'])
export class AuditLogOrmEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  seq!: string;

  @Column({ name: 'actor_subject', type: 'text' })
  actorSubject!: string;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole!: string;

  @Column({ name: 'actor_institution_id', type: 'uuid', nullable: true })
  actorInstitutionId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'subject_kind', type: 'text' })
  subjectKind!: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId!: string;

  @Column({ type: 'text' })
  purpose!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;
}
