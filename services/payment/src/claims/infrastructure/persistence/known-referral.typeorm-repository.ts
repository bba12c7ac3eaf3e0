import { Injectable } from '@nestjs/common';
import { queryNamed, UnitOfWork } from '@medgrid/database';
import { type KnownReferral } from '../../domain/claim-standing';
import { KnownReferralRepository } from '../../domain/known-referral.repository';
import { KnownReferralOrmEntity } from './known-referral.orm-entity';

/** known_referral: one row per referral, the newest version announced. */
@Injectable()
export class KnownReferralTypeormRepository extends KnownReferralRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async upsert(referral: KnownReferral): Promise<void> {
    await queryNamed(
      this.uow.manager(),
      `INSERT INTO known_referral
         (id, patient_resident_id, referring_institution_id, receiving_institution_id, status, accepted_at, version)
       VALUES (:id, :patientResidentId, :referringInstitutionId, :receivingInstitutionId, :status, :acceptedAt, :version)
       ON CONFLICT (id) DO UPDATE SET
         patient_resident_id = EXCLUDED.patient_resident_id,
         referring_institution_id = EXCLUDED.referring_institution_id,
         receiving_institution_id = EXCLUDED.receiving_institution_id,
         status = EXCLUDED.status, accepted_at = EXCLUDED.accepted_at, version = EXCLUDED.version
       WHERE known_referral.version < EXCLUDED.version`,
      { ...referral },
    );
  }

  async find(id: string): Promise<KnownReferral | null> {
    const row = await this.uow.manager().findOneBy(KnownReferralOrmEntity, { id });
    return row ? { ...row, version: Number(row.version) } : null;
  }
}
