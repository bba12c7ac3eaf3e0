import { Injectable } from '@nestjs/common';
import { importServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { ImportCsvCommand } from '../../application/import-csv/import-csv.command';
import { ImportCsvUseCase } from '../../application/import-csv/import-csv.use-case';
import { MAX_IMPORT_BYTES } from '../../application/csv-rows';
import { type ImportKind } from '../../domain/csv-import';

const { ImportKind: Kind } = importServiceV1;

function kindFromProto(kind: importServiceV1.ImportKind): ImportKind | undefined {
  switch (kind) {
    case Kind.IMPORT_KIND_INSTITUTIONS:
      return 'institutions';
    case Kind.IMPORT_KIND_DEPARTMENTS:
      return 'departments';
    case Kind.IMPORT_KIND_PRACTITIONERS:
      return 'practitioners';
    case Kind.IMPORT_KIND_RESIDENTS:
      return 'residents';
    case Kind.IMPORT_KIND_CONTRACTS:
      return 'contracts';
    case Kind.IMPORT_KIND_UNSPECIFIED:
    case Kind.UNRECOGNIZED:
      return undefined;
  }
}

/** medgrid.registry.v1.ImportService. */
@Injectable()
export class ImportGrpcController implements GrpcController {
  constructor(private readonly importCsv: ImportCsvUseCase) {}

  register(server: GrpcServer): void {
    server.addService(
      'medgrid.registry.v1.ImportService',
      importServiceV1.ImportServiceService,
      {
        importCsv: async (request, { identity }) => {
          const command = ImportCsvCommand.create({ ...request, kind: kindFromProto(request.kind) });
          const report = await this.importCsv.execute(identity, command);
          return { ...report, rejected: report.rejected.map((r) => ({ ...r })) };
        },
      },
      // The file and the message around it: a file over the import's own limit is refused with its reason.
      { requestLimits: { importCsv: MAX_IMPORT_BYTES + 1024 * 1024 } },
    );
  }
}
