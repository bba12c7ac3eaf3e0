import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { RegistryView } from '@medgrid/registry-view';
import { isInstitutionLevel } from '../../../common/institution-level';
import { FormularyError, FormularyErrorCode } from '../../domain/formulary-error';
import { FormularyRepository } from '../../domain/formulary.repository';
import { FormularyAccess } from '../formulary-access.policy';
import { formularyView, type FormularyView } from '../formulary-view';
import { type GetFormularyQuery } from './get-formulary.query';

/** GetFormulary: what an institution stocks and its packs on hand, for the institution and its group's administrators. */
@Injectable()
export class GetFormularyUseCase {
  constructor(
    private readonly formularies: FormularyRepository,
    private readonly registry: RegistryView,
  ) {}

  async execute(identity: Identity, query: GetFormularyQuery): Promise<FormularyView> {
    const institutionId = query.institutionId ?? identity.institutionId;
    const institution = institutionId ? await this.registry.institution(institutionId) : null;
    FormularyAccess.require(
      institution !== null && FormularyAccess.canRead(identity, institution),
      "read this institution's formulary",
    );
    if (!institution || !isInstitutionLevel(institution.level)) {
      throw new FormularyError(
        FormularyErrorCode.InstitutionNotKnown,
        `the registry has not announced the level of institution ${institutionId} yet`,
      );
    }
    const [formulary, balances] = await Promise.all([
      this.formularies.load(institution.id, institution.level, false),
      this.formularies.balances(institution.id),
    ]);
    return formularyView(formulary, balances);
  }
}
