import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { canSeeCapacity, requireAllowed } from '../../../common/scheduling-access.policy';
import { ScheduleError, ScheduleErrorCode } from '../../domain/schedule-error';
import { ScheduleRepository } from '../../domain/schedule.repository';
import { type SessionView } from '../../domain/session';
import { type GetSessionQuery } from './get-session.query';

/** GetSession: capacity, no patient data, for whoever may see the hospital's capacity. */
@Injectable()
export class GetSessionUseCase {
  constructor(private readonly schedules: ScheduleRepository) {}

  async execute(identity: Identity, query: GetSessionQuery): Promise<SessionView> {
    const session = await this.schedules.viewSession(query.sessionId);
    if (!session) throw new ScheduleError(ScheduleErrorCode.NotFound, 'no session with this id', 'sessionId');
    requireAllowed(
      canSeeCapacity(identity, { id: session.institutionId, groupId: session.groupId }),
      'see this session',
    );
    return session;
  }
}
