import { Injectable } from '@nestjs/common';
import { purchasingServiceV1 } from '@medgrid/contracts';
import { type GrpcController, type GrpcServer } from '@medgrid/grpc';
import { DistributePurchaseOrderCommand } from '../../application/distribute-purchase-order/distribute-purchase-order.command';
import { DistributePurchaseOrderUseCase } from '../../application/distribute-purchase-order/distribute-purchase-order.use-case';
import { GetProcurementSavingsQuery } from '../../application/get-procurement-savings/get-procurement-savings.query';
import { GetProcurementSavingsUseCase } from '../../application/get-procurement-savings/get-procurement-savings.use-case';
import { GetPurchaseOrderQuery } from '../../application/get-purchase-order/get-purchase-order.query';
import { GetPurchaseOrderUseCase } from '../../application/get-purchase-order/get-purchase-order.use-case';
import { CancelRequisitionCommand } from '../../application/cancel-requisition/cancel-requisition.command';
import { CancelRequisitionUseCase } from '../../application/cancel-requisition/cancel-requisition.use-case';
import { GetRequisitionQuery } from '../../application/get-requisition/get-requisition.query';
import { GetRequisitionUseCase } from '../../application/get-requisition/get-requisition.use-case';
import { GetSupplierLedgerQuery } from '../../application/get-supplier-ledger/get-supplier-ledger.query';
import { GetSupplierLedgerUseCase } from '../../application/get-supplier-ledger/get-supplier-ledger.use-case';
import { ListRequisitionsQuery } from '../../application/list-requisitions/list-requisitions.query';
import { ListRequisitionsUseCase } from '../../application/list-requisitions/list-requisitions.use-case';
import { PlacePurchaseOrdersCommand } from '../../application/place-purchase-orders/place-purchase-orders.command';
import { PlacePurchaseOrdersUseCase } from '../../application/place-purchase-orders/place-purchase-orders.use-case';
import { RaiseRequisitionCommand } from '../../application/raise-requisition/raise-requisition.command';
import { RaiseRequisitionUseCase } from '../../application/raise-requisition/raise-requisition.use-case';
import { ReceiveDeliveryCommand } from '../../application/receive-delivery/receive-delivery.command';
import { ReceiveDeliveryUseCase } from '../../application/receive-delivery/receive-delivery.use-case';
import { RecordSupplierPaymentCommand } from '../../application/record-supplier-payment/record-supplier-payment.command';
import { RecordSupplierPaymentUseCase } from '../../application/record-supplier-payment/record-supplier-payment.use-case';
import {
  distributionToProto,
  ledgerEntryToProto,
  purchaseOrderToProto,
  requisitionStatusFromProto,
  requisitionToProto,
  savingsToProto,
} from '../../contracts/purchasing.proto-mapper';

/** medgrid.pharmacy.v1.PurchasingService. */
@Injectable()
export class PurchasingGrpcController implements GrpcController {
  constructor(
    private readonly raiseRequisition: RaiseRequisitionUseCase,
    private readonly getRequisition: GetRequisitionUseCase,
    private readonly listRequisitions: ListRequisitionsUseCase,
    private readonly cancelRequisition: CancelRequisitionUseCase,
    private readonly placePurchaseOrders: PlacePurchaseOrdersUseCase,
    private readonly getPurchaseOrder: GetPurchaseOrderUseCase,
    private readonly receiveDelivery: ReceiveDeliveryUseCase,
    private readonly distributePurchaseOrder: DistributePurchaseOrderUseCase,
    private readonly recordSupplierPayment: RecordSupplierPaymentUseCase,
    private readonly getSupplierLedger: GetSupplierLedgerUseCase,
    private readonly getProcurementSavings: GetProcurementSavingsUseCase,
  ) {}

  register(server: GrpcServer): void {
    server.addService('medgrid.pharmacy.v1.PurchasingService', purchasingServiceV1.PurchasingServiceService, {
      // rpc RaiseRequisition
      raiseRequisition: async (r, { identity }) => ({
        requisition: requisitionToProto(
          await this.raiseRequisition.execute(identity, RaiseRequisitionCommand.create(r)),
        ),
      }),
      // rpc GetRequisition
      getRequisition: async (r, { identity }) => ({
        requisition: requisitionToProto(
          await this.getRequisition.execute(identity, GetRequisitionQuery.create(r)),
        ),
      }),
      // rpc ListRequisitions
      listRequisitions: async (r, { identity }) => {
        const page = await this.listRequisitions.execute(
          identity,
          ListRequisitionsQuery.create({
            status: requisitionStatusFromProto(r.status),
            pageSize: r.pageSize,
            pageToken: r.pageToken,
          }),
        );
        return { requisitions: page.requisitions.map(requisitionToProto), nextPageToken: page.nextPageToken };
      },
      // rpc CancelRequisition
      cancelRequisition: async (r, { identity }) => ({
        requisition: requisitionToProto(
          await this.cancelRequisition.execute(identity, CancelRequisitionCommand.create(r)),
        ),
      }),
      // rpc PlacePurchaseOrders
      placePurchaseOrders: async (r, { identity }) => {
        const placed = await this.placePurchaseOrders.execute(identity, PlacePurchaseOrdersCommand.create(r));
        return {
          purchaseOrders: placed.orders.map(purchaseOrderToProto),
          unorderable: placed.unorderable.map((u) => ({ ...u })),
        };
      },
      // rpc GetPurchaseOrder
      getPurchaseOrder: async (r, { identity }) => ({
        purchaseOrder: purchaseOrderToProto(
          await this.getPurchaseOrder.execute(identity, GetPurchaseOrderQuery.create(r)),
        ),
      }),
      // rpc ReceiveDelivery
      receiveDelivery: async (r, { identity }) => {
        const received = await this.receiveDelivery.execute(identity, ReceiveDeliveryCommand.create(r));
        return { purchaseOrder: purchaseOrderToProto(received.order), owedFen: received.owedFen };
      },
      // rpc DistributePurchaseOrder
      distributePurchaseOrder: async (r, { identity }) => ({
        distribution: distributionToProto(
          await this.distributePurchaseOrder.execute(identity, DistributePurchaseOrderCommand.create(r)),
        ),
      }),
      // rpc RecordSupplierPayment
      recordSupplierPayment: async (r, { identity }) => {
        const paid = await this.recordSupplierPayment.execute(
          identity,
          RecordSupplierPaymentCommand.create(r),
        );
        return { entry: ledgerEntryToProto(paid.entry), balanceFen: paid.balanceFen };
      },
      // rpc GetSupplierLedger
      getSupplierLedger: async (r, { identity }) => {
        const ledger = await this.getSupplierLedger.execute(identity, GetSupplierLedgerQuery.create(r));
        return { entries: ledger.entries.map(ledgerEntryToProto), balanceFen: ledger.balanceFen };
      },
      // rpc GetProcurementSavings
      getProcurementSavings: async (r, { identity }) =>
        savingsToProto(
          await this.getProcurementSavings.execute(identity, GetProcurementSavingsQuery.create(r)),
        ),
    });
  }
}
