import { describe, expect, it } from 'vitest';
import { type Catalog, type Part, type ServicePart, buildCatalog } from '../src/index';
import { JOB_CONSUMABLES } from '../src/catalog/job-consumables';
import { partTypeNameOf } from '../src/catalog/part-description';
import { PART_TYPES } from '../src/catalog/part-types';
import { fillCounts } from '../src/catalog/recipe-fill';
import { SERVICE_DEFINITIONS, type ServiceDefinition } from '../src/catalog/service-definitions';
import { resolveRecipe } from '../src/catalog/service-recipes';
import { createContext } from '../src/context';
import { OrderDraft } from '../src/orders/order-draft';
import { Random } from '../src/random/random';

const SEEDS = [42, 7, 20_260_101];
console.log(`service recipe seeds: ${SEEDS.join(', ')}`);

const perServiceOfType = new Map(PART_TYPES.map((t) => [t.name, t.perService]));

/** What a service's job may use, read straight from its definition: its parts, optional parts, job supplies. */
function allowedQuantities(def: ServiceDefinition): Map<string, number> {
  const allowed = new Map<string, number>();
  for (const job of def.recipe.jobs)
    for (const name of JOB_CONSUMABLES[job]) allowed.set(name, perServiceOfType.get(name) ?? -1);
  for (const o of def.recipe.optional) allowed.set(o.partType, o.quantity ?? perServiceOfType.get(o.partType) ?? -1);
  for (const u of def.recipe.uses) allowed.set(u.partType, u.quantity);
  return allowed;
}

interface Listed {
  readonly type: string;
  readonly part: Part;
  readonly mapping: ServicePart;
}

/** The parts each service lists, by service name, with each part's type. */
function listedByService(catalog: Catalog): Map<string, Listed[]> {
  const partBySku = new Map(catalog.parts.map((p) => [p.sku, p]));
  const nameById = new Map(catalog.services.map((s) => [s.serviceid, s.name]));
  const listed = new Map<string, Listed[]>();
  for (const mapping of catalog.serviceParts) {
    const part = partBySku.get(mapping.sku) as Part;
    const name = nameById.get(mapping.serviceid) as string;
    listed.set(name, [...(listed.get(name) ?? []), { type: partTypeNameOf(part.description), part, mapping }]);
  }
  return listed;
}

describe.each(SEEDS)('service recipes (seed %i)', (seed) => {
  const catalog = buildCatalog(seed);
  const listed = listedByService(catalog);

  it('lists every part type of each recipe once, in the recipe quantity', () => {
    expect(catalog.services.map((s) => s.name)).toEqual(SERVICE_DEFINITIONS.map((d) => d.name));
    for (const def of SERVICE_DEFINITIONS) {
      const parts = listed.get(def.name) ?? [];
      for (const use of def.recipe.uses) {
        const matching = parts.filter((p) => p.type === use.partType);
        expect(
          matching.map((p) => p.mapping.quantity),
          `${def.name}: ${use.partType}`,
        ).toEqual([use.quantity]);
      }
    }
  });

  it('lists no part type a service job does not use, none twice, in the quantity its definition gives', () => {
    for (const def of SERVICE_DEFINITIONS) {
      const allowed = allowedQuantities(def);
      const parts = listed.get(def.name) ?? [];
      expect(parts.length, def.name).toBeGreaterThan(0);
      for (const p of parts) {
        expect(allowed.has(p.type), `${def.name} lists ${p.part.description}`).toBe(true);
        expect(p.mapping.quantity, `${def.name}: ${p.type}`).toBe(allowed.get(p.type));
        expect(p.part.category, p.part.description).toBe(PART_TYPES.find((t) => t.name === p.type)?.category);
      }
      const types = parts.map((p) => p.type);
      expect(new Set(types).size, def.name).toBe(types.length);
    }
  });

  it('gives each oil change one motor oil of the grade in its name, at least 5 qt, an oil filter and a drain-plug gasket', () => {
    const oilChanges = SERVICE_DEFINITIONS.filter((d) => d.name.endsWith(' Oil Change'));
    expect(oilChanges.length).toBeGreaterThan(0);
    for (const def of oilChanges) {
      const grade = def.name.slice(0, -' Oil Change'.length);
      const parts = listed.get(def.name) ?? [];
      const oils = parts.filter((p) => p.type.includes('Motor Oil'));
      expect(
        oils.map((o) => o.type.includes(grade)),
        def.name,
      ).toEqual([true]);
      const oil = oils[0] as Listed;
      const quartsPerUnit = oil.type.endsWith('1 gal') ? 4 : oil.type.endsWith('1 qt') ? 1 : 0;
      expect(oil.mapping.quantity * quartsPerUnit, def.name).toBeGreaterThanOrEqual(5);
      expect(
        parts.filter((p) => p.type === 'Oil Filter'),
        def.name,
      ).toHaveLength(1);
      expect(
        parts.filter((p) => p.type === 'Oil Drain Plug Gasket'),
        def.name,
      ).toHaveLength(1);
    }
  });

  it('gives front brake pads a front pad set and a hardware kit and nothing of the engine', () => {
    const types = (listed.get('Brake Pad Replacement - Front') ?? []).map((p) => p.type);
    expect(types).toEqual(expect.arrayContaining(['Brake Pad Set, Front', 'Brake Hardware Kit']));
    expect(types.filter((t) => t === 'Oil Filter' || t === 'Oxygen Sensor' || t.includes('Motor Oil'))).toEqual([]);
    expect(types.filter((t) => t.includes('Rear'))).toEqual([]);
  });

  it('prices each order service line with the parts its recipe lists', () => {
    const context = createContext(seed, 0.0001);
    const priceBySku = new Map(catalog.parts.map((p) => [p.sku, p.priceCents]));
    const draft = new OrderDraft();
    const random = Random.stream(seed, 'service-recipe-test');
    let lines = 0;
    for (let order = 0; order < 200; order++) {
      context.drafter.fill(draft, 0, 3, random);
      for (let i = 0; i < draft.serviceCount; i++) {
        const service = catalog.services[draft.serviceIndex[i] as number];
        const mappings = catalog.serviceParts.filter((sp) => sp.serviceid === service?.serviceid);
        const recipeCost = mappings.reduce((sum, sp) => sum + sp.quantity * (priceBySku.get(sp.sku) as number), 0);
        expect(draft.servicePartsCents[i]).toBe((draft.serviceQuantity[i] as number) * recipeCost);
        lines++;
      }
    }
    expect(lines).toBe(600);
  });
});

describe('recipe checks', () => {
  it('names each part type once, so a description tells its type', () => {
    expect(new Set(PART_TYPES.map((t) => t.name)).size).toBe(PART_TYPES.length);
  });

  const oilChange = SERVICE_DEFINITIONS.find((d) => d.name === 'Conventional Oil Change') as ServiceDefinition;

  it('names the service and the part type when a recipe names a type the catalog lacks', () => {
    const typo = { ...oilChange, recipe: { ...oilChange.recipe, uses: [{ partType: 'Oil Filtre', quantity: 1 }] } };
    expect(() => resolveRecipe(typo)).toThrow(/"Conventional Oil Change" names part type "Oil Filtre"/);
  });

  it('refuses a quantity that is not a whole number above 0', () => {
    const none = { ...oilChange, recipe: { ...oilChange.recipe, uses: [{ partType: 'Oil Filter', quantity: 0 }] } };
    expect(() => resolveRecipe(none)).toThrow(/"Conventional Oil Change" uses 0 of "Oil Filter"/);
  });

  it('says how many parts the recipes can list when they cannot reach the seed total', () => {
    const fewer = SERVICE_DEFINITIONS.slice(0, 20);
    expect(() => fillCounts(fewer, fewer.map(resolveRecipe), Random.stream(1, 'recipe-check'))).toThrow(
      /the recipes can list \d+\.\.\d+ parts, not 1074/,
    );
  });
});
