import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import type { Bundle } from '@medplum/fhirtypes';
import { resultToFhirBundle } from '../../contracts/result-fhir.proto-mapper';
import { ResultReads } from '../result-reads';
import { type GetResultFhirQuery } from './get-result-fhir.query';

/**
 * GetResultFhir: for partners who speak FHIR, one result as a FHIR R4 Bundle (DiagnosticReport, Observations,
 * ImagingStudy), authorised, masked and audited exactly as GetResult.
 */
@Injectable()
export class GetResultFhirUseCase {
  constructor(private readonly reads: ResultReads) {}

  async execute(identity: Identity, query: GetResultFhirQuery): Promise<Bundle> {
    return resultToFhirBundle(await this.reads.one(identity, query.id, query.purpose));
  }
}
