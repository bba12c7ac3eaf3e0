import { Inject, Injectable } from '@nestjs/common';
import { AuditTrail } from '@medgrid/audit';
import {
  claimsInstitutionAndGroup,
  groupClaimRefusal,
  type Identity,
  InstitutionDirectory,
  type InstitutionStanding,
} from '@medgrid/auth';
import { CallGuard } from '@medgrid/grpc';
import { LOGGER, type Logger } from '@medgrid/logging';
import { counter } from '@medgrid/telemetry';

const refusals = counter(
  'medgrid_grpc_group_claim_refusals_total',
  'Calls refused because the token’s institution is not in the group it claims (or is unknown), by reason',
  ['reason'],
);

/** How long a standing that admitted a call is trusted without asking the directory again. */
const STANDING_TTL_MS = 10_000;
const MAX_CACHED = 10_000;

/**
 * Every call of every service, once its token is verified: the token's
 * institution must belong to (or collaborate with) the group it claims, as
 * the service's own directory says. A refusal is audited (action "refused",
 * the claimed group as subject) before the caller hears it.
 *
 * Standings that admitted a call are kept for ten seconds, so a booking rush
 * does not add a query per call; a membership the registry ends is honoured
 * for at most that long after the service learns of it. Refusals are never
 * kept: an institution a projection learns a moment later is admitted at once.
 */
@Injectable()
export class GroupClaimGuard extends CallGuard {
  private readonly admitted = new Map<string, { standing: InstitutionStanding; until: number }>();

  constructor(
    private readonly directory: InstitutionDirectory,
    private readonly audit: AuditTrail,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    super();
  }

  /** A token without an institution and a group, or a standing cached from an admitted call that admits this one. */
  override admitsAtOnce(identity: Identity, _method: string, now = Date.now()): boolean {
    if (!claimsInstitutionAndGroup(identity)) return true;
    const cached = this.admitted.get(identity.institutionId);
    return cached !== undefined && cached.until > now && !groupClaimRefusal(identity, cached.standing, true);
  }

  async admit(identity: Identity, method: string, now = Date.now()): Promise<void> {
    if (this.admitsAtOnce(identity, method, now)) return;
    if (!claimsInstitutionAndGroup(identity)) return;
    const standing = await this.directory.standingOf(identity.institutionId);
    const refusal = groupClaimRefusal(identity, standing, this.directory.authoritative);
    if (!refusal) {
      if (this.admitted.size >= MAX_CACHED) this.admitted.clear();
      this.admitted.set(identity.institutionId, { standing: standing!, until: now + STANDING_TTL_MS });
      return;
    }
    refusals.inc({ reason: refusal.code });
    this.logger.warn(
      {
        subject: identity.subject,
        role: identity.role,
        institutionId: identity.institutionId,
        groupId: identity.groupId,
        method,
        reason: refusal.code,
      },
      'call refused: group claim does not hold',
    );
    await this.audit.recordRefusal(
      identity,
      { kind: 'medical-group', id: identity.groupId },
      refusal.code,
      method,
    );
    throw refusal;
  }

  /**
   * A call the handler's access policy (or the client certificate check) refused: audited as "refused" with the
   * method as its subject and the error's code and the method as the purpose, like a refused group claim.
   */
  override async refused(identity: Identity, method: string, reason: string): Promise<void> {
    await this.audit.recordRefusal(identity, { kind: 'rpc', id: method }, reason, method);
  }
}
