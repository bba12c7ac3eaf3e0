import { Injectable } from '@nestjs/common';
import { type Identity } from '@medgrid/auth';
import { type ResultView } from '../../domain/result-access';
import { ResultReads } from '../result-reads';
import { type GetResultQuery } from './get-result.query';

/** GetResult: one result of the caller's group (or travelling with a referral to it), masked and audited. */
@Injectable()
export class GetResultUseCase {
  constructor(private readonly reads: ResultReads) {}

  execute(identity: Identity, query: GetResultQuery): Promise<ResultView> {
    return this.reads.one(identity, query.id, query.purpose);
  }
}
