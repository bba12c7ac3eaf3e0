import { Injectable } from '@nestjs/common';
import { queryNamed, UnitOfWork } from '@medgrid/database';
import {
  type ManagedDisease,
  type ManagedResidents,
  type FamilyDoctorContract,
  MANAGED_DISEASES,
} from '../../domain/family-doctor-contract';
import { FamilyDoctorContractRepository } from '../../domain/family-doctor-contract.repository';

/** inForceOn in SQL, for the contract aliased c and the date parameter :day. */
const IN_FORCE = `c.status <> 'unknown'
          AND c.start_date <= :day::date AND c.end_date >= :day::date
          AND (c.ended_on IS NULL OR c.ended_on > :day::date)`;

/** family_doctor_contract, joined with the registry view's known_team for a team's institution and group. */
@Injectable()
export class FamilyDoctorContractTypeormRepository extends FamilyDoctorContractRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  async upsert(contract: FamilyDoctorContract): Promise<void> {
    await queryNamed(
      this.uow.manager(),
      `INSERT INTO family_doctor_contract
         (id, resident_id_number, team_id, status, start_date, end_date, ended_on, diseases, version)
       VALUES (:id, :residentIdNumber, :teamId, :status, :startDate, :endDate, :endedOn, :diseases::text[], :version)
       ON CONFLICT (id) DO UPDATE SET
         resident_id_number = EXCLUDED.resident_id_number, team_id = EXCLUDED.team_id, status = EXCLUDED.status,
         start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date, ended_on = EXCLUDED.ended_on,
         diseases = EXCLUDED.diseases, version = EXCLUDED.version
       WHERE family_doctor_contract.version < EXCLUDED.version`,
      { ...contract, diseases: [...contract.diseases] },
    );
  }

  async contractedInstitutionsOn(residentIdNumber: string, date: string): Promise<string[]> {
    const rows = await queryNamed<{ institution_id: string }>(
      this.uow.manager(),
      `SELECT DISTINCT t.institution_id
         FROM family_doctor_contract c
         JOIN known_team t ON t.id = c.team_id
        WHERE c.resident_id_number = :residentIdNumber AND ${IN_FORCE}`,
      { residentIdNumber, day: date },
    );
    return rows.map((row) => row.institution_id);
  }

  async contractedGroupsOn(residentIdNumber: string, date: string): Promise<string[]> {
    const rows = await queryNamed<{ group_id: string }>(
      this.uow.manager(),
      `SELECT DISTINCT t.group_id
         FROM family_doctor_contract c
         JOIN known_team t ON t.id = c.team_id
        WHERE c.resident_id_number = :residentIdNumber AND ${IN_FORCE}`,
      { residentIdNumber, day: date },
    );
    return rows.map((row) => row.group_id);
  }

  async managedResidents(groupId: string, date: string): Promise<ManagedResidents> {
    const diseases = Object.keys(MANAGED_DISEASES) as ManagedDisease[];
    const [row] = await queryNamed<Record<string, string>>(
      this.uow.manager(),
      `SELECT count(DISTINCT c.resident_id_number) AS contracted,
              ${diseases
                .map(
                  (d, i) =>
                    `count(DISTINCT c.resident_id_number) FILTER (WHERE '${d}' = ANY (c.diseases)) AS d${i}`,
                )
                .join(',\n              ')}
         FROM family_doctor_contract c
         JOIN known_team t ON t.id = c.team_id
        WHERE t.group_id = :groupId AND ${IN_FORCE}`,
      { groupId, day: date },
    );
    const byDisease = Object.fromEntries(diseases.map((d, i) => [d, Number(row?.[`d${i}`] ?? 0)]));
    return {
      contracted: Number(row?.contracted ?? 0),
      byDisease: byDisease as Record<ManagedDisease, number>,
    };
  }
}
