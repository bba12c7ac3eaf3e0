import { type CityGroup } from './access-city';
import { type RecordMaker } from './access-records';

/**
 * pharmacy's records, in each group: the group's administrator loads the starter drug catalogue; the lead hospital
 * and the community centre stock its volume-based amlodipine 5 mg and each raise a requisition of it; the
 * administrator places the group's purchase orders (a group's record, for each of its institutions); then each site
 * raises one more requisition, left open for cancelling.
 */
export async function makePharmacyRecords(maker: RecordMaker): Promise<void> {
  const { ours, theirs } = maker.city;
  await Promise.all([ours, theirs].map((group) => groupRecords(maker, group)));
}

async function groupRecords(maker: RecordMaker, group: CityGroup): Promise<void> {
  const admin = maker.as('group-admin', group, group.leadId);
  await maker.call('pharmacy.v1.CatalogueService/LoadStarterDrugCatalogue', admin, {
    fromVersion: 0,
    effectiveFrom: undefined,
  });
  const sites = [
    { site: group.leadId, staff: maker.as('hospital-staff', group, group.leadId) },
    { site: group.centreId, staff: maker.as('primary-staff', group, group.centreId) },
  ];
  const { drugs } = (await maker.call('pharmacy.v1.CatalogueService/SearchDrugs', sites[1]!.staff, {
    genericName: '苯磺酸氨氯地平',
    at: undefined,
    groupId: '',
  })) as { drugs: { code: string; strength: string; volumeBased: boolean; levels: string[] }[] };
  const drug = drugs.find((d) => d.strength === '5mg' && d.volumeBased && d.levels.includes('primary'));
  if (!drug)
    throw new Error("making the walk's records: the starter catalogue has no volume-based amlodipine 5 mg");
  maker.records.set('drug', [group.leadId, group.secondaryId, group.centreId], drug.code);
  const raise = (staff: (typeof sites)[number]['staff']) =>
    maker.make(
      'pharmacy.v1.PurchasingService/RaiseRequisition',
      staff,
      { lines: [{ drugCode: drug.code, quantity: 10 }] },
      'requisition.id',
    );
  for (const { site, staff } of sites) {
    await maker.call('pharmacy.v1.FormularyService/StockDrug', staff, { drugCode: drug.code });
    maker.records.set('requisition', site, await raise(staff));
  }
  const placed = (await maker.call('pharmacy.v1.PurchasingService/PlacePurchaseOrders', admin, {})) as {
    purchaseOrders: { id: string }[];
  };
  const order = placed.purchaseOrders[0];
  if (!order) throw new Error("making the walk's records: the group's requisitions made no purchase order");
  maker.records.set('purchase-order', [group.leadId, group.secondaryId, group.centreId], order.id);
  for (const { site, staff } of sites) maker.records.set('requisition-for-steps', site, await raise(staff));
}
