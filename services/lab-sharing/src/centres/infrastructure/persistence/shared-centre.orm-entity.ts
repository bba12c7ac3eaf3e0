import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { type CentreKind } from '../../../common/exam-kinds';
import { type SharedCentreSnapshot } from '../../domain/shared-centre';

/** shared_centre: a group's shared centre, the institutions it serves in order (the host first). */
@Entity({ name: 'shared_centre' })
@Index('shared_centre_group_name_idx', ['groupId', 'name', 'id'])
export class SharedCentreOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ type: 'text' }) kind!: CentreKind;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'host_institution_id', type: 'uuid' }) hostInstitutionId!: string;
  @Column({ name: 'served_institution_ids', type: 'uuid', array: true }) servedInstitutionIds!: string[];
  @Column({ type: 'text' }) status!: SharedCentreSnapshot['status'];
  @Column({ name: 'registered_at', type: 'timestamptz' }) registeredAt!: Date;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ type: 'integer' }) version!: number;
}
