import { CancelRequisitionUseCase } from './application/cancel-requisition/cancel-requisition.use-case';
import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { PharmacyCommonModule } from '../common/pharmacy-common.module';
import { FormularyModule } from '../formulary/formulary.module';
import { CentreStep } from './application/centre-step';
import { DistributePurchaseOrderUseCase } from './application/distribute-purchase-order/distribute-purchase-order.use-case';
import { GetProcurementSavingsUseCase } from './application/get-procurement-savings/get-procurement-savings.use-case';
import { GetPurchaseOrderUseCase } from './application/get-purchase-order/get-purchase-order.use-case';
import { GetRequisitionUseCase } from './application/get-requisition/get-requisition.use-case';
import { GetSupplierLedgerUseCase } from './application/get-supplier-ledger/get-supplier-ledger.use-case';
import { ListRequisitionsUseCase } from './application/list-requisitions/list-requisitions.use-case';
import { PlacePurchaseOrdersUseCase } from './application/place-purchase-orders/place-purchase-orders.use-case';
import { RaiseRequisitionUseCase } from './application/raise-requisition/raise-requisition.use-case';
import { ReceiveDeliveryUseCase } from './application/receive-delivery/receive-delivery.use-case';
import { RecordSupplierPaymentUseCase } from './application/record-supplier-payment/record-supplier-payment.use-case';
import { PurchasingEventPublisher } from './domain/purchasing-event-publisher';
import {
  PurchaseOrderRepository,
  RequisitionRepository,
  SettlementLedgerRepository,
} from './domain/purchasing.repository';
import { PurchasingOutboxPublisher } from './infrastructure/messaging/purchasing-outbox.publisher';
import { PurchaseOrderTypeormRepository } from './infrastructure/persistence/purchase-order.typeorm-repository';
import { RequisitionTypeormRepository } from './infrastructure/persistence/requisition.typeorm-repository';
import { SettlementLedgerTypeormRepository } from './infrastructure/persistence/settlement-ledger.typeorm-repository';

const USE_CASES = [
  RaiseRequisitionUseCase,
  GetRequisitionUseCase,
  ListRequisitionsUseCase,
  CancelRequisitionUseCase,
  PlacePurchaseOrdersUseCase,
  GetPurchaseOrderUseCase,
  ReceiveDeliveryUseCase,
  DistributePurchaseOrderUseCase,
  RecordSupplierPaymentUseCase,
  GetSupplierLedgerUseCase,
  GetProcurementSavingsUseCase,
];

/**
 * The purchasing context (统一采购、统一配送、统一结算): institutions' requisitions, the group's purchasing centre's
 * purchase orders, deliveries and their distribution into the institutions' stock (through the formulary's
 * repository), and the settlement ledger with the suppliers.
 */
@Module({
  imports: [PharmacyCommonModule, CatalogueModule, FormularyModule],
  providers: [
    ...USE_CASES,
    CentreStep,
    { provide: RequisitionRepository, useClass: RequisitionTypeormRepository },
    { provide: PurchaseOrderRepository, useClass: PurchaseOrderTypeormRepository },
    { provide: SettlementLedgerRepository, useClass: SettlementLedgerTypeormRepository },
    { provide: PurchasingEventPublisher, useClass: PurchasingOutboxPublisher },
  ],
  exports: [...USE_CASES],
})
export class PurchasingModule {}
