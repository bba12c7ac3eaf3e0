import { type CsvImport, type ImportKind } from '../../domain/csv-import';
import { type CsvImportOrmEntity } from './csv-import.orm-entity';

// Every field is spelled out in both directions (no spreads), so a column added to the entity
// or a field added to the domain type does not compile until it is mapped.

export function csvImportToEntity(csvImport: CsvImport): CsvImportOrmEntity {
  return {
    id: csvImport.id,
    kind: csvImport.kind,
    rowCount: csvImport.rows,
    accepted: csvImport.accepted,
    contracts: csvImport.contracts,
    importedAt: csvImport.importedAt,
  };
}

export function csvImportFromEntity(entity: CsvImportOrmEntity): CsvImport {
  return {
    id: entity.id,
    kind: entity.kind as ImportKind,
    rows: entity.rowCount,
    accepted: entity.accepted,
    contracts: entity.contracts,
    importedAt: entity.importedAt,
  };
}
