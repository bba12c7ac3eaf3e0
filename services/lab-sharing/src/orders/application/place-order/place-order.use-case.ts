import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { ValidationError } from '@medgrid/errors';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { RegistryView } from '@medgrid/registry-view';
import { v7 as uuidv7 } from 'uuid';
import { type SharedCentre } from '../../../centres/domain/shared-centre';
import { SharedCentreRepository } from '../../../centres/domain/shared-centre.repository';
import { type ItemKind } from '../../../common/exam-kinds';
import { RecognitionCatalogueRepository } from '../../../recognition/domain/recognition-catalogue.repository';
import { type RecognitionLookupSnapshot } from '../../../recognition/domain/recognition-lookup';
import { RecognitionLookupRepository } from '../../../recognition/domain/recognition-lookup.repository';
import { Order, type OrderSnapshot } from '../../domain/order';
import { OrderError, OrderErrorCode } from '../../domain/order-error';
import { OrderRepository } from '../../domain/order.repository';
import { OrderStep } from '../order-step';
import { OrdersAccess } from '../orders-access.policy';
import { type PlaceOrderCommand } from './place-order.command';

/**
 * How long a site's "already done?" look-up binds its next order of the same patient and item when the order
 * names no look-up: an order placed within a day of a look-up that offered a recognised result goes ahead only
 * once the site ordered anyway (docs/domain.md section 5), whether or not the caller names the look-up.
 */
const LOOKUP_BINDS_MS = 24 * 3600_000;

/**
 * PlaceOrder: the site's order of one item of its region's recognition catalogue, at the group's centre of the
 * item's kind that serves the site (or the one named). A retry gets the order its first attempt placed.
 */
@Injectable()
export class PlaceOrderUseCase {
  constructor(
    private readonly orders: OrderRepository,
    private readonly centres: SharedCentreRepository,
    private readonly catalogues: RecognitionCatalogueRepository,
    private readonly lookups: RecognitionLookupRepository,
    private readonly registry: RegistryView,
    private readonly requests: ClientRequests,
    private readonly step: OrderStep,
  ) {}

  async execute(identity: Identity, command: PlaceOrderCommand, now = new Date()): Promise<OrderSnapshot> {
    const siteId = command.orderingInstitutionId ?? identity.institutionId;
    const practitionerId = command.orderingPractitionerId ?? identity.practitionerId;
    const missing = [
      ...(siteId
        ? []
        : [
            {
              field: 'orderingInstitutionId',
              reason: 'REQUIRED',
              description: 'the ordering institution, when the token names none',
            },
          ]),
      ...(practitionerId
        ? []
        : [
            {
              field: 'orderingPractitionerId',
              reason: 'REQUIRED',
              description: 'the ordering practitioner, when the token names none',
            },
          ]),
    ];
    if (missing.length || !siteId || !practitionerId) throw new ValidationError(missing);
    OrdersAccess.require(OrdersAccess.canActForSite(identity, siteId), 'order for this institution');
    return this.step.commit(
      () =>
        this.requests.createOnce(clientRequestOf('place-order', command), {
          load: async (earlier) => {
            const found = await this.orders.find(earlier, false);
            return found && { order: found, events: [] };
          },
          create: async () => {
            const regionId = await this.registry.cityOfInstitution(siteId);
            if (!regionId) {
              throw new OrderError(
                OrderErrorCode.RegionNotKnown,
                "the site's region (its group's city) is not known to lab-sharing yet; retry shortly",
              );
            }
            const item = await this.catalogues.findItem(regionId, command.itemCode);
            if (!item) {
              throw new OrderError(
                OrderErrorCode.UnknownItem,
                `the region's recognition catalogue has no item ${command.itemCode}`,
                'itemCode',
              );
            }
            const centre = await this.centreFor(command.centreId, identity.groupId, item.kind, siteId);
            const lookup = await this.lookupFor(command, siteId, now);
            const order = Order.place(
              {
                id: uuidv7(),
                orderingInstitutionId: siteId,
                orderingPractitionerId: practitionerId,
                patientResidentId: command.patientResidentId,
                clinicalInfo: command.clinicalInfo,
                urgency: command.urgency,
                referralId: command.referralId ?? null,
              },
              item,
              centre,
              lookup,
              now,
            );
            await this.orders.insert(order.snapshot());
            return { id: order.id, result: { order: order.snapshot(), events: order.pullEvents() } };
          },
        }),
      now,
    );
  }

  /** The centre named, or the group's one active centre of the kind that serves the site. */
  private async centreFor(
    centreId: string | undefined,
    groupId: string | null,
    kind: ItemKind,
    siteId: string,
  ): Promise<SharedCentre> {
    if (centreId) {
      const named = await this.centres.findById(centreId);
      if (!named) throw new OrderError(OrderErrorCode.NoCentre, 'no shared centre with this id', 'centreId');
      return named;
    }
    const candidates = groupId
      ? await this.centres.list({ groupId, kind, includeClosed: false }, null, 100)
      : [];
    const serving = candidates.find((centre) => centre.serves(siteId));
    if (!serving) {
      throw new OrderError(
        OrderErrorCode.NoCentre,
        `no active ${kind} centre of the group serves the ordering institution`,
        'centreId',
      );
    }
    return serving;
  }

  /** The look-up named, or the site's latest look-up of this patient and item within the binding time. */
  private async lookupFor(
    command: PlaceOrderCommand,
    siteId: string,
    now: Date,
  ): Promise<RecognitionLookupSnapshot | null> {
    if (command.lookupId) {
      const named = await this.lookups.find(command.lookupId, false);
      if (!named) {
        throw new OrderError(OrderErrorCode.LookupDoesNotFit, 'no look-up with this id', 'lookupId');
      }
      return named.snapshot();
    }
    const latest = await this.lookups.latestFor(
      siteId,
      command.patientResidentId,
      command.itemCode,
      new Date(now.getTime() - LOOKUP_BINDS_MS),
    );
    return latest?.snapshot() ?? null;
  }
}
