import { Injectable } from '@nestjs/common';
import { formularyServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { GetFormularyQuery } from '../../application/get-formulary/get-formulary.query';
import { GetFormularyUseCase } from '../../application/get-formulary/get-formulary.use-case';
import { RecordStockMovementCommand } from '../../application/record-stock-movement/record-stock-movement.command';
import { RecordStockMovementUseCase } from '../../application/record-stock-movement/record-stock-movement.use-case';
import { StockDrugCommand } from '../../application/stock-drug/stock-drug.command';
import { StockDrugUseCase } from '../../application/stock-drug/stock-drug.use-case';
import { UnstockDrugCommand } from '../../application/unstock-drug/unstock-drug.command';
import { UnstockDrugUseCase } from '../../application/unstock-drug/unstock-drug.use-case';
import {
  formularyToProto,
  stockMovementKindFromProto,
  stockMovementToProto,
} from '../../contracts/formulary.proto-mapper';

/** medgrid.pharmacy.v1.FormularyService. */
@Injectable()
export class FormularyGrpcController implements GrpcController {
  constructor(
    private readonly stockDrug: StockDrugUseCase,
    private readonly unstockDrug: UnstockDrugUseCase,
    private readonly recordStockMovement: RecordStockMovementUseCase,
    private readonly getFormulary: GetFormularyUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.pharmacy.v1.FormularyService', formularyServiceV1.FormularyServiceService, {
      // rpc StockDrug
      stockDrug: async (r, { identity }) => ({
        formulary: formularyToProto(await this.stockDrug.execute(identity, StockDrugCommand.create(r))),
      }),
      // rpc UnstockDrug
      unstockDrug: async (r, { identity }) => ({
        formulary: formularyToProto(await this.unstockDrug.execute(identity, UnstockDrugCommand.create(r))),
      }),
      // rpc RecordStockMovement
      recordStockMovement: async (r, { identity }) => ({
        movement: stockMovementToProto(
          await this.recordStockMovement.execute(
            identity,
            RecordStockMovementCommand.create({ ...r, kind: stockMovementKindFromProto(r.kind) }),
          ),
        ),
      }),
      // rpc GetFormulary
      getFormulary: async (r, { identity }) => ({
        formulary: formularyToProto(await this.getFormulary.execute(identity, GetFormularyQuery.create(r))),
      }),
    });
  }
}
