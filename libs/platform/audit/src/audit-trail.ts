import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';

export interface AuditSubject {
  /** e.g. "referral", "resident". */
  readonly kind: string;
  readonly id: string;
}

/**
 * Who read which personal or clinical record, when and why; and who was
 * refused at the door for claims that do not hold together. Written before
 * the response leaves and in the reading transaction when there is one: if
 * the audit write fails, the read fails.
 */
@Injectable()
export class AuditTrail {
  constructor(private readonly uow: UnitOfWork) {}

  /**
   * A call refused because of who the caller claims to be (e.g. a token whose
   * institution is not in the group it names): action "refused", the subject
   * the claim was about, and why with which method in the purpose column.
   * Written on its own, outside any transaction, since the call does nothing else.
   */
  async recordRefusal(
    identity: Identity,
    subject: AuditSubject,
    reason: string,
    method: string,
  ): Promise<void> {
    await this.uow.manager().query(
      `INSERT INTO audit_log (actor_subject, actor_role, actor_institution_id, action, subject_kind, subject_id, purpose)
       VALUES ($1, $2, $3, 'refused', $4, $5, $6)`,
      [
        identity.subject,
        identity.role,
        identity.institutionId,
        subject.kind,
        subject.id,
        `${reason} ${method}`,
      ],
    );
  }

  recordRead(identity: Identity, subject: AuditSubject, purpose: string): Promise<void> {
    return this.recordReads(identity, [subject], purpose);
  }

  /** One row per subject in one statement (a search that returns many records). */
  async recordReads(identity: Identity, subjects: readonly AuditSubject[], purpose: string): Promise<void> {
    if (subjects.length === 0) return;
    await this.uow.manager().query(
      `INSERT INTO audit_log (actor_subject, actor_role, actor_institution_id, action, subject_kind, subject_id, purpose)
       SELECT $1, $2, $3, 'read', s.kind, s.id, $4
         FROM unnest($5::text[], $6::text[]) AS s(kind, id)`,
      [
        identity.subject,
        identity.role,
        identity.institutionId,
        purpose,
        subjects.map((s) => s.kind),
        subjects.map((s) => s.id),
      ],
    );
  }
}
