/** What a check reads of the registry's view and of the catalogue's head before it judges. */
export interface PrescribingFacts {
  /** The institution as the registry announced it; null when not yet. */
  readonly institution: { readonly level: string; readonly groupId: string | null } | null;
  /** The group whose catalogue the check reads: the institution's, else the token's. */
  readonly catalogueGroupId: string;
  /** The version that catalogue stands at; 0 before its first change. */
  readonly catalogueVersion: number;
  /** Whether the registry knows a family-doctor contract of the patient in force on the date (any team). */
  readonly contractedResident: boolean;
}

/**
 * Port: the facts of a check in one read (CheckPrescription's hot path, decision 0012): the institution's level,
 * the version of its group's catalogue (the drugs themselves are kept in memory by version, CataloguesInForce) and
 * the patient's contract.
 */
export abstract class PrescribingFactsReader {
  abstract read(
    institutionId: string,
    tokenGroupId: string,
    patientResidentId: string,
    date: string,
  ): Promise<PrescribingFacts>;
}
