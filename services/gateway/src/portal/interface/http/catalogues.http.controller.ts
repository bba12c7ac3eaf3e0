import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Req,
  UseGuards,
} from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { criteriaServiceV1, drugCatalogueServiceV1, recognitionServiceV1 } from '@medgrid/contracts';
import { type FieldViolation, ValidationError } from '@medgrid/errors';
import { CsrfGuard } from '../../../accounts/interface/http/csrf.guard';
import { SessionGuard, type SignedInRequest } from '../../../accounts/interface/http/session.guard';
import { UserThrottlerGuard } from '../../../accounts/interface/http/user-throttler.guard';
import { ServiceCallers } from '../../application/service-callers';
import { CriteriaGrpcClient } from '../../infrastructure/grpc-client/criteria.grpc-client';
import { LabSharingGrpcClient } from '../../infrastructure/grpc-client/lab-sharing.grpc-client';
import { PharmacyGrpcClient } from '../../infrastructure/grpc-client/pharmacy.grpc-client';

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const count = (value: unknown) => (typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : 0);
const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** An ISO 8601 instant of the query, undefined when absent, or a 400 naming the parameter. */
function optionalInstant(value: unknown, field: string): string | undefined {
  if (text(value) === '') return undefined;
  if (Number.isNaN(new Date(text(value)).getTime())) {
    throw new ValidationError([
      {
        field,
        reason: 'INVALID_FORMAT',
        description: 'must be an instant in ISO 8601, e.g. 2026-11-01T00:00:00Z',
      },
    ]);
  }
  return text(value);
}

/** The protobuf integer a number of a request body is sent as. */
type WholeNumber = 'uint32' | 'int64' | 'fen';

/**
 * Numbers of a body that protobuf could not encode (12.5 as a uint32, a price in yuan as int64 fen) would fail in
 * the gateway, not the service: they are refused here as a 400 naming the field as the request named it.
 */
function requireWholeNumbers(
  body: Record<string, unknown>,
  fields: Readonly<Record<string, WholeNumber>>,
): void {
  const violations: FieldViolation[] = [];
  for (const [path, kind] of Object.entries(fields)) {
    const value = path.split('.').reduce<unknown>((node, key) => record(node)[key], body);
    if (value === undefined || value === null) continue;
    const number = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    const min = kind === 'uint32' ? 0 : Number.MIN_SAFE_INTEGER;
    const max = kind === 'uint32' ? 4_294_967_295 : Number.MAX_SAFE_INTEGER;
    if (typeof number === 'number' && Number.isSafeInteger(number) && number >= min && number <= max)
      continue;
    violations.push(
      kind === 'fen'
        ? { field: path, reason: 'NOT_FEN', description: 'a whole number of fen, not yuan (¥12.50 is 1250)' }
        : kind === 'uint32'
          ? { field: path, reason: 'INVALID_TYPE', description: `must be a whole number from 0 to ${max}` }
          : { field: path, reason: 'INVALID_TYPE', description: 'must be a whole number' },
    );
  }
  if (violations.length > 0) throw new ValidationError(violations);
}

/**
 * The city's three catalogues as the signed-in user, proto3 JSON in and out: referral's criteria (双向转诊标准),
 * lab-sharing's recognition catalogue of the user's city (检查检验结果互认目录) and a group's drug catalogue
 * (药品目录). Each service decides who reads and who edits; the gateway maps the path into the request.
 */
@ApiTags('catalogues')
@ApiCookieAuth()
@Controller('api')
@UseGuards(SessionGuard, UserThrottlerGuard, CsrfGuard)
export class CataloguesHttpController {
  constructor(
    private readonly callers: ServiceCallers,
    private readonly criteria: CriteriaGrpcClient,
    private readonly labSharing: LabSharingGrpcClient,
    private readonly pharmacy: PharmacyGrpcClient,
  ) {}

  @Get('referral-criteria')
  @ApiOperation({ summary: 'Every entry of the referral criteria catalogue, by key (referral ListCriteria)' })
  async criteriaList(@Req() request: SignedInRequest): Promise<unknown> {
    const answer = await this.criteria.listCriteria(await this.callers.identityOf(request.portal.user));
    return criteriaServiceV1.ListCriteriaResponse.toJSON(answer);
  }

  @Get('referral-criteria/lookup')
  @ApiOperation({ summary: 'The entry that covers a diagnosis, the most specific (referral LookupCriteria)' })
  @ApiQuery({ name: 'icd10Code', description: 'ICD-10 code, e.g. E11.9' })
  async criteriaLookup(
    @Req() request: SignedInRequest,
    @Query('icd10Code') icd10Code?: string,
  ): Promise<unknown> {
    const answer = await this.criteria.lookupCriteria(
      await this.callers.identityOf(request.portal.user),
      text(icd10Code),
    );
    return criteriaServiceV1.LookupCriteriaResponse.toJSON(answer);
  }

  @Put('referral-criteria')
  @ApiOperation({
    summary:
      'Adds an entry or replaces the one of its key, its first covered code (referral PutCriteria): { clientRequestId, entry }',
  })
  async putCriteria(
    @Req() request: SignedInRequest,
    @Body() body: Record<string, unknown>,
  ): Promise<unknown> {
    // The key and the time of change are the catalogue's: an entry read and sent back keeps them out.
    const { key: _key, updatedAt: _updatedAt, ...entry } = record(body.entry);
    const put = criteriaServiceV1.PutCriteriaRequest.fromJSON({ ...body, entry });
    const answer = await this.criteria.putCriteria(await this.callers.identityOf(request.portal.user), put);
    return criteriaServiceV1.PutCriteriaResponse.toJSON(answer);
  }

  @Delete('referral-criteria/:key')
  @HttpCode(200)
  @ApiOperation({ summary: 'Removes an entry by its key (referral RemoveCriteria)' })
  @ApiQuery({ name: 'clientRequestId', description: 'Idempotency key (UUID)' })
  async removeCriteria(
    @Req() request: SignedInRequest,
    @Param('key') key: string,
    @Query('clientRequestId') clientRequestId?: string,
  ): Promise<unknown> {
    const answer = await this.criteria.removeCriteria(
      await this.callers.identityOf(request.portal.user),
      key,
      text(clientRequestId),
    );
    return criteriaServiceV1.RemoveCriteriaResponse.toJSON(answer);
  }

  @Get('recognition-catalogue')
  @ApiOperation({
    summary: "A page of the user's city's recognition catalogue, by code (lab-sharing GetCatalogue)",
  })
  @ApiQuery({ name: 'pageSize', required: false, description: '1-500 (absent: 100)' })
  @ApiQuery({ name: 'pageToken', required: false })
  async recognitionCatalogue(
    @Req() request: SignedInRequest,
    @Query() query: Record<string, unknown>,
  ): Promise<unknown> {
    const user = request.portal.user;
    const answer = await this.labSharing.getRecognitionCatalogue(
      await this.callers.identityOf(user),
      user.cityId,
      count(query.pageSize),
      text(query.pageToken),
    );
    return recognitionServiceV1.GetCatalogueResponse.toJSON(answer);
  }

  @Get('recognition-catalogue/items/:code')
  @ApiOperation({
    summary: "One item of the user's city's recognition catalogue (lab-sharing GetCatalogueItem)",
  })
  async recognitionItem(@Req() request: SignedInRequest, @Param('code') code: string): Promise<unknown> {
    const user = request.portal.user;
    const answer = await this.labSharing.getRecognitionCatalogueItem(
      await this.callers.identityOf(user),
      user.cityId,
      code,
    );
    return recognitionServiceV1.GetCatalogueItemResponse.toJSON(answer);
  }

  @Put('recognition-catalogue/items/:code')
  @ApiOperation({
    summary:
      "Adds or replaces an item of the user's city's catalogue, from the version read (lab-sharing PutCatalogueItem): { clientRequestId, fromVersion, item }",
  })
  async putRecognitionItem(
    @Req() request: SignedInRequest,
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
  ): Promise<unknown> {
    const user = request.portal.user;
    requireWholeNumbers(body, { fromVersion: 'uint32', 'item.recognition.validityDays': 'uint32' });
    const put = recognitionServiceV1.PutCatalogueItemRequest.fromJSON({
      ...body,
      regionId: user.cityId,
      item: { ...record(body.item), code },
    });
    const answer = await this.labSharing.putRecognitionCatalogueItem(
      await this.callers.identityOf(user),
      put,
    );
    return recognitionServiceV1.PutCatalogueItemResponse.toJSON(answer);
  }

  @Delete('recognition-catalogue/items/:code')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Removes an item of the user's city's catalogue, from the version read (lab-sharing RemoveCatalogueItem)",
  })
  @ApiQuery({ name: 'clientRequestId', description: 'Idempotency key (UUID)' })
  @ApiQuery({ name: 'fromVersion', description: 'The catalogue version read' })
  async removeRecognitionItem(
    @Req() request: SignedInRequest,
    @Param('code') code: string,
    @Query() query: Record<string, unknown>,
  ): Promise<unknown> {
    const user = request.portal.user;
    requireWholeNumbers(query, { fromVersion: 'uint32' });
    const removal = recognitionServiceV1.RemoveCatalogueItemRequest.fromPartial({
      clientRequestId: text(query.clientRequestId),
      regionId: user.cityId,
      fromVersion: count(query.fromVersion),
      itemCode: code,
    });
    const answer = await this.labSharing.removeRecognitionCatalogueItem(
      await this.callers.identityOf(user),
      removal,
    );
    return recognitionServiceV1.RemoveCatalogueItemResponse.toJSON(answer);
  }

  @Get('drug-catalogue/:groupId')
  @ApiOperation({
    summary:
      "A page of a group's drugs in force, by code (pharmacy GetDrugCatalogue): a member's own group, any group for a city operator",
  })
  @ApiQuery({ name: 'pageSize', required: false, description: '1-500 (absent: 100)' })
  @ApiQuery({ name: 'pageToken', required: false })
  @ApiQuery({ name: 'at', required: false, description: 'ISO 8601 instant (absent: now)' })
  async drugCatalogue(
    @Req() request: SignedInRequest,
    @Param('groupId') groupId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<unknown> {
    const read = drugCatalogueServiceV1.GetDrugCatalogueRequest.fromJSON({
      groupId,
      pageSize: count(query.pageSize),
      pageToken: text(query.pageToken),
      at: optionalInstant(query.at, 'at'),
    });
    const answer = await this.pharmacy.getDrugCatalogue(
      await this.callers.identityOf(request.portal.user),
      read,
    );
    return drugCatalogueServiceV1.GetDrugCatalogueResponse.toJSON(answer);
  }

  @Get('drug-catalogue/:groupId/search')
  @ApiOperation({
    summary:
      "A group's drugs in force whose generic name contains the text, at most 100 (pharmacy SearchDrugs)",
  })
  @ApiQuery({ name: 'genericName', description: 'Text of the generic name, 1-50 characters' })
  @ApiQuery({ name: 'at', required: false, description: 'ISO 8601 instant (absent: now)' })
  async searchDrugs(
    @Req() request: SignedInRequest,
    @Param('groupId') groupId: string,
    @Query() query: Record<string, unknown>,
  ): Promise<unknown> {
    const search = drugCatalogueServiceV1.SearchDrugsRequest.fromJSON({
      groupId,
      genericName: text(query.genericName),
      at: optionalInstant(query.at, 'at'),
    });
    const answer = await this.pharmacy.searchDrugs(
      await this.callers.identityOf(request.portal.user),
      search,
    );
    return drugCatalogueServiceV1.SearchDrugsResponse.toJSON(answer);
  }

  @Get('drug-catalogue/:groupId/drugs/:code')
  @ApiOperation({ summary: "A group's drug in force and every version on record (pharmacy GetDrug)" })
  @ApiQuery({ name: 'at', required: false, description: 'ISO 8601 instant (absent: now)' })
  async drug(
    @Req() request: SignedInRequest,
    @Param('groupId') groupId: string,
    @Param('code') code: string,
    @Query() query: Record<string, unknown>,
  ): Promise<unknown> {
    const read = drugCatalogueServiceV1.GetDrugRequest.fromJSON({
      groupId,
      code,
      at: optionalInstant(query.at, 'at'),
    });
    const answer = await this.pharmacy.getDrug(await this.callers.identityOf(request.portal.user), read);
    return drugCatalogueServiceV1.GetDrugResponse.toJSON(answer);
  }

  @Put('drug-catalogue/:groupId/drugs/:code')
  @ApiOperation({
    summary:
      "Lists a drug of the user's group or changes it from an instant on (pharmacy PutDrug): { clientRequestId, fromVersion, drug, effectiveFrom? }",
  })
  async putDrug(
    @Req() request: SignedInRequest,
    @Param('groupId') groupId: string,
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
  ): Promise<unknown> {
    const user = request.portal.user;
    // The service edits the caller's own group's catalogue: a path naming another group is refused here, not
    // silently read as the caller's.
    this.callers.scopedGroupId(user, groupId);
    requireWholeNumbers(body, {
      fromVersion: 'uint32',
      'drug.packSize': 'uint32',
      'drug.bidPriceFen': 'fen',
      'drug.unifiedPriceFen': 'fen',
      'drug.listPriceFen': 'fen',
    });
    const put = drugCatalogueServiceV1.PutDrugRequest.fromJSON({
      ...body,
      drug: { ...record(body.drug), code },
      effectiveFrom: optionalInstant(body.effectiveFrom, 'effectiveFrom'),
    });
    const answer = await this.pharmacy.putDrug(await this.callers.identityOf(user), put);
    return drugCatalogueServiceV1.PutDrugResponse.toJSON(answer);
  }

  @Post('drug-catalogue/:groupId/drugs/:code/withdraw')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Withdraws a drug of the user's group from an instant on (pharmacy WithdrawDrug): { clientRequestId, fromVersion, effectiveFrom? }",
  })
  async withdrawDrug(
    @Req() request: SignedInRequest,
    @Param('groupId') groupId: string,
    @Param('code') code: string,
    @Body() body: Record<string, unknown>,
  ): Promise<unknown> {
    const user = request.portal.user;
    this.callers.scopedGroupId(user, groupId);
    requireWholeNumbers(body, { fromVersion: 'uint32' });
    const withdrawal = drugCatalogueServiceV1.WithdrawDrugRequest.fromJSON({
      ...body,
      code,
      effectiveFrom: optionalInstant(body.effectiveFrom, 'effectiveFrom'),
    });
    const answer = await this.pharmacy.withdrawDrug(await this.callers.identityOf(user), withdrawal);
    return drugCatalogueServiceV1.WithdrawDrugResponse.toJSON(answer);
  }
}
