import { Injectable } from '@nestjs/common';
import { drugCatalogueServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { MAX_CATALOGUE_BYTES } from '../../application/catalogue-csv';
import { GetCatalogueQuery } from '../../application/get-catalogue/get-catalogue.query';
import { GetCatalogueUseCase } from '../../application/get-catalogue/get-catalogue.use-case';
import { GetDrugQuery } from '../../application/get-drug/get-drug.query';
import { GetDrugUseCase } from '../../application/get-drug/get-drug.use-case';
import { LoadCatalogueCsvCommand } from '../../application/load-catalogue-csv/load-catalogue-csv.command';
import { LoadCatalogueCsvUseCase } from '../../application/load-catalogue-csv/load-catalogue-csv.use-case';
import { LoadStarterCatalogueCommand } from '../../application/load-starter-catalogue/load-starter-catalogue.command';
import { LoadStarterCatalogueUseCase } from '../../application/load-starter-catalogue/load-starter-catalogue.use-case';
import { PutDrugCommand } from '../../application/put-drug/put-drug.command';
import { PutDrugUseCase } from '../../application/put-drug/put-drug.use-case';
import { SearchDrugsQuery } from '../../application/search-drugs/search-drugs.query';
import { SearchDrugsUseCase } from '../../application/search-drugs/search-drugs.use-case';
import { WithdrawDrugCommand } from '../../application/withdraw-drug/withdraw-drug.command';
import { WithdrawDrugUseCase } from '../../application/withdraw-drug/withdraw-drug.use-case';
import {
  catalogueToProto,
  drugFromProto,
  drugToProto,
  drugVersionToProto,
  rejectedRowToProto,
} from '../../contracts/catalogue.proto-mapper';

/** medgrid.pharmacy.v1.CatalogueService. */
@Injectable()
export class CatalogueGrpcController implements GrpcController {
  constructor(
    private readonly loadCatalogueCsv: LoadCatalogueCsvUseCase,
    private readonly loadStarterCatalogue: LoadStarterCatalogueUseCase,
    private readonly putDrug: PutDrugUseCase,
    private readonly withdrawDrug: WithdrawDrugUseCase,
    private readonly getCatalogue: GetCatalogueUseCase,
    private readonly getDrug: GetDrugUseCase,
    private readonly searchDrugs: SearchDrugsUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService(
      'medgrid.pharmacy.v1.CatalogueService',
      drugCatalogueServiceV1.CatalogueServiceService,
      {
        // rpc LoadDrugCatalogueCsv
        loadDrugCatalogueCsv: async (r, { identity }) => {
          const loaded = await this.loadCatalogueCsv.execute(
            identity,
            LoadCatalogueCsvCommand.create({ ...r, content: Buffer.from(r.content) }),
          );
          return {
            committed: loaded.committed,
            rows: loaded.rows,
            accepted: loaded.accepted,
            rejected: loaded.rejected.map(rejectedRowToProto),
            catalogue: catalogueToProto(loaded.catalogue),
          };
        },
        // rpc LoadStarterDrugCatalogue
        loadStarterDrugCatalogue: async (r, { identity }) => {
          const { catalogue } = await this.loadStarterCatalogue.execute(
            identity,
            LoadStarterCatalogueCommand.create(r),
          );
          return { catalogue: catalogueToProto(catalogue) };
        },
        // rpc PutDrug
        putDrug: async (r, { identity }) => {
          const { catalogue, version } = await this.putDrug.execute(
            identity,
            PutDrugCommand.create({ ...r, drug: r.drug && drugFromProto(r.drug) }),
          );
          return {
            catalogue: catalogueToProto(catalogue),
            version: version ? drugVersionToProto(version) : undefined,
          };
        },
        // rpc WithdrawDrug
        withdrawDrug: async (r, { identity }) => {
          const { catalogue, version } = await this.withdrawDrug.execute(
            identity,
            WithdrawDrugCommand.create(r),
          );
          return {
            catalogue: catalogueToProto(catalogue),
            version: version ? drugVersionToProto(version) : undefined,
          };
        },
        // rpc GetDrugCatalogue
        getDrugCatalogue: async (r, { identity }) => {
          const page = await this.getCatalogue.execute(identity, GetCatalogueQuery.create(r));
          return {
            catalogue: catalogueToProto(page.catalogue),
            drugs: page.drugs.map(drugToProto),
            nextPageToken: page.nextPageToken,
          };
        },
        // rpc GetDrug
        getDrug: async (r, { identity }) => {
          const record = await this.getDrug.execute(identity, GetDrugQuery.create(r));
          return {
            catalogue: catalogueToProto(record.catalogue),
            inForce: record.inForce ? drugToProto(record.inForce) : undefined,
            versions: record.versions.map(drugVersionToProto),
          };
        },
        // rpc SearchDrugs
        searchDrugs: async (r, { identity }) => ({
          drugs: (await this.searchDrugs.execute(identity, SearchDrugsQuery.create(r))).map(drugToProto),
        }),
      },
      // The file and the message around it: a file over the catalogue's own limit is refused with its reason.
      { requestLimits: { loadDrugCatalogueCsv: MAX_CATALOGUE_BYTES + 1024 * 1024 } },
    );
  }
}
