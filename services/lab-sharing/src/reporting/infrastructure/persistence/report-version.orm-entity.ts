import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { type ReportContent } from '../../domain/report';
import { ReportOrmEntity } from './report.orm-entity';

/** Report content as stored: plain JSON (no instants in it). */
export type ContentJson = ReportContent;

/** One signed version of a report: added by a signature or an amendment, never rewritten. */
@Entity({ name: 'report_version' })
export class ReportVersionOrmEntity {
  @PrimaryColumn({ name: 'report_id', type: 'uuid' }) reportId!: string;
  @ManyToOne(() => ReportOrmEntity, { nullable: false })
  @JoinColumn({ name: 'report_id', foreignKeyConstraintName: 'report_version_report_id_fkey' })
  report?: ReportOrmEntity;
  @PrimaryColumn({ type: 'integer' }) number!: number;
  @Column({ type: 'jsonb' }) content!: ContentJson;
  @Column({ name: 'signed_by', type: 'uuid' }) signedBy!: string;
  @Column({ name: 'signed_at', type: 'timestamptz' }) signedAt!: Date;
  @Column({ name: 'amendment_reason', type: 'text', nullable: true }) amendmentReason!: string | null;
}
