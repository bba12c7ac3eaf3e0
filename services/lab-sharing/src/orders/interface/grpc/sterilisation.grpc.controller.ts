import { Injectable } from '@nestjs/common';
import { sterilisationServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { ConfirmSterilisationReturnCommand } from '../../application/confirm-sterilisation-return/confirm-sterilisation-return.command';
import { ConfirmSterilisationReturnUseCase } from '../../application/confirm-sterilisation-return/confirm-sterilisation-return.use-case';
import { DispatchSterilisationBatchCommand } from '../../application/dispatch-sterilisation-batch/dispatch-sterilisation-batch.command';
import { DispatchSterilisationBatchUseCase } from '../../application/dispatch-sterilisation-batch/dispatch-sterilisation-batch.use-case';
import { GetSterilisationBatchQuery } from '../../application/get-sterilisation-batch/get-sterilisation-batch.query';
import { GetSterilisationBatchUseCase } from '../../application/get-sterilisation-batch/get-sterilisation-batch.use-case';
import { ListSterilisationBatchesQuery } from '../../application/list-sterilisation-batches/list-sterilisation-batches.query';
import { ListSterilisationBatchesUseCase } from '../../application/list-sterilisation-batches/list-sterilisation-batches.use-case';
import { ReceiveSterilisationBatchCommand } from '../../application/receive-sterilisation-batch/receive-sterilisation-batch.command';
import { ReceiveSterilisationBatchUseCase } from '../../application/receive-sterilisation-batch/receive-sterilisation-batch.use-case';
import { RecordSterilisationCycleCommand } from '../../application/record-sterilisation-cycle/record-sterilisation-cycle.command';
import { RecordSterilisationCycleUseCase } from '../../application/record-sterilisation-cycle/record-sterilisation-cycle.use-case';
import { SendSterilisationBatchCommand } from '../../application/send-sterilisation-batch/send-sterilisation-batch.command';
import { SendSterilisationBatchUseCase } from '../../application/send-sterilisation-batch/send-sterilisation-batch.use-case';
import {
  sterilisationBatchToProto,
  sterilisationMethodFromProto,
  sterilisationStatusFromProto,
} from '../../contracts/sterilisation-batch.proto-mapper';

/** medgrid.lab_sharing.v1.SterilisationService. */
@Injectable()
export class SterilisationGrpcController implements GrpcController {
  constructor(
    private readonly send: SendSterilisationBatchUseCase,
    private readonly receive: ReceiveSterilisationBatchUseCase,
    private readonly recordCycle: RecordSterilisationCycleUseCase,
    private readonly dispatch: DispatchSterilisationBatchUseCase,
    private readonly confirmReturn: ConfirmSterilisationReturnUseCase,
    private readonly getBatch: GetSterilisationBatchUseCase,
    private readonly listBatches: ListSterilisationBatchesUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService(
      'medgrid.lab_sharing.v1.SterilisationService',
      sterilisationServiceV1.SterilisationServiceService,
      {
        // rpc SendBatch
        sendBatch: async (r, { identity }) => ({
          batch: sterilisationBatchToProto(
            await this.send.execute(identity, SendSterilisationBatchCommand.create(r)),
          ),
        }),
        // rpc ReceiveBatch
        receiveBatch: async (r, { identity }) => ({
          batch: sterilisationBatchToProto(
            await this.receive.execute(identity, ReceiveSterilisationBatchCommand.create(r)),
          ),
        }),
        // rpc RecordCycle
        recordCycle: async (r, { identity }) => ({
          batch: sterilisationBatchToProto(
            await this.recordCycle.execute(
              identity,
              RecordSterilisationCycleCommand.create({
                ...r,
                // No cycle at all is refused field by field (cycle.cycleId, cycle.method, cycle.at).
                cycle: {
                  cycleId: r.cycle?.cycleId ?? '',
                  method: r.cycle && sterilisationMethodFromProto(r.cycle.method),
                  indicatorsPassed: r.cycle?.indicatorsPassed ?? false,
                  at: r.cycle?.at,
                },
              }),
            ),
          ),
        }),
        // rpc DispatchBatch
        dispatchBatch: async (r, { identity }) => ({
          batch: sterilisationBatchToProto(
            await this.dispatch.execute(identity, DispatchSterilisationBatchCommand.create(r)),
          ),
        }),
        // rpc ConfirmReturn
        confirmReturn: async (r, { identity }) => ({
          batch: sterilisationBatchToProto(
            await this.confirmReturn.execute(identity, ConfirmSterilisationReturnCommand.create(r)),
          ),
        }),
        // rpc GetBatch
        getBatch: async (r, { identity }) => ({
          batch: sterilisationBatchToProto(
            await this.getBatch.execute(identity, GetSterilisationBatchQuery.create(r)),
          ),
        }),
        // rpc ListBatches
        listBatches: async (r, { identity }) => {
          const page = await this.listBatches.execute(
            identity,
            ListSterilisationBatchesQuery.create({ ...r, status: sterilisationStatusFromProto(r.status) }),
          );
          return { batches: page.batches.map(sterilisationBatchToProto), nextPageToken: page.nextPageToken };
        },
      },
    );
  }
}
