import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { UnitOfWork } from '@medgrid/database';
import { type ClientRequest, ClientRequests } from '@medgrid/idempotency';
import { RegistryView } from '@medgrid/registry-view';
import { isInstitutionLevel, type InstitutionLevel } from '../../common/institution-level';
import { type Formulary } from '../domain/formulary';
import { FormularyError, FormularyErrorCode } from '../domain/formulary-error';
import { FormularyRepository } from '../domain/formulary.repository';
import { FormularyAccess } from './formulary-access.policy';

/** The caller's institution as a formulary write acts on it. */
export interface FormularyCaller {
  readonly institutionId: string;
  readonly groupId: string;
  readonly level: InstitutionLevel;
}

/**
 * What every formulary write does the same way: the caller's own institution, at the level the registry announced
 * (FAILED_PRECONDITION until it has), its formulary locked (so moves of its stock queue too), the change made once
 * per client request; a retry is answered with what the change answered, read again.
 */
@Injectable()
export class FormularyStep {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly formularies: FormularyRepository,
    private readonly registry: RegistryView,
    private readonly requests: ClientRequests,
  ) {}

  /** The caller's institution, its group and level, once it may write its formulary. */
  async caller(identity: Identity, action: string): Promise<FormularyCaller> {
    FormularyAccess.require(FormularyAccess.canWrite(identity), action);
    const institutionId = identity.institutionId!;
    const institution = await this.registry.institution(institutionId);
    if (!institution || !isInstitutionLevel(institution.level)) {
      throw new FormularyError(
        FormularyErrorCode.InstitutionNotKnown,
        `the registry has not announced the level of institution ${institutionId} yet: it says what the institution may stock`,
      );
    }
    return { institutionId, groupId: institution.groupId ?? identity.groupId!, level: institution.level };
  }

  run<T>(
    caller: FormularyCaller,
    request: ClientRequest,
    work: {
      /** The answer of a retry, read as things stand. */
      readonly answer: (formulary: Formulary) => Promise<T>;
      readonly change: (formulary: Formulary) => Promise<T>;
    },
  ): Promise<T> {
    return this.uow.run(async () => {
      const formulary = await this.formularies.load(caller.institutionId, caller.level, true);
      return this.requests.createOnce(request, {
        load: (earlier) =>
          earlier === caller.institutionId ? work.answer(formulary) : Promise.resolve(null),
        create: async () => ({ id: caller.institutionId, result: await work.change(formulary) }),
      });
    });
  }
}
