import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests } from '@medgrid/idempotency';
import { OutboxWriter } from '@medgrid/messaging';
import { RegistryViewTypeormRepository } from '@medgrid/registry-view';
import { anIdentity, MigratedTestDatabase } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { DrugCatalogueTypeormRepository } from '../../catalogue/infrastructure/persistence/drug-catalogue.typeorm-repository';
import { aDrug, aMetforminDrug } from '../../catalogue/test/drug.factory';
import { pharmacyDataSource } from '../../database/pharmacy-data-source';
import { FormularyStep } from '../../formulary/application/formulary-step';
import { RecordStockMovementUseCase } from '../../formulary/application/record-stock-movement/record-stock-movement.use-case';
import { StockDrugCommand } from '../../formulary/application/stock-drug/stock-drug.command';
import { StockDrugUseCase } from '../../formulary/application/stock-drug/stock-drug.use-case';
import { FormularyOutboxPublisher } from '../../formulary/infrastructure/messaging/formulary-outbox.publisher';
import { FormularyTypeormRepository } from '../../formulary/infrastructure/persistence/formulary.typeorm-repository';
import { CancelRequisitionUseCase } from '../application/cancel-requisition/cancel-requisition.use-case';
import { CentreStep } from '../application/centre-step';
import { DistributePurchaseOrderUseCase } from '../application/distribute-purchase-order/distribute-purchase-order.use-case';
import { GetProcurementSavingsUseCase } from '../application/get-procurement-savings/get-procurement-savings.use-case';
import { GetPurchaseOrderUseCase } from '../application/get-purchase-order/get-purchase-order.use-case';
import { GetRequisitionUseCase } from '../application/get-requisition/get-requisition.use-case';
import { GetSupplierLedgerUseCase } from '../application/get-supplier-ledger/get-supplier-ledger.use-case';
import { ListRequisitionsUseCase } from '../application/list-requisitions/list-requisitions.use-case';
import { PlacePurchaseOrdersCommand } from '../application/place-purchase-orders/place-purchase-orders.command';
import { PlacePurchaseOrdersUseCase } from '../application/place-purchase-orders/place-purchase-orders.use-case';
import { RaiseRequisitionCommand } from '../application/raise-requisition/raise-requisition.command';
import { ReceiveDeliveryCommand } from '../application/receive-delivery/receive-delivery.command';
import { RaiseRequisitionUseCase } from '../application/raise-requisition/raise-requisition.use-case';
import { ReceiveDeliveryUseCase } from '../application/receive-delivery/receive-delivery.use-case';
import { RecordSupplierPaymentUseCase } from '../application/record-supplier-payment/record-supplier-payment.use-case';
import { PurchasingOutboxPublisher } from '../infrastructure/messaging/purchasing-outbox.publisher';
import { PurchaseOrderTypeormRepository } from '../infrastructure/persistence/purchase-order.typeorm-repository';
import { RequisitionTypeormRepository } from '../infrastructure/persistence/requisition.typeorm-repository';
import { SettlementLedgerTypeormRepository } from '../infrastructure/persistence/settlement-ledger.typeorm-repository';
import { atorvastatin, atorvastatinOtherMaker } from './purchasing.factory';

/** A group of the registry's view with its purchasing centre and two primary clinics stocking three drugs. */
export interface PurchasingGroup {
  readonly centre: Identity;
  readonly clinic1: Identity;
  readonly clinic2: Identity;
}

/**
 * Purchasing on the real store: the use cases wired as the module wires them, over a migrated database of its own,
 * and a group to work in (`aGroup`), each test's its own.
 */
export class PurchasingFixtures {
  readonly uow: UnitOfWork;
  readonly registry: RegistryViewTypeormRepository;
  readonly catalogues: DrugCatalogueTypeormRepository;
  readonly formularies: FormularyTypeormRepository;
  readonly requisitions: RequisitionTypeormRepository;
  readonly orders: PurchaseOrderTypeormRepository;
  readonly ledgers: SettlementLedgerTypeormRepository;
  readonly stockDrug: StockDrugUseCase;
  readonly recordStockMovement: RecordStockMovementUseCase;
  readonly raiseRequisition: RaiseRequisitionUseCase;
  readonly getRequisition: GetRequisitionUseCase;
  readonly listRequisitions: ListRequisitionsUseCase;
  readonly cancelRequisition: CancelRequisitionUseCase;
  readonly placePurchaseOrders: PlacePurchaseOrdersUseCase;
  readonly getPurchaseOrder: GetPurchaseOrderUseCase;
  readonly receiveDelivery: ReceiveDeliveryUseCase;
  readonly distribute: DistributePurchaseOrderUseCase;
  readonly recordSupplierPayment: RecordSupplierPaymentUseCase;
  readonly getSupplierLedger: GetSupplierLedgerUseCase;
  readonly getProcurementSavings: GetProcurementSavingsUseCase;

  private constructor(readonly database: MigratedTestDatabase) {
    const uow = new UnitOfWork(database.dataSource);
    this.uow = uow;
    const requests = new ClientRequests(uow);
    this.registry = new RegistryViewTypeormRepository(uow);
    this.catalogues = new DrugCatalogueTypeormRepository(uow);
    this.formularies = new FormularyTypeormRepository(uow);
    this.requisitions = new RequisitionTypeormRepository(uow);
    this.orders = new PurchaseOrderTypeormRepository(uow);
    this.ledgers = new SettlementLedgerTypeormRepository(uow);
    const formularyStep = new FormularyStep(uow, this.formularies, this.registry, requests);
    const outbox = new OutboxWriter(uow, 'pharmacy');
    const formularyEvents = new FormularyOutboxPublisher(outbox);
    this.stockDrug = new StockDrugUseCase(formularyStep, this.formularies, this.catalogues, formularyEvents);
    this.recordStockMovement = new RecordStockMovementUseCase(
      formularyStep,
      this.formularies,
      formularyEvents,
    );
    const events = new PurchasingOutboxPublisher(outbox);
    const step = new CentreStep(uow, this.orders, requests);
    this.raiseRequisition = new RaiseRequisitionUseCase(
      uow,
      requests,
      this.registry,
      this.formularies,
      this.catalogues,
      this.requisitions,
    );
    this.getRequisition = new GetRequisitionUseCase(this.requisitions);
    this.listRequisitions = new ListRequisitionsUseCase(this.requisitions);
    this.cancelRequisition = new CancelRequisitionUseCase(uow, requests, this.requisitions, this.orders);
    this.placePurchaseOrders = new PlacePurchaseOrdersUseCase(
      step,
      this.requisitions,
      this.orders,
      this.catalogues,
      events,
    );
    this.getPurchaseOrder = new GetPurchaseOrderUseCase(step);
    this.receiveDelivery = new ReceiveDeliveryUseCase(step, this.orders, this.ledgers, this.catalogues);
    this.distribute = new DistributePurchaseOrderUseCase(
      step,
      this.orders,
      this.formularies,
      this.registry,
      events,
      formularyEvents,
    );
    this.recordSupplierPayment = new RecordSupplierPaymentUseCase(step, this.ledgers);
    this.getSupplierLedger = new GetSupplierLedgerUseCase(uow, this.ledgers);
    this.getProcurementSavings = new GetProcurementSavingsUseCase(this.orders);
  }

  static async create(name: string): Promise<PurchasingFixtures> {
    return new PurchasingFixtures(
      await MigratedTestDatabase.create(name, (url) => pharmacyDataSource(url, 8)),
    );
  }

  close(): Promise<void> {
    return this.database.close();
  }

  /**
   * A new group known to the view: its centre (a group administrator), two primary clinics, its catalogue listing
   * amlodipine and metformin (supplier 甲), atorvastatin and another maker's (supplier 乙), each clinic stocking
   * amlodipine, metformin and the first atorvastatin.
   */
  async aGroup(): Promise<PurchasingGroup> {
    const groupId = uuidv7();
    const centre = anIdentity({ role: 'group-admin', groupId, institutionId: null });
    const clinic1 = anIdentity({ role: 'primary-staff', groupId });
    const clinic2 = anIdentity({ role: 'primary-staff', groupId });
    for (const clinic of [clinic1, clinic2]) {
      await this.registry.upsertInstitution({
        id: clinic.institutionId!,
        groupId,
        level: 'primary',
        type: 'community-health-centre',
        version: 1,
      });
    }
    await this.uow.run(async () => {
      const catalogue = await this.catalogues.load(groupId, true);
      const now = new Date(Date.now() - 60_000);
      catalogue.load([aDrug(), aMetforminDrug(), atorvastatin, atorvastatinOtherMaker], now, 0, now);
      await this.catalogues.save(catalogue, catalogue.pullEvents(), 0, 'loaded', centre);
    });
    for (const clinic of [clinic1, clinic2]) {
      for (const code of [aDrug().code, aMetforminDrug().code, atorvastatin.code]) {
        await this.stockDrug.execute(
          clinic,
          StockDrugCommand.create({ clientRequestId: uuidv7(), drugCode: code }),
        );
      }
    }
    return { centre, clinic1, clinic2 };
  }

  async onHand(institutionId: string, drugCode: string): Promise<number> {
    return (await this.formularies.balance(institutionId, drugCode)).onHand;
  }

  /** The outbox rows of an event type whose key is one of `keys`. */
  async outbox(type: string, keys: readonly string[]): Promise<{ topic: string; message_key: string }[]> {
    return this.database.dataSource.query(
      `SELECT topic, message_key FROM outbox WHERE event_type = $1 AND message_key = ANY($2) ORDER BY seq`,
      [type, keys],
    );
  }

  /** Raises a requisition of the clinic's. */
  requisition(clinic: Identity, lines: readonly { drugCode: string; quantity: number }[]) {
    return this.raiseRequisition.execute(
      clinic,
      RaiseRequisitionCommand.create({ clientRequestId: uuidv7(), lines: [...lines] }),
    );
  }

  /**
   * A group whose clinic 1 asked 10 amlodipine and 4 atorvastatin, then clinic 2 asked 6 amlodipine; placed: an
   * order to 甲 (16 amlodipine) and one to 乙 (4 atorvastatin).
   */
  async anOrderedGroup() {
    const group = await this.aGroup();
    await this.requisition(group.clinic1, [
      { drugCode: aDrug().code, quantity: 10 },
      { drugCode: atorvastatin.code, quantity: 4 },
    ]);
    await this.requisition(group.clinic2, [{ drugCode: aDrug().code, quantity: 6 }]);
    const placed = await this.placePurchaseOrders.execute(
      group.centre,
      PlacePurchaseOrdersCommand.create({ clientRequestId: uuidv7() }),
    );
    const jia = placed.orders.find((order) => order.supplier === '配送企业甲')!;
    const yi = placed.orders.find((order) => order.supplier === '配送企业乙')!;
    return { ...group, jia, yi };
  }

  /** Receives a delivery note of the lines against the order. */
  deliver(
    centre: Identity,
    purchaseOrderId: string,
    lines: readonly { drugCode: string; quantity: number; substituteFor?: string }[],
    deliveryId = `DN-${uuidv7()}`,
  ) {
    return this.receiveDelivery.execute(
      centre,
      ReceiveDeliveryCommand.create({
        clientRequestId: uuidv7(),
        purchaseOrderId,
        deliveryId,
        lines: lines.map((line) => ({ ...line, substituteFor: line.substituteFor ?? '' })),
      }),
    );
  }
}
