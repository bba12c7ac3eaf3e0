import { Injectable } from '@nestjs/common';
import { queryNamed, UnitOfWork } from '@medgrid/database';
import { type ReferralPass } from '../../domain/referral-pass';
import { ReferralPassRepository } from '../../domain/referral-pass.repository';
import { ReferralPassOrmEntity } from './referral-pass.orm-entity';

/** referral_pass; an upsert that keeps the newest version, so a replay or a late duplicate changes nothing. */
@Injectable()
export class ReferralPassTypeormRepository extends ReferralPassRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async keep(pass: ReferralPass): Promise<void> {
    await queryNamed(
      this.uow.manager(),
      `INSERT INTO referral_pass (referral_id, group_id, patient_resident_id, referring_institution_id,
                                  receiving_institution_id, open, version)
       VALUES (:referralId, :groupId, :patientResidentId, :referringInstitutionId, :receivingInstitutionId,
               :open, :version)
       ON CONFLICT (referral_id) DO UPDATE
         SET group_id = EXCLUDED.group_id, patient_resident_id = EXCLUDED.patient_resident_id,
             referring_institution_id = EXCLUDED.referring_institution_id,
             receiving_institution_id = EXCLUDED.receiving_institution_id,
             open = EXCLUDED.open, version = EXCLUDED.version
       WHERE referral_pass.version < EXCLUDED.version`,
      {
        referralId: pass.referralId,
        groupId: pass.groupId,
        patientResidentId: pass.patientResidentId,
        referringInstitutionId: pass.referringInstitutionId,
        receivingInstitutionId: pass.receivingInstitutionId,
        open: pass.open,
        version: pass.version,
      },
    );
  }

  async groupsSendingTo(institutionId: string, patientResidentId: string): Promise<string[]> {
    const rows = await this.uow
      .manager()
      .createQueryBuilder(ReferralPassOrmEntity, 'p')
      .select('DISTINCT p.group_id', 'group_id')
      .where('p.receiving_institution_id = :institutionId AND p.patient_resident_id = :patientResidentId', {
        institutionId,
        patientResidentId,
      })
      .andWhere('p.open')
      .getRawMany<{ group_id: string }>();
    return rows.map((row) => row.group_id);
  }
}
