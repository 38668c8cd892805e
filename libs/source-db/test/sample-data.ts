import type pg from 'pg';

/** A small, hand-checked data set: 2 parts, 2 services, 2 customers, 3 orders of each type. */
export async function insertSampleData(pool: pg.Pool): Promise<void> {
  await pool.query(`
    INSERT INTO auto_parts (sku, description, category, manufacturer, price, stock_quantity) VALUES
      ('BRK-001', 'Brake pad set', 'Brakes', 'Acme', 45.00, 10),
      ('BRK-002', 'Brake fluid 1L', 'Brakes', 'Acme', 15.00, 30);
    INSERT INTO service (serviceid, service, category, labor_minutes, labor_rate, labor_cost) VALUES
      ('SVC-BRK', 'Brake job', 'Brakes', 60, 90.00, 90.00),
      ('SVC-INS', 'Inspection', 'Inspection', 30, 100.00, 50.00);
    INSERT INTO service_parts (serviceid, sku, quantity) VALUES
      ('SVC-BRK', 'BRK-001', 2),
      ('SVC-BRK', 'BRK-002', 1);
    INSERT INTO customers (customer_id, first_name, last_name, email, state) VALUES
      (1, 'Ada', 'Lovelace', 'ada@example.com', 'NY'),
      (2, 'Alan', 'Turing', 'alan@example.com', 'CA');
    INSERT INTO sales_order (order_id, customer_id, order_date, invoice_number, payment_method, subtotal, tax, total_amount, order_type) VALUES
      (1, 1, '2025-01-02 10:00', 'INV-1', 'Card', 100.00, 8.00, 108.00, 'Parts'),
      (2, 2, '2025-01-03 11:00', 'INV-2', 'Cash', 150.00, 12.00, 162.00, 'Service'),
      (3, 1, '2025-01-04 12:00', 'INV-3', 'Card', 200.00, 16.00, 216.00, 'Mixed');
    INSERT INTO sales_order_parts (line_item_id, order_id, sku, quantity, unit_price, line_total) VALUES
      (1, 1, 'BRK-001', 1, 45.00, 45.00),
      (2, 1, 'BRK-002', 1, 55.00, 55.00),
      (3, 3, 'BRK-002', 1, 50.00, 50.00);
    INSERT INTO sales_order_services (line_item_id, order_id, serviceid, quantity, labor_minutes, labor_cost, parts_cost, line_total) VALUES
      (1, 2, 'SVC-INS', 1, 30, 150.00, 0, 150.00),
      (2, 3, 'SVC-BRK', 1, 60, 90.00, 60.00, 150.00);
  `);
}
