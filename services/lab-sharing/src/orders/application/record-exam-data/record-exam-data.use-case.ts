import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type OrderSnapshot } from '../../domain/order';
import { OrderStep } from '../order-step';
import { type RecordExamDataCommand } from './record-exam-data.command';

/**
 * RecordExamData: the site's exam data reaches the centre; the order is performed and its report opens on the
 * centre's worklist (OrderReporting) in the same transaction. A retry gets the order as it is.
 */
@Injectable()
export class RecordExamDataUseCase {
  constructor(private readonly step: OrderStep) {}

  execute(identity: Identity, command: RecordExamDataCommand, now = new Date()): Promise<OrderSnapshot> {
    const site = identity.institutionId ?? '';
    return this.step.run(
      identity,
      'record-exam-data',
      command,
      "send this order's exam data",
      (order) => {
        const exam = command.exam;
        switch (exam.kind) {
          case 'imaging-study':
            return order.attachImagingStudy(exam.study, site, now);
          case 'ecg-trace':
            return order.attachEcgTrace(exam.trace, site, now);
          case 'specimen':
            return order.attachSpecimen(exam.specimen, site, now);
          case 'consultation':
            return;
        }
      },
      now,
    );
  }
}
