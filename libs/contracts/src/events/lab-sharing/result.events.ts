import {
  CatalogueChanged,
  OrderedAnyway,
  ResultChanged,
  ResultReused,
} from '../../generated/medgrid/lab_sharing/v1/result_events.pb';
import { defineEvent } from '../../event-contract';
import { TOPICS } from '../../topics';

/** A result was recorded (a report signed, or a partner's result), amended or withdrawn as entered in error. */
export const ResultChangedEvent = defineEvent<ResultChanged>({
  type: 'medgrid.lab_sharing.v1.ResultChanged',
  schemaVersion: 1,
  topic: TOPICS.labSharingResult,
  codec: ResultChanged,
});

/** A region's recognition catalogue was loaded or an item put or removed: a new version. */
export const CatalogueChangedEvent = defineEvent<CatalogueChanged>({
  type: 'medgrid.lab_sharing.v1.CatalogueChanged',
  schemaVersion: 1,
  topic: TOPICS.labSharingRecognition,
  codec: CatalogueChanged,
});

/** A site reused a recognised result instead of ordering again: a repeat test avoided. */
export const ResultReusedEvent = defineEvent<ResultReused>({
  type: 'medgrid.lab_sharing.v1.ResultReused',
  schemaVersion: 1,
  topic: TOPICS.labSharingRecognition,
  codec: ResultReused,
});

/** A site ordered again despite recognised results, with its reason. */
export const OrderedAnywayEvent = defineEvent<OrderedAnyway>({
  type: 'medgrid.lab_sharing.v1.OrderedAnyway',
  schemaVersion: 1,
  topic: TOPICS.labSharingRecognition,
  codec: OrderedAnyway,
});
