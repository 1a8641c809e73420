/** A product for sale; prices are integer cents so totals never suffer float rounding. */
export interface Product {
  readonly id: string;
  readonly name: string;
  readonly priceCents: number;
}

/** The product service's state: the catalogue by id. */
export class ProductCatalog {
  private readonly products = new Map<string, Product>();

  add(product: Product): void {
    if (!Number.isInteger(product.priceCents) || product.priceCents < 0) {
      throw new RangeError(`product ${product.id}: priceCents must be a non-negative integer`);
    }
    this.products.set(product.id, product);
  }

  get(id: string): Product | undefined {
    return this.products.get(id);
  }

  get size(): number {
    return this.products.size;
  }

  ids(): string[] {
    return [...this.products.keys()];
  }
}
