import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'csv_import' })
export class CsvImportOrmEntity {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ name: 'row_count', type: 'integer' }) rowCount!: number;
  @Column({ type: 'integer' }) accepted!: number;
  @Column({ type: 'integer' }) contracts!: number;
  @Column({ name: 'imported_at', type: 'timestamptz' }) importedAt!: Date;
}
