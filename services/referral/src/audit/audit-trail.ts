import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';

/**
 * Who read which personal or clinical record, when and why. Written before
 * the response leaves; if the audit write fails, the read fails.
 */
@Injectable()
export class AuditTrail {
  constructor(private readonly uow: UnitOfWork) {}

  async recordRead(
    identity: Identity,
    subject: { kind: string; id: string },
    purpose: string,
  ): Promise<void> {
    await this.uow.manager().query(
      `INSERT INTO audit_log (actor_subject, actor_role, actor_institution_id, action, subject_kind, subject_id, purpose)
         VALUES ($1, $2, $3, 'read', $4, $5, $6)`,
      [identity.subject, identity.role, identity.institutionId, subject.kind, subject.id, purpose],
    );
  }
}
