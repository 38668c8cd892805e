/** One stock-keeping unit of the parts catalog; money in integer cents. */
export interface Part {
  readonly sku: string;
  readonly description: string;
  readonly category: string;
  readonly manufacturer: string;
  readonly priceCents: number;
  readonly stockQuantity: number;
}

/** One labor operation; `partsCostCents` is the cost of its required parts for a quantity of one. */
export interface Service {
  readonly serviceid: string;
  readonly name: string;
  readonly category: string;
  readonly laborMinutes: number;
  readonly laborRateCents: number;
  readonly laborCostCents: number;
  readonly partsCostCents: number;
}

export interface ServicePart {
  readonly serviceid: string;
  readonly sku: string;
  readonly quantity: number;
}

/** The business's catalog: 400 parts, 110 services and the 1,074 parts the services need. */
export interface Catalog {
  readonly parts: readonly Part[];
  readonly services: readonly Service[];
  readonly serviceParts: readonly ServicePart[];
  /** Timestamps of the catalog rows (the catalog predates every order). */
  readonly createdAt: string;
  readonly updatedAt: string;
}
