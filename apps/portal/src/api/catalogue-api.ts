import {
  type DiseaseCriteria,
  type Drug,
  type DrugCataloguePage,
  type RecognitionCatalogueHead,
  type RecognitionCataloguePage,
  type RecognitionItem,
} from './catalogue-types';
import { apiGet, apiSend } from './http-client';

/** The gateway's catalogue endpoints as the portal uses them; each function is one endpoint. */

const path = (value: string) => encodeURIComponent(value);

export const listCriteria = () => apiGet<{ entries?: DiseaseCriteria[] }>('/api/referral-criteria');

/** Adds an entry or replaces the one of its key (its first covered code). */
export const putCriteria = (clientRequestId: string, entry: DiseaseCriteria) =>
  apiSend<{ entry: DiseaseCriteria }>('PUT', '/api/referral-criteria', { clientRequestId, entry });

export const removeCriteria = (clientRequestId: string, key: string) =>
  apiSend<object>('DELETE', `/api/referral-criteria/${path(key)}?clientRequestId=${path(clientRequestId)}`);

/** A page of the city's recognition catalogue, by code. */
export const getRecognitionCatalogue = (pageToken?: string) =>
  apiGet<RecognitionCataloguePage>('/api/recognition-catalogue', { pageSize: 200, pageToken });

export const putRecognitionItem = (clientRequestId: string, fromVersion: number, item: RecognitionItem) =>
  apiSend<{ catalogue: RecognitionCatalogueHead; item: RecognitionItem }>(
    'PUT',
    `/api/recognition-catalogue/items/${path(item.code)}`,
    { clientRequestId, fromVersion, item },
  );

export const removeRecognitionItem = (clientRequestId: string, fromVersion: number, code: string) =>
  apiSend<{ catalogue: RecognitionCatalogueHead }>(
    'DELETE',
    `/api/recognition-catalogue/items/${path(code)}?clientRequestId=${path(clientRequestId)}&fromVersion=${fromVersion}`,
  );

/** A page of a group's drugs in force now, by code. */
export const getDrugCatalogue = (groupId: string, pageToken?: string) =>
  apiGet<DrugCataloguePage>(`/api/drug-catalogue/${path(groupId)}`, { pageSize: 100, pageToken });

/** A group's drugs in force whose generic name contains the text (at most 100). */
export const searchDrugs = (groupId: string, genericName: string) =>
  apiGet<{ drugs?: Drug[] }>(`/api/drug-catalogue/${path(groupId)}/search`, { genericName });

export const putDrug = (groupId: string, clientRequestId: string, fromVersion: number, drug: Drug) =>
  apiSend<object>('PUT', `/api/drug-catalogue/${path(groupId)}/drugs/${path(drug.code)}`, {
    clientRequestId,
    fromVersion,
    drug,
  });

export const withdrawDrug = (groupId: string, clientRequestId: string, fromVersion: number, code: string) =>
  apiSend<object>('POST', `/api/drug-catalogue/${path(groupId)}/drugs/${path(code)}/withdraw`, {
    clientRequestId,
    fromVersion,
  });
