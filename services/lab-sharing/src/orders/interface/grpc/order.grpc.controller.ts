import { Injectable } from '@nestjs/common';
import { orderServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer, readPurpose } from '@medgrid/grpc';
import { CancelOrderCommand } from '../../application/cancel-order/cancel-order.command';
import { CancelOrderUseCase } from '../../application/cancel-order/cancel-order.use-case';
import { GetOrderQuery } from '../../application/get-order/get-order.query';
import { GetOrderUseCase } from '../../application/get-order/get-order.use-case';
import { ListOrdersQuery } from '../../application/list-orders/list-orders.query';
import { ListOrdersUseCase } from '../../application/list-orders/list-orders.use-case';
import { PlaceOrderCommand } from '../../application/place-order/place-order.command';
import { PlaceOrderUseCase } from '../../application/place-order/place-order.use-case';
import { RecordExamDataCommand } from '../../application/record-exam-data/record-exam-data.command';
import { RecordExamDataUseCase } from '../../application/record-exam-data/record-exam-data.use-case';
import { orderStatusFromProto, orderToProto, urgencyFromProto } from '../../contracts/order.proto-mapper';

/** medgrid.lab_sharing.v1.OrderService. */
@Injectable()
export class OrderGrpcController implements GrpcController {
  constructor(
    private readonly placeOrder: PlaceOrderUseCase,
    private readonly recordExamData: RecordExamDataUseCase,
    private readonly cancelOrder: CancelOrderUseCase,
    private readonly getOrder: GetOrderUseCase,
    private readonly listOrders: ListOrdersUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.lab_sharing.v1.OrderService', orderServiceV1.OrderServiceService, {
      // rpc PlaceOrder
      placeOrder: async (r, { identity }) => ({
        order: orderToProto(
          await this.placeOrder.execute(
            identity,
            PlaceOrderCommand.create({ ...r, urgency: urgencyFromProto(r.urgency) }),
          ),
        ),
      }),
      // rpc RecordExamData
      recordExamData: async (r, { identity }) => ({
        order: orderToProto(await this.recordExamData.execute(identity, RecordExamDataCommand.create(r))),
      }),
      // rpc CancelOrder
      cancelOrder: async (r, { identity }) => ({
        order: orderToProto(await this.cancelOrder.execute(identity, CancelOrderCommand.create(r))),
      }),
      // rpc GetOrder: an audited read; the purpose comes from x-purpose metadata.
      getOrder: async (r, { identity, metadata }) => ({
        order: orderToProto(
          await this.getOrder.execute(
            identity,
            GetOrderQuery.create({ ...r, 'x-purpose': readPurpose(metadata) }),
          ),
        ),
      }),
      // rpc ListOrders: an audited read of every order on the page.
      listOrders: async (r, { identity, metadata }) => {
        const page = await this.listOrders.execute(
          identity,
          ListOrdersQuery.create({
            ...r,
            status: orderStatusFromProto(r.status),
            'x-purpose': readPurpose(metadata),
          }),
        );
        return { orders: page.orders.map(orderToProto), nextPageToken: page.nextPageToken };
      },
    });
  }
}
