/** What an announcement says happened to an institution's formulary item. */
export type FormularyItemChange = 'stocked' | 'unstocked' | 'back-in-stock' | 'out-of-stock';

/**
 * An institution's formulary item as announced after a change (FormularyChanged): whether it is on the formulary and
 * the packs on hand, so a consumer needs no earlier event to know where the item stands.
 */
export interface FormularyItemChanged {
  readonly groupId: string;
  readonly institutionId: string;
  readonly drugCode: string;
  readonly change: FormularyItemChange;
  readonly stocked: boolean;
  readonly onHand: number;
  readonly changedAt: Date;
}

/** Port: records the formulary's events in the current transaction's outbox. */
export abstract class FormularyEventPublisher {
  /** Each item a change stocked, unstocked, ran out or brought back into stock, in the order of the change. */
  abstract itemsChanged(changes: readonly FormularyItemChanged[], changedBy: string): Promise<void>;
}
