import { Injectable } from '@nestjs/common';
import { queryNamed, UnitOfWork } from '@medgrid/database';
import { type PrescribingFacts, type PrescribingFactsReader } from '../../application/prescribing-facts';

/**
 * The facts of a check in one prepared statement: the registry's view of the institution (known_institution) and
 * of the patient's contracts (known_contract with its team, as RegistryView.contractedInstitutions reads them), and
 * the head of the group's catalogue (drug_catalogue).
 */
@Injectable()
export class PrescribingFactsTypeormRepository implements PrescribingFactsReader {
  constructor(private readonly uow: UnitOfWork) {}

  async read(
    institutionId: string,
    tokenGroupId: string,
    patientResidentId: string,
    date: string,
  ): Promise<PrescribingFacts> {
    const [row] = await queryNamed<{
      level: string | null;
      group_id: string | null;
      catalogue_group_id: string;
      catalogue_version: number | null;
      contracted: boolean;
    }>(
      this.uow.manager(),
      `SELECT i.level, i.group_id, g.id AS catalogue_group_id,
              (SELECT c.version FROM drug_catalogue c WHERE c.group_id = g.id) AS catalogue_version,
              EXISTS (SELECT 1 FROM known_contract k JOIN known_team t ON t.id = k.team_id
                       WHERE k.resident_id_number = :patientResidentId AND k.status = 'active'
                         AND k.start_date <= :onDate::date AND :onDate::date <= k.end_date) AS contracted
         FROM (SELECT :institutionId::uuid AS id) asked
         LEFT JOIN known_institution i ON i.id = asked.id
         CROSS JOIN LATERAL (SELECT coalesce(i.group_id, :tokenGroupId::uuid) AS id) g`,
      { institutionId, tokenGroupId, patientResidentId, onDate: date },
      { prepared: true },
    );
    return {
      institution: row?.level ? { level: row.level, groupId: row.group_id } : null,
      catalogueGroupId: row?.catalogue_group_id ?? tokenGroupId,
      catalogueVersion: row?.catalogue_version ?? 0,
      contractedResident: row?.contracted ?? false,
    };
  }
}
