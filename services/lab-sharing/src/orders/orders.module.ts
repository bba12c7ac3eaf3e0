import { Module } from '@nestjs/common';
import { LabSharingCommonModule } from '../common/lab-sharing-common.module';
import { CancelOrderUseCase } from './application/cancel-order/cancel-order.use-case';
import { GetOrderUseCase } from './application/get-order/get-order.use-case';
import { ListOrdersUseCase } from './application/list-orders/list-orders.use-case';
import { OrderStep } from './application/order-step';
import { PlaceOrderUseCase } from './application/place-order/place-order.use-case';
import { RecordExamDataUseCase } from './application/record-exam-data/record-exam-data.use-case';
import { OrderEventPublisher } from './domain/order-event-publisher';
import { OrderRepository } from './domain/order.repository';
import { OrderOutboxPublisher } from './infrastructure/messaging/order-outbox.publisher';
import { OrderTypeormRepository } from './infrastructure/persistence/order.typeorm-repository';

const USE_CASES = [
  PlaceOrderUseCase,
  RecordExamDataUseCase,
  CancelOrderUseCase,
  GetOrderUseCase,
  ListOrdersUseCase,
];

/**
 * The orders context: orders placed at a primary site, their exam data and cancellation. It reads the centres'
 * and the recognition catalogue's ports (bound by their modules, global) and owns OrderReporting, which
 * reporting implements; lab-sharing.module.ts binds it.
 */
@Module({
  imports: [LabSharingCommonModule],
  providers: [
    ...USE_CASES,
    OrderStep,
    { provide: OrderRepository, useClass: OrderTypeormRepository },
    { provide: OrderEventPublisher, useClass: OrderOutboxPublisher },
  ],
  exports: [...USE_CASES, OrderRepository, OrderEventPublisher],
})
export class OrdersModule {}
