/** Part type names that many recipes share, spelled once. */
export const ATF = 'ATF Automatic Transmission Fluid, 1 qt';
export const COOLANT = 'Antifreeze Coolant 50/50, 1 gal';
export const BRAKE_FLUID = 'DOT 3 Brake Fluid, 12 oz';
export const CONVENTIONAL_OIL = 'Motor Oil 5W-30 Conventional, 1 qt';
export const BLEND_OIL = 'Motor Oil 5W-30 Synthetic Blend, 1 qt';
export const REFRIGERANT = 'R-134a Refrigerant 12 oz';
export const PAG_OIL = 'PAG 46 Refrigerant Oil, 8 oz';
export const STEERING_FLUID = 'Power Steering Fluid, 12 oz';

/** What every oil change uses besides its oil: a filter and a new drain-plug gasket. */
export const OIL_CHANGE_PARTS: [string, number][] = [
  ['Oil Filter', 1],
  ['Oil Drain Plug Gasket', 1],
];
