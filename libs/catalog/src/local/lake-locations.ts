import { CatalogError } from '../catalog-error';

/** How a location inside the lake is stored in the local catalog's files: `lake:<key prefix>`. */
export const LAKE_LOCATION_SCHEME = 'lake:';

function lakeBase(lakeUri: string): string {
  return lakeUri.endsWith('/') ? lakeUri : `${lakeUri}/`;
}

/**
 * Locations of the local catalog: a location inside the lake is stored relative to it
 * (`file:///home/u/.autocorp/lake/curated/sales_order/` -> `lake:curated/sales_order/`) and resolved
 * against the lake in force when read, so a copied or moved state folder keeps working. Locations
 * elsewhere, and all of them when no lake is given, are stored as they are.
 */
export class LakeLocations {
  constructor(
    private readonly lakeUri: string | undefined,
    private readonly where: string,
  ) {}

  /** The form written to the catalog's files. */
  store(location: string): string {
    if (this.lakeUri === undefined) return location;
    const base = lakeBase(this.lakeUri);
    return location.startsWith(base) ? `${LAKE_LOCATION_SCHEME}${location.slice(base.length)}` : location;
  }

  /** The URI a stored location stands for; CatalogError `invalid-input` for a lake-relative one when no lake is given. */
  resolve(stored: string): string {
    if (!stored.startsWith(LAKE_LOCATION_SCHEME)) return stored;
    if (this.lakeUri === undefined) {
      throw new CatalogError(
        'invalid-input',
        `The ${this.where} stores "${stored}" relative to the lake, but was opened without a lake URI; open it with the lake (LocalCatalogBackend option lakeUri, e.g. LAKE_URI or <AUTOCORP_HOME>/lake).`,
      );
    }
    return `${lakeBase(this.lakeUri)}${stored.slice(LAKE_LOCATION_SCHEME.length)}`;
  }
}
