import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../src/index';
import { CATEGORIES } from '../src/catalog/categories';
import { checkVocabulary } from '../src/vocabulary-checks';

describe('buildCatalog', () => {
  const catalog = buildCatalog(42);

  it('holds 400 parts, 110 services (10 per category) and 1,074 service parts', () => {
    expect(catalog.parts).toHaveLength(400);
    expect(catalog.services).toHaveLength(110);
    expect(catalog.serviceParts).toHaveLength(1_074);
    for (const category of CATEGORIES) {
      expect(catalog.services.filter((s) => s.category === category.name)).toHaveLength(10);
    }
    expect(catalog.services.map((s) => s.name)).toContain('Brake Pad Replacement - Front');
  });

  it('has unique keys, positive prices and the most complex service needs exactly 27 parts', () => {
    expect(new Set(catalog.parts.map((p) => p.sku)).size).toBe(400);
    expect(new Set(catalog.services.map((s) => s.serviceid)).size).toBe(110);
    expect(new Set(catalog.serviceParts.map((sp) => `${sp.serviceid}/${sp.sku}`)).size).toBe(1_074);
    expect(catalog.parts.every((p) => p.priceCents > 0)).toBe(true);
    const perService = new Map<string, number>();
    for (const sp of catalog.serviceParts) perService.set(sp.serviceid, (perService.get(sp.serviceid) ?? 0) + 1);
    const counts = [...perService.values()];
    expect(Math.max(...counts)).toBe(27);
    expect(counts.filter((n) => n === 27)).toHaveLength(1);
    expect(counts).toHaveLength(110);
  });

  it('prices labor and required parts consistently in cents', () => {
    const price = new Map(catalog.parts.map((p) => [p.sku, p.priceCents]));
    for (const s of catalog.services) {
      expect(s.laborCostCents).toBe(Math.round((s.laborRateCents * s.laborMinutes) / 60));
      const parts = catalog.serviceParts.filter((sp) => sp.serviceid === s.serviceid);
      expect(s.partsCostCents).toBe(parts.reduce((sum, sp) => sum + sp.quantity * (price.get(sp.sku) as number), 0));
    }
  });

  it('is deterministic per seed and uses only ASCII words without separators', () => {
    expect(buildCatalog(42)).toEqual(catalog);
    expect(buildCatalog(43).parts.map((p) => p.priceCents)).not.toEqual(catalog.parts.map((p) => p.priceCents));
    expect(() => checkVocabulary(catalog)).not.toThrow();
  });
});
