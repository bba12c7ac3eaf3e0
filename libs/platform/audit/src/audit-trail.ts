import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type AtomicInserts, UnitOfWork } from '@medgrid/database';
import { AuditLogOrmEntity } from './audit-log.orm-entity';

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
    await this.insert([entryOf(identity, 'refused', subject, `${reason} ${method}`)]);
  }

  recordRead(identity: Identity, subject: AuditSubject, purpose: string): Promise<void> {
    return this.recordReads(identity, [subject], purpose);
  }

  /**
   * The row of a read staged in `inserts`, written with the rest of a one-statement write (a read
   * that records something, such as a look-up): the read and its audit row land together or not at all.
   */
  stageRead(inserts: AtomicInserts, identity: Identity, subject: AuditSubject, purpose: string): void {
    inserts.add(AuditLogOrmEntity, entryOf(identity, 'read', subject, purpose) as AuditLogOrmEntity);
  }

  /** One row per subject in one statement (a search that returns many records). */
  async recordReads(identity: Identity, subjects: readonly AuditSubject[], purpose: string): Promise<void> {
    if (subjects.length === 0) return;
    await this.insert(subjects.map((subject) => entryOf(identity, 'read', subject, purpose)));
  }

  private async insert(entries: Omit<AuditLogOrmEntity, 'seq' | 'occurredAt'>[]): Promise<void> {
    // The sequence and the time are the database's (identity, now()); nothing needs them back.
    await this.uow
      .manager()
      .createQueryBuilder()
      .insert()
      .into(AuditLogOrmEntity)
      .values(entries)
      .updateEntity(false)
      .execute();
  }
}

function entryOf(
  identity: Identity,
  action: 'read' | 'refused',
  subject: AuditSubject,
  purpose: string,
): Omit<AuditLogOrmEntity, 'seq' | 'occurredAt'> {
  return {
    actorSubject: identity.subject,
    actorRole: identity.role,
    actorInstitutionId: identity.institutionId,
    action,
    subjectKind: subject.kind,
    subjectId: subject.id,
    purpose,
  };
}
