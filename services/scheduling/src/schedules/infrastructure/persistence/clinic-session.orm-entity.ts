import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { type SessionStatus } from '../../domain/session';

// The defaults are the first migration's and never decide a value: every insert sets every
// column. clinic_session_release_idx is partial (open sessions only), made by the migration.
@Entity({ name: 'clinic_session' })
@Unique('clinic_session_template_planned_date_uq', ['templateId', 'plannedDate'])
@Index('clinic_session_institution_date_idx', ['institutionId', 'date'])
@Index('clinic_session_release_idx', { synchronize: false })
@Check('clinic_session_capacity_check', 'capacity >= 0')
export class ClinicSessionOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ name: 'specialty_code', type: 'text' }) specialtyCode!: string;
  @Column({ name: 'practitioner_id', type: 'text' }) practitionerId!: string;
  @Column({ name: 'template_id', type: 'uuid', nullable: true }) templateId!: string | null;
  /** The local date the session is on now ('YYYY-MM-DD'). */
  @Column({ type: 'date' }) date!: string;
  /** The date its template planned it for, which a move leaves alone: one session per template and planned date. */
  @Column({ name: 'planned_date', type: 'date' }) plannedDate!: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
  @Column({ type: 'text' }) status!: SessionStatus;
  @Column({ type: 'integer' }) capacity!: number;
  @Column({ name: 'reserved_offered', type: 'integer' }) reservedOffered!: number;
  @Column({ name: 'reserved_released', type: 'integer', default: 0 }) reservedReleased!: number;
  @Column({ name: 'release_lead_hours', type: 'integer' }) releaseLeadHours!: number;
  /** Always startsAt less releaseLeadHours: kept as a column so the release sweep can use an index. */
  @Column({ name: 'release_due_at', type: 'timestamptz' }) releaseDueAt!: Date;
  @Column({ name: 'change_reason', type: 'text', default: '' }) changeReason!: string;
  @Column({ type: 'integer' }) version!: number;
}
