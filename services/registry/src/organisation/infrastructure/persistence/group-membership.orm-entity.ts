import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { InstitutionOrmEntity } from './institution.orm-entity';
import { MedicalGroupOrmEntity } from './medical-group.orm-entity';

// Indexes marked `synchronize: false` are made by the migration (partial or GIN);
// the flag keeps the schema-drift check from treating them as unknown.
@Entity({ name: 'group_membership' })
@Index('group_membership_one_group_uq', { synchronize: false })
@Index('group_membership_one_lead_uq', { synchronize: false })
export class GroupMembershipOrmEntity {
  @PrimaryColumn({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @ManyToOne(() => MedicalGroupOrmEntity, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'group_id', foreignKeyConstraintName: 'group_membership_group_fk' })
  group?: MedicalGroupOrmEntity;
  @PrimaryColumn({ name: 'institution_id', type: 'uuid' }) institutionId!: string;
  @ManyToOne(() => InstitutionOrmEntity, { nullable: false, createForeignKeyConstraints: true })
  @JoinColumn({ name: 'institution_id', foreignKeyConstraintName: 'group_membership_institution_fk' })
  institution?: InstitutionOrmEntity;
  @Column({ type: 'text' }) role!: string;
  @Column({ name: 'joined_at', type: 'timestamptz' }) joinedAt!: Date;
}
