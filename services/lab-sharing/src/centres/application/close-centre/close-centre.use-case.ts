import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type SharedCentreSnapshot } from '../../domain/shared-centre';
import { CentreStep } from '../centre-step';
import { type CloseCentreCommand } from './close-centre.command';

/** CloseCentre: by the group's administrator or a city operator; closing a closed centre changes nothing. */
@Injectable()
export class CloseCentreUseCase {
  constructor(private readonly step: CentreStep) {}

  execute(identity: Identity, command: CloseCentreCommand, now = new Date()): Promise<SharedCentreSnapshot> {
    return this.step.run(identity, 'close-centre', command, "close this group's centres", (centre) => {
      centre.close(now);
      return Promise.resolve();
    });
  }
}
