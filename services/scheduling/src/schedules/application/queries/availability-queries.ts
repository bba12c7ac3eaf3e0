import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { FieldChecks } from '@medgrid/errors';
import { addDays, decodePageToken, encodePageToken, isLocalDate, localDate } from '@medgrid/kernel';
import { type Pool } from '../../../booking/domain/pool';
import { canSeeCapacity, requireAllowed } from '../../../shared/scheduling-access.policy';
import { SchedulingError, SchedulingErrorCode } from '../../../shared/scheduling-error';
import { ScheduleRepository } from '../../domain/schedule.repository';
import { type SessionView } from '../../domain/session';

export interface SearchAvailabilityQuery {
  readonly institutionId: string;
  readonly departmentId: string;
  readonly practitionerId: string;
  readonly specialtyCode: string;
  readonly fromDate: string;
  readonly toDate: string;
  readonly pool: Pool | undefined | null;
  readonly pageSize: number;
  readonly pageToken: string;
}

const encodeToken = (s: SessionView) => encodePageToken([s.startsAt.toISOString(), s.id]);

function decodeToken(token: string): { startsAt: Date; id: string } | null {
  const key = decodePageToken(token, 2);
  if (!key) return null;
  const [at, id] = key;
  const startsAt = new Date(String(at));
  return Number.isNaN(startsAt.getTime()) || typeof id !== 'string' ? null : { startsAt, id };
}

/** GetSession and SearchAvailability: capacity, no patient data. */
@Injectable()
export class AvailabilityQueries {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly schedules: ScheduleRepository,
  ) {}

  async session(identity: Identity, sessionId: string): Promise<SessionView> {
    new FieldChecks().uuid('sessionId', sessionId).throwIfAny();
    const session = await this.schedules.viewSession(sessionId.toLowerCase());
    if (!session)
      throw new SchedulingError(SchedulingErrorCode.NotFound, 'no session with this id', 'sessionId');
    requireAllowed(
      canSeeCapacity(identity, { id: session.institutionId, groupId: session.groupId }),
      'see this session',
    );
    return session;
  }

  async search(
    identity: Identity,
    q: SearchAvailabilityQuery,
    now = new Date(),
  ): Promise<{ sessions: SessionView[]; nextPageToken: string }> {
    const fromDate = q.fromDate || localDate(now);
    const toDate = q.toDate || addDays(fromDate, 14);
    const after = q.pageToken ? decodeToken(q.pageToken) : null;
    const checks = new FieldChecks()
      .uuid('institutionId', q.institutionId)
      .check('fromDate', isLocalDate(fromDate), 'INVALID_FORMAT', 'must be a date YYYY-MM-DD')
      .check('toDate', isLocalDate(toDate), 'INVALID_FORMAT', 'must be a date YYYY-MM-DD')
      .check('pool', q.pool !== null, 'INVALID_VALUE', 'is not a pool')
      .check('pageSize', q.pageSize >= 0 && q.pageSize <= 200, 'OUT_OF_RANGE', 'must be 0 to 200')
      .check(
        'pageToken',
        !q.pageToken || after !== null,
        'INVALID_FORMAT',
        'is not a token from this search',
      );
    if (isLocalDate(fromDate) && isLocalDate(toDate)) {
      checks.check('toDate', toDate >= fromDate, 'BEFORE_START', `must not be before fromDate (${fromDate})`);
    }
    if (q.departmentId) checks.uuid('departmentId', q.departmentId);
    if (q.practitionerId) checks.uuid('practitionerId', q.practitionerId);
    checks.throwIfAny();
    const limit = q.pageSize || 50;
    return this.uow.run(async () => {
      // The hospital's group comes from its sessions: a hospital with none has nothing to show.
      const sessions = await this.schedules.searchAvailability({
        institutionId: q.institutionId.toLowerCase(),
        departmentId: q.departmentId.toLowerCase(),
        practitionerId: q.practitionerId.toLowerCase(),
        specialtyCode: q.specialtyCode.trim(),
        fromDate,
        toDate,
        pool: q.pool ?? null,
        after,
        limit: limit + 1,
        now,
      });
      const first = sessions[0];
      if (first)
        requireAllowed(
          canSeeCapacity(identity, { id: first.institutionId, groupId: first.groupId }),
          'search this hospital',
        );
      const page = sessions.slice(0, limit);
      return {
        sessions: page,
        nextPageToken: sessions.length > limit ? encodeToken(page[page.length - 1]!) : '',
      };
    });
  }
}
