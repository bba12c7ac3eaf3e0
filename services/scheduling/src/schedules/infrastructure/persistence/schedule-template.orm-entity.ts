import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

@Entity({ name: 'schedule_template' })
@Index('schedule_template_institution_idx', ['institutionId'])
@Check('schedule_template_weekday_check', 'weekday BETWEEN 1 AND 7')
@Check('schedule_template_capacity_check', 'capacity > 0')
export class ScheduleTemplateOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ name: 'specialty_code', type: 'text' }) specialtyCode!: string;
  @Column({ name: 'practitioner_id', type: 'text' }) practitionerId!: string;
  /** ISO weekday, 1 = Monday. */
  @Column({ type: 'smallint' }) weekday!: number;
  /** Local clock time 'HH:mm'. */
  @Column({ name: 'start_time', type: 'text' }) startTime!: string;
  @Column({ name: 'end_time', type: 'text' }) endTime!: string;
  @Column({ type: 'integer' }) capacity!: number;
  /** Local dates, read and written as 'YYYY-MM-DD'. */
  @Column({ name: 'valid_from', type: 'date' }) validFrom!: string;
  /** Null: open-ended. */
  @Column({ name: 'valid_until', type: 'date', nullable: true }) validUntil!: string | null;
}
