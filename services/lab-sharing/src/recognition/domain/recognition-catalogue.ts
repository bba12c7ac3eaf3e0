import { type FieldViolation } from '@medgrid/errors';
import { type CatalogueItem, catalogueItemViolations } from './catalogue-item';
import { RecognitionError, RecognitionErrorCode } from './recognition-error';

export interface RecognitionCatalogueSnapshot {
  /** The region the catalogue is for: a city (区域互认 is agreed city-wide). */
  readonly regionId: string;
  /** 0 before the first load; each change makes the next version. */
  readonly version: number;
  readonly items: readonly CatalogueItem[];
  readonly changedAt: Date | null;
}

export type CatalogueChange = 'loaded' | 'item-put' | 'item-removed';

export interface CatalogueChanged {
  readonly change: CatalogueChange;
  /** The item put or removed; null for a whole load. */
  readonly itemCode: string | null;
  readonly version: number;
  readonly changedAt: Date;
}

/**
 * A region's mutual-recognition catalogue (区域互认项目目录), versioned: each load or edit makes a new version, and an
 * edit names the version it was made from, so two editors working from the same version cannot overwrite each
 * other's change unseen. Every item is checked (catalogueItemViolations) and codes are unique.
 */
export class RecognitionCatalogue {
  private events: CatalogueChanged[] = [];

  private constructor(private state: RecognitionCatalogueSnapshot) {}

  static empty(regionId: string): RecognitionCatalogue {
    return new RecognitionCatalogue({ regionId, version: 0, items: [], changedAt: null });
  }

  static restore(snapshot: RecognitionCatalogueSnapshot): RecognitionCatalogue {
    return new RecognitionCatalogue(snapshot);
  }

  get version(): number {
    return this.state.version;
  }

  item(code: string): CatalogueItem | undefined {
    return this.state.items.find((item) => item.code === code);
  }

  /** The item, or UNKNOWN_ITEM naming `field` (how the request carried the code). */
  itemOrThrow(code: string, field: string): CatalogueItem {
    const item = this.item(code);
    if (!item) {
      throw new RecognitionError(
        RecognitionErrorCode.UnknownItem,
        `item ${code} is not in the region's catalogue`,
        field,
      );
    }
    return item;
  }

  /** Replaces every item; refuses the whole load, listing every bad item, when any is wrong. */
  load(items: readonly CatalogueItem[], fromVersion: number, now: Date): void {
    this.checkVersion(fromVersion);
    const violations: FieldViolation[] = [];
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      violations.push(...catalogueItemViolations(item, `items[${index}]`));
      const first = seen.get(item.code);
      if (first !== undefined) {
        violations.push({
          field: `items[${index}].code`,
          reason: RecognitionErrorCode.DuplicateItem,
          description: `code ${item.code} is already items[${first}]`,
        });
      } else {
        seen.set(item.code, index);
      }
    });
    if (violations.length) throw RecognitionError.invalid(violations);
    this.change([...items], 'loaded', null, now);
  }

  /** Adds an item or replaces the item of the same code. */
  put(item: CatalogueItem, fromVersion: number, now: Date): void {
    this.checkVersion(fromVersion);
    const violations = catalogueItemViolations(item, 'item');
    if (violations.length) throw RecognitionError.invalid(violations);
    const others = this.state.items.filter((existing) => existing.code !== item.code);
    this.change([...others, item], 'item-put', item.code, now);
  }

  remove(code: string, fromVersion: number, now: Date): void {
    this.checkVersion(fromVersion);
    this.itemOrThrow(code, 'itemCode');
    this.change(
      this.state.items.filter((item) => item.code !== code),
      'item-removed',
      code,
      now,
    );
  }

  snapshot(): RecognitionCatalogueSnapshot {
    return { ...this.state, items: [...this.state.items] };
  }

  pullEvents(): CatalogueChanged[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  private checkVersion(fromVersion: number): void {
    if (fromVersion !== this.state.version) {
      throw new RecognitionError(
        RecognitionErrorCode.StaleCatalogueVersion,
        `the catalogue is at version ${this.state.version}, not ${fromVersion}: read it again and redo the change`,
        'fromVersion',
      );
    }
  }

  private change(items: CatalogueItem[], change: CatalogueChange, itemCode: string | null, now: Date): void {
    const version = this.state.version + 1;
    this.state = { regionId: this.state.regionId, version, items, changedAt: now };
    this.events.push({ change, itemCode, version, changedAt: now });
  }
}
