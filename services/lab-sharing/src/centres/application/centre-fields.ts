import { requestField } from '@medgrid/errors';
import { CENTRE_KINDS, type CentreKind } from '../../common/exam-kinds';

/** The request fields the centres context reads the same way in several operations. */
export const centreField = {
  /** A centre kind; the proto mapper reads UNSPECIFIED or an unknown number as undefined. */
  kind: () => requestField.present<CentreKind>(`must be one of ${CENTRE_KINDS.join(', ')}`),
  /** A time the proto carried as a Timestamp; unset is undefined. */
  instant: () => requestField.present<Date>('is required'),
};
