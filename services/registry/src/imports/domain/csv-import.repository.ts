import { type CsvImport } from './csv-import';

/** Persistence port of the committed CSV imports. */
export abstract class CsvImportRepository {
  abstract insert(csvImport: CsvImport): Promise<void>;
  abstract findById(id: string): Promise<CsvImport | null>;
}
