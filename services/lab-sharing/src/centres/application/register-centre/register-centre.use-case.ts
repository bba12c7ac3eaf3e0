import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { ClientRequests, clientRequestOf } from '@medgrid/idempotency';
import { v7 as uuidv7 } from 'uuid';
import { CentreError, CentreErrorCode } from '../../domain/centre-error';
import { CentreEventPublisher } from '../../domain/centre-event-publisher';
import { SharedCentre, type SharedCentreSnapshot } from '../../domain/shared-centre';
import { SharedCentreRepository } from '../../domain/shared-centre.repository';
import { CentreAccess } from '../centre-access.policy';
import { CentreInstitutions } from '../centre-institutions';
import { type RegisterCentreCommand } from './register-centre.command';

/**
 * RegisterCentre: a group's administrator (or a city operator) registers a shared centre hosted by an
 * institution of the group, serving the host and the members named. A retry gets the centre the first attempt
 * registered, as it is now.
 */
@Injectable()
export class RegisterCentreUseCase {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly centres: SharedCentreRepository,
    private readonly institutions: CentreInstitutions,
    private readonly requests: ClientRequests,
    private readonly events: CentreEventPublisher,
  ) {}

  execute(
    identity: Identity,
    command: RegisterCentreCommand,
    now = new Date(),
  ): Promise<SharedCentreSnapshot> {
    const groupId = command.groupId ?? identity.groupId;
    if (!groupId) {
      throw new CentreError(
        CentreErrorCode.UnknownGroup,
        'name the group: the caller acts for none',
        'groupId',
      );
    }
    CentreAccess.require(CentreAccess.canManage(identity, groupId), "register this group's centres");
    return this.uow.run(() =>
      this.requests.createOnce(clientRequestOf('register-centre', { ...command, groupId }), {
        load: async (id) => (await this.centres.findById(id))?.snapshot() ?? null,
        create: async () => {
          const group = await this.institutions.group(groupId);
          const host = await this.institutions.inGroup(group, command.hostInstitutionId, 'hostInstitutionId');
          const served = [];
          for (const [index, id] of command.servedInstitutionIds.entries()) {
            served.push(await this.institutions.inGroup(group, id, `servedInstitutionIds[${index}]`));
          }
          const centre = SharedCentre.register(
            { id: uuidv7(), groupId, kind: command.kind, name: command.name },
            host,
            served,
            now,
          );
          await this.centres.insert(centre);
          await this.events.centresChanged(centre.pullEvents());
          return { id: centre.id, result: centre.snapshot() };
        },
      }),
    );
  }
}
