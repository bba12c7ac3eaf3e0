import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** An item of a region's current catalogue; the recognition rule's three columns are all null or all set. */
@Entity({ name: 'recognition_catalogue_item' })
@Check(
  'recognition_catalogue_item_rule_check',
  '(validity_days IS NULL) = (scope IS NULL) AND (scope IS NULL) = (quality IS NULL)',
)
export class RecognitionCatalogueItemOrmEntity {
  @PrimaryColumn({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @PrimaryColumn({ type: 'text' }) code!: string;
  @Column({ name: 'national_code', type: 'text', nullable: true }) nationalCode!: string | null;
  @Column({ type: 'text', nullable: true }) loinc!: string | null;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text', nullable: true }) modality!: string | null;
  @Column({ name: 'body_part', type: 'text', nullable: true }) bodyPart!: string | null;
  @Column({ type: 'text', nullable: true }) specimen!: string | null;
  @Column({ name: 'data_class', type: 'text' }) dataClass!: string;
  @Column({ name: 'validity_days', type: 'integer', nullable: true }) validityDays!: number | null;
  @Column({ type: 'text', nullable: true }) scope!: string | null;
  @Column({ type: 'text', array: true, nullable: true }) quality!: string[] | null;
}
