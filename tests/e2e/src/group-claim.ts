import { type ServiceDefinition, status } from '@grpc/grpc-js';
import { type Client as PgClient } from 'pg';
import { callEveryMethod } from './every-method';

/** A refusal a service wrote to its audit log against a medical group: who was refused, why and where. */
export interface AuditedRefusal {
  readonly actor_institution_id: string;
  /** "<reason> <method path>", e.g. "GROUP_CLAIM_MISMATCH /medgrid.referral.v1.ReferralService/ListReferrals". */
  readonly purpose: string;
}

/** The refusals the service's audit log holds against the group, oldest first. */
export async function auditedRefusals(sql: PgClient, groupId: string): Promise<AuditedRefusal[]> {
  const { rows } = await sql.query<AuditedRefusal>(
    `SELECT actor_institution_id, purpose FROM audit_log
      WHERE action = 'refused' AND subject_kind = 'medical-group' AND subject_id = $1 ORDER BY seq`,
    [groupId],
  );
  return rows;
}

/**
 * Calls every method of the services once with a token whose institution is not in the group it
 * claims, and expects each call refused as GROUP_CLAIM_MISMATCH and audited against the claimed
 * group in the service's audit log (`sql`), one refusal a call, in the order of the calls: the rule
 * holds over the whole API, methods added later included.
 */
export async function expectEveryCallRefusedForTheClaimedGroup(check: {
  readonly address: string;
  readonly services: readonly ServiceDefinition[];
  readonly token: string;
  readonly institutionId: string;
  readonly claimedGroupId: string;
  readonly sql: PgClient;
}): Promise<void> {
  const answers = await callEveryMethod(check.address, check.services, check.token);

  expect(answers.length).toBe(
    check.services.reduce((n, definition) => n + Object.keys(definition).length, 0),
  );
  expect(
    answers.filter((a) => a.code !== status.PERMISSION_DENIED || a.reason !== 'GROUP_CLAIM_MISMATCH'),
  ).toEqual([]);
  expect(await auditedRefusals(check.sql, check.claimedGroupId)).toEqual(
    answers.map((a) => ({
      actor_institution_id: check.institutionId,
      purpose: `GROUP_CLAIM_MISMATCH ${a.method}`,
    })),
  );
}
