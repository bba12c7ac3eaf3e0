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
import { CsrfGuard } from '../../../accounts/interface/http/csrf.guard';
import { SessionGuard, type SignedInRequest } from '../../../accounts/interface/http/session.guard';
import { UserThrottlerGuard } from '../../../accounts/interface/http/user-throttler.guard';
import {
  count,
  optionalInstant,
  record,
  requestOf,
  requireWholeNumbers,
  text,
} from '../../../common/proto-json-request';
import { ServiceCallers } from '../../application/service-callers';
import { CriteriaGrpcClient } from '../../infrastructure/grpc-client/criteria.grpc-client';
import { LabSharingGrpcClient } from '../../infrastructure/grpc-client/lab-sharing.grpc-client';
import { PharmacyGrpcClient } from '../../infrastructure/grpc-client/pharmacy.grpc-client';

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
    return this.callers.answer(request.portal.user, criteriaServiceV1.ListCriteriaResponse, (caller) =>
      this.criteria.listCriteria(caller),
    );
  }

  @Get('referral-criteria/lookup')
  @ApiOperation({ summary: 'The entry that covers a diagnosis, the most specific (referral LookupCriteria)' })
  @ApiQuery({ name: 'icd10Code', description: 'ICD-10 code, e.g. E11.9' })
  async criteriaLookup(
    @Req() request: SignedInRequest,
    @Query('icd10Code') icd10Code?: string,
  ): Promise<unknown> {
    return this.callers.answer(request.portal.user, criteriaServiceV1.LookupCriteriaResponse, (caller) =>
      this.criteria.lookupCriteria(caller, text(icd10Code)),
    );
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
    const put = requestOf(criteriaServiceV1.PutCriteriaRequest, body, { entry });
    return this.callers.answer(request.portal.user, criteriaServiceV1.PutCriteriaResponse, (caller) =>
      this.criteria.putCriteria(caller, put),
    );
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
    return this.callers.answer(request.portal.user, criteriaServiceV1.RemoveCriteriaResponse, (caller) =>
      this.criteria.removeCriteria(caller, key, text(clientRequestId)),
    );
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
    return this.callers.answer(user, recognitionServiceV1.GetCatalogueResponse, (caller) =>
      this.labSharing.getRecognitionCatalogue(
        caller,
        user.cityId,
        count(query.pageSize),
        text(query.pageToken),
      ),
    );
  }

  @Get('recognition-catalogue/items/:code')
  @ApiOperation({
    summary: "One item of the user's city's recognition catalogue (lab-sharing GetCatalogueItem)",
  })
  async recognitionItem(@Req() request: SignedInRequest, @Param('code') code: string): Promise<unknown> {
    const user = request.portal.user;
    return this.callers.answer(user, recognitionServiceV1.GetCatalogueItemResponse, (caller) =>
      this.labSharing.getRecognitionCatalogueItem(caller, user.cityId, code),
    );
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
    const put = requestOf(recognitionServiceV1.PutCatalogueItemRequest, body, {
      regionId: user.cityId,
      item: { ...record(body.item), code },
    });
    return this.callers.answer(user, recognitionServiceV1.PutCatalogueItemResponse, (caller) =>
      this.labSharing.putRecognitionCatalogueItem(caller, put),
    );
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
    return this.callers.answer(user, recognitionServiceV1.RemoveCatalogueItemResponse, (caller) =>
      this.labSharing.removeRecognitionCatalogueItem(caller, removal),
    );
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
    return this.callers.answer(
      request.portal.user,
      drugCatalogueServiceV1.GetDrugCatalogueResponse,
      (caller) => this.pharmacy.getDrugCatalogue(caller, read),
    );
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
    return this.callers.answer(request.portal.user, drugCatalogueServiceV1.SearchDrugsResponse, (caller) =>
      this.pharmacy.searchDrugs(caller, search),
    );
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
    return this.callers.answer(request.portal.user, drugCatalogueServiceV1.GetDrugResponse, (caller) =>
      this.pharmacy.getDrug(caller, read),
    );
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
    const put = requestOf(drugCatalogueServiceV1.PutDrugRequest, body, {
      drug: { ...record(body.drug), code },
      effectiveFrom: optionalInstant(body.effectiveFrom, 'effectiveFrom'),
    });
    return this.callers.answer(user, drugCatalogueServiceV1.PutDrugResponse, (caller) =>
      this.pharmacy.putDrug(caller, put),
    );
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
    const withdrawal = requestOf(drugCatalogueServiceV1.WithdrawDrugRequest, body, {
      code,
      effectiveFrom: optionalInstant(body.effectiveFrom, 'effectiveFrom'),
    });
    return this.callers.answer(user, drugCatalogueServiceV1.WithdrawDrugResponse, (caller) =>
      this.pharmacy.withdrawDrug(caller, withdrawal),
    );
  }
}
