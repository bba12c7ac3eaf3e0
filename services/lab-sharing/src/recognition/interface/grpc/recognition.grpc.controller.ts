import { Injectable } from '@nestjs/common';
import { recognitionServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer, readPurpose } from '@medgrid/grpc';
import { GetCatalogueItemQuery } from '../../application/get-catalogue-item/get-catalogue-item.query';
import { GetCatalogueItemUseCase } from '../../application/get-catalogue-item/get-catalogue-item.use-case';
import { GetCatalogueQuery } from '../../application/get-catalogue/get-catalogue.query';
import { GetCatalogueUseCase } from '../../application/get-catalogue/get-catalogue.use-case';
import { GetRecognitionStatisticsQuery } from '../../application/get-recognition-statistics/get-recognition-statistics.query';
import { GetRecognitionStatisticsUseCase } from '../../application/get-recognition-statistics/get-recognition-statistics.use-case';
import { LoadCatalogueCommand } from '../../application/load-catalogue/load-catalogue.command';
import { LoadCatalogueUseCase } from '../../application/load-catalogue/load-catalogue.use-case';
import { LoadStarterCatalogueCommand } from '../../application/load-starter-catalogue/load-starter-catalogue.command';
import { LoadStarterCatalogueUseCase } from '../../application/load-starter-catalogue/load-starter-catalogue.use-case';
import { LookUpResultsCommand } from '../../application/look-up-results/look-up-results.command';
import { LookUpResultsUseCase } from '../../application/look-up-results/look-up-results.use-case';
import { OrderAnywayCommand } from '../../application/order-anyway/order-anyway.command';
import { OrderAnywayUseCase } from '../../application/order-anyway/order-anyway.use-case';
import { PutCatalogueItemCommand } from '../../application/put-catalogue-item/put-catalogue-item.command';
import { PutCatalogueItemUseCase } from '../../application/put-catalogue-item/put-catalogue-item.use-case';
import { RemoveCatalogueItemCommand } from '../../application/remove-catalogue-item/remove-catalogue-item.command';
import { RemoveCatalogueItemUseCase } from '../../application/remove-catalogue-item/remove-catalogue-item.use-case';
import { ReuseResultCommand } from '../../application/reuse-result/reuse-result.command';
import { ReuseResultUseCase } from '../../application/reuse-result/reuse-result.use-case';
import {
  catalogueItemFromProto,
  catalogueItemToProto,
  catalogueToProto,
  figuresToProto,
  lookupToProto,
} from '../../contracts/recognition.proto-mapper';

/** medgrid.lab_sharing.v1.RecognitionService. */
@Injectable()
export class RecognitionGrpcController implements GrpcController {
  constructor(
    private readonly loadCatalogue: LoadCatalogueUseCase,
    private readonly loadStarterCatalogue: LoadStarterCatalogueUseCase,
    private readonly putCatalogueItem: PutCatalogueItemUseCase,
    private readonly removeCatalogueItem: RemoveCatalogueItemUseCase,
    private readonly getCatalogue: GetCatalogueUseCase,
    private readonly getCatalogueItem: GetCatalogueItemUseCase,
    private readonly lookUpResults: LookUpResultsUseCase,
    private readonly reuseResult: ReuseResultUseCase,
    private readonly orderAnyway: OrderAnywayUseCase,
    private readonly getStatistics: GetRecognitionStatisticsUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService(
      'medgrid.lab_sharing.v1.RecognitionService',
      recognitionServiceV1.RecognitionServiceService,
      {
        // rpc LoadCatalogue
        loadCatalogue: async (r, { identity }) => {
          const { catalogue } = await this.loadCatalogue.execute(
            identity,
            LoadCatalogueCommand.create({ ...r, items: r.items.map(catalogueItemFromProto) }),
          );
          return { catalogue: catalogueToProto(catalogue) };
        },
        // rpc LoadStarterCatalogue
        loadStarterCatalogue: async (r, { identity }) => {
          const { catalogue } = await this.loadStarterCatalogue.execute(
            identity,
            LoadStarterCatalogueCommand.create(r),
          );
          return { catalogue: catalogueToProto(catalogue) };
        },
        // rpc PutCatalogueItem
        putCatalogueItem: async (r, { identity }) => {
          const { catalogue, item } = await this.putCatalogueItem.execute(
            identity,
            PutCatalogueItemCommand.create({ ...r, item: r.item && catalogueItemFromProto(r.item) }),
          );
          return {
            catalogue: catalogueToProto(catalogue),
            item: item ? catalogueItemToProto(item) : undefined,
          };
        },
        // rpc RemoveCatalogueItem
        removeCatalogueItem: async (r, { identity }) => {
          const { catalogue } = await this.removeCatalogueItem.execute(
            identity,
            RemoveCatalogueItemCommand.create(r),
          );
          return { catalogue: catalogueToProto(catalogue) };
        },
        // rpc GetCatalogue
        getCatalogue: async (r) => {
          const page = await this.getCatalogue.execute(GetCatalogueQuery.create(r));
          return {
            catalogue: catalogueToProto(page.catalogue),
            items: page.items.map(catalogueItemToProto),
            nextPageToken: page.nextPageToken,
          };
        },
        // rpc GetCatalogueItem
        getCatalogueItem: async (r) => {
          const { catalogue, item } = await this.getCatalogueItem.execute(GetCatalogueItemQuery.create(r));
          return { catalogue: catalogueToProto(catalogue), item: catalogueItemToProto(item) };
        },
        // rpc LookUpResults
        lookUpResults: async (r, { identity, metadata }) => {
          const { lookup, itemRecognised } = await this.lookUpResults.execute(
            identity,
            LookUpResultsCommand.create({ ...r, 'x-purpose': readPurpose(metadata) }),
          );
          return { lookup: lookupToProto(lookup, itemRecognised) };
        },
        // rpc ReuseResult
        reuseResult: async (r, { identity }) => ({
          lookup: lookupToProto(await this.reuseResult.execute(identity, ReuseResultCommand.create(r)), true),
        }),
        // rpc OrderAnyway
        orderAnyway: async (r, { identity }) => ({
          lookup: lookupToProto(await this.orderAnyway.execute(identity, OrderAnywayCommand.create(r)), true),
        }),
        // rpc GetRecognitionStatistics
        getRecognitionStatistics: async (r, { identity }) => {
          const { figures, total } = await this.getStatistics.execute(
            identity,
            GetRecognitionStatisticsQuery.create(r),
          );
          return { figures: figures.map(figuresToProto), total: figuresToProto(total) };
        },
      },
    );
  }
}
