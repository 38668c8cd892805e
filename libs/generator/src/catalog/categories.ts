/** The eleven categories shared by services and parts, with the short code used in ids. */
export const CATEGORIES = [
  { name: 'Engine & Powertrain', code: 'ENG', laborRate: [115, 165] },
  { name: 'Transmission & Drivetrain', code: 'TRN', laborRate: [120, 170] },
  { name: 'Tires & Wheels', code: 'TIR', laborRate: [85, 120] },
  { name: 'Brakes', code: 'BRK', laborRate: [95, 140] },
  { name: 'Cooling System', code: 'COL', laborRate: [100, 145] },
  { name: 'Electrical System', code: 'ELE', laborRate: [110, 160] },
  { name: 'HVAC', code: 'HVC', laborRate: [110, 155] },
  { name: 'Suspension & Steering', code: 'SUS', laborRate: [100, 150] },
  { name: 'General Preventive Maintenance', code: 'GPM', laborRate: [80, 115] },
  { name: 'Exhaust & Emissions', code: 'EXH', laborRate: [100, 145] },
  { name: 'Fluids & Filters', code: 'FLU', laborRate: [75, 110] },
] as const;

export type CategoryName = (typeof CATEGORIES)[number]['name'];
