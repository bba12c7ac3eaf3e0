import { aResidentId } from '@medgrid/testing';
import { v7 as uuidv7 } from 'uuid';
import { type CentreFixture } from '../../centres/test/shared-centre.factory';
import { type Urgency } from '../../common/urgency';
import { type CatalogueItem } from '../../recognition/domain/catalogue-item';
import { Order } from '../domain/order';

/** An order of `item` from the fixture's clinic whose exam data reached the centre (status performed). */
export function aPerformedOrder(
  fixture: CentreFixture,
  item: CatalogueItem,
  urgency: Urgency = 'routine',
  now = new Date('2026-12-04T01:00:00Z'),
): Order {
  const order = Order.place(
    {
      id: uuidv7(),
      orderingInstitutionId: fixture.clinicId,
      orderingPractitionerId: uuidv7(),
      patientResidentId: aResidentId(),
      clinicalInfo: '复查',
      urgency,
      referralId: null,
    },
    item,
    fixture.centre,
    null,
    now,
  );
  switch (item.kind) {
    case 'imaging':
      order.attachImagingStudy(
        {
          studyInstanceUid: '1.2.156.1.2',
          accessionNumber: 'A1',
          modalities: [item.modality!],
          performedAt: now,
        },
        fixture.clinicId,
        now,
      );
      break;
    case 'ecg':
      order.attachEcgTrace(
        { traceId: 'ecg-1', format: 'hl7-aecg', leads: 12, recordedAt: now },
        fixture.clinicId,
        now,
      );
      break;
    case 'laboratory':
    case 'pathology':
      order.attachSpecimen(
        { barcode: 'S0001', specimen: item.specimen!, collectedAt: now },
        fixture.clinicId,
        now,
      );
      break;
    case 'remote-consultation':
      break;
  }
  order.pullEvents();
  return order;
}
