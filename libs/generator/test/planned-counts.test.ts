import { describe, expect, it } from 'vitest';
import { GeneratorError, SCALE_1, plannedCounts, scaled } from '../src/index';
import { ExactLineAllocator, InvoiceShapeAllocator } from '../src/orders/line-allocation';
import { Random } from '../src/random/random';

describe('plannedCounts', () => {
  it('reproduces the seed business exactly at scale 1', () => {
    const c = plannedCounts(1);
    expect(c).toMatchObject({
      autoParts: 400,
      service: 110,
      serviceParts: 1_074,
      customersSource: 1_200_000,
      customers: 1_149,
      customerStates: 59,
      salesOrder: 397_146,
      salesOrderParts: 853_591,
      salesOrderServices: 355_067,
      csvUniqueInvoices: 791_532,
      uniqueInvoicesCombined: 1_188_678,
      csvOrderFileRows: 7_271_303,
    });
    expect(c.csvOrders.rows).toBe(1_864_774);
    expect(c.csvParts.rows).toBe(4_877_041);
    expect(c.csvServices.rows).toBe(529_488);
  });

  it('scales every volume by Math.round(figure * scale), at least 1, and keeps the catalog', () => {
    for (const scale of [0.0001, 0.001, 0.0123, 0.5, 2]) {
      const c = plannedCounts(scale);
      expect(c.salesOrder).toBe(Math.max(1, Math.round(397_146 * scale)));
      expect(c.csvOrders.rows).toBe(scaled(SCALE_1.csvOrderRows, scale));
      expect(c.customers).toBe(Math.max(1, Math.round(1_149 * scale)));
      expect(c.customerStates).toBe(Math.min(59, c.customers));
      expect(c.csvParts.defects['unknown-sku']).toBe(Math.max(1, Math.round(813 * scale)));
      expect(c.csvOrderExactCopies).toBe(c.csvOrders.rows - c.csvOrderVersions - c.csvOrders.dirtyRows);
      expect(c.csvOrderExactCopies).toBeGreaterThanOrEqual(0);
      expect([c.autoParts, c.service, c.serviceParts]).toEqual([400, 110, 1_074]);
    }
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 0.00001, 5000])(
    'rejects scale %s with a GeneratorError naming it',
    (scale) => {
      expect(() => plannedCounts(scale)).toThrow(GeneratorError);
      expect(() => plannedCounts(scale)).toThrow(String(scale));
    },
  );
});

describe('line allocation', () => {
  it('splits lines over orders with exact totals and at least one line per order', () => {
    for (const scale of [0.0001, 0.00037, 0.003, 0.05]) {
      const c = plannedCounts(scale);
      const allocator = new ExactLineAllocator(c.salesOrder, c.salesOrderParts, c.salesOrderServices);
      const random = new Random(99);
      let parts = 0;
      let services = 0;
      for (let i = 0; i < c.salesOrder; i++) {
        allocator.next(random);
        expect(allocator.partCount + allocator.serviceCount).toBeGreaterThan(0);
        parts += allocator.partCount;
        services += allocator.serviceCount;
      }
      expect([parts, services]).toEqual([c.salesOrderParts, c.salesOrderServices]);
      expect(() => allocator.next(random)).toThrow(RangeError);
    }
  });

  it('shapes invoices with exact versions and line rows within the budgets', () => {
    for (const scale of [0.0001, 0.003, 0.05]) {
      const c = plannedCounts(scale);
      const partBudget = c.csvParts.rows - c.csvParts.dirtyRows;
      const serviceBudget = c.csvServices.rows - c.csvServices.dirtyRows;
      const shapes = new InvoiceShapeAllocator(c.csvUniqueInvoices, c.csvOrderVersions, partBudget, serviceBudget);
      const random = new Random(5);
      let versions = 0;
      let partRows = 0;
      let serviceRows = 0;
      for (let i = 0; i < c.csvUniqueInvoices; i++) {
        shapes.next(random);
        expect(shapes.partCount + shapes.serviceCount).toBeGreaterThan(0);
        versions += shapes.versionCount;
        partRows += shapes.versionCount * shapes.partCount;
        serviceRows += shapes.versionCount * shapes.serviceCount;
      }
      expect(versions).toBe(c.csvOrderVersions);
      expect(partRows).toBeLessThanOrEqual(partBudget);
      expect(serviceRows).toBeLessThanOrEqual(serviceBudget);
      // The versions aim at 90 % of the budgets; exact copies fill the rest.
      expect(partRows).toBeGreaterThan(partBudget * 0.75);
    }
  });
});
