import type { CategoryName } from './categories';

/** A kind of part; the catalog holds several variants (manufacturer, grade) of each. */
export interface PartType {
  readonly category: CategoryName;
  readonly name: string;
  /** Typical price range in dollars for the standard grade. */
  readonly price: readonly [number, number];
  /** How many a service usually needs (spark plugs come in fours, oil in quarts). */
  readonly perService: number;
  readonly makers: readonly string[];
}

const ENGINE_MAKERS = [
  'Bosch',
  'Denso',
  'NGK',
  'ACDelco',
  'Motorcraft',
  'Fel-Pro',
  'Delphi',
  'Standard Motor Products',
];
const TRANS_MAKERS = ['Aisin', 'Exedy', 'LuK', 'ACDelco', 'Dorman', 'GKN', 'Timken', 'Sachs'];
const TIRE_MAKERS = ['Michelin', 'Goodyear', 'Bridgestone', 'Continental', 'Pirelli', 'Dorman', 'Timken', 'SKF'];
const BRAKE_MAKERS = ['Wagner', 'Raybestos', 'Akebono', 'Bosch', 'Brembo', 'ACDelco', 'Centric', 'Cardone'];
const COOLING_MAKERS = ['Gates', 'Dayco', 'Spectra Premium', 'Four Seasons', 'Denso', 'Motorcraft', 'Stant', 'Dorman'];
const ELECTRIC_MAKERS = [
  'Interstate',
  'Optima',
  'DieHard',
  'Bosch',
  'Denso',
  'Sylvania',
  'Philips',
  'Standard Motor Products',
];
const HVAC_MAKERS = ['Four Seasons', 'Denso', 'UAC', 'Spectra Premium', 'Motorcraft', 'ACDelco', 'Dorman', 'Mahle'];
const SUSPENSION_MAKERS = ['Moog', 'Monroe', 'KYB', 'Bilstein', 'TRW', 'Mevotech', 'Cardone', 'Sachs'];
const MAINT_MAKERS = ['Bosch', 'Rain-X', 'Trico', 'Sylvania', 'Philips', 'Fram', "Meguiar's", 'CRC'];
const EXHAUST_MAKERS = [
  'Walker',
  'MagnaFlow',
  'Bosch',
  'Denso',
  'Standard Motor Products',
  'Dorman',
  'AP Exhaust',
  'Fel-Pro',
];
const FLUID_MAKERS = ['Mobil 1', 'Castrol', 'Valvoline', 'Pennzoil', 'Fram', 'WIX', 'K&N', 'Purolator'];

function types(
  category: CategoryName,
  makers: readonly string[],
  rows: [string, number, number, number?][],
): PartType[] {
  return rows.map(([name, lo, hi, perService]) => ({
    category,
    name,
    price: [lo, hi],
    perService: perService ?? 1,
    makers,
  }));
}

export const PART_TYPES: readonly PartType[] = [
  ...types('Engine & Powertrain', ENGINE_MAKERS, [
    ['Spark Plug', 4.99, 16.99, 4],
    ['Ignition Coil', 29.99, 94.99],
    ['Timing Belt Kit', 89.99, 289.99],
    ['Timing Chain Kit', 149.99, 449.99],
    ['Valve Cover Gasket Set', 19.99, 69.99],
    ['Head Gasket Set', 79.99, 249.99],
    ['Fuel Injector', 49.99, 189.99, 4],
    ['Fuel Pump Module', 99.99, 379.99],
    ['Camshaft Position Sensor', 19.99, 79.99],
    ['Crankshaft Position Sensor', 19.99, 84.99],
    ['Piston Ring Set', 69.99, 199.99],
    ['Engine Mount', 39.99, 159.99],
  ]),
  ...types('Transmission & Drivetrain', TRANS_MAKERS, [
    ['Clutch Kit', 149.99, 459.99],
    ['Flywheel', 119.99, 389.99],
    ['Clutch Master Cylinder', 39.99, 129.99],
    ['CV Axle Assembly', 69.99, 219.99],
    ['Universal Joint', 19.99, 64.99, 2],
    ['Transmission Filter Kit', 19.99, 59.99],
    ['Transmission Pan Gasket', 9.99, 29.99],
    ['Transmission Mount', 29.99, 119.99],
    ['Transmission Rebuild Kit', 249.99, 799.99],
  ]),
  ...types('Tires & Wheels', TIRE_MAKERS, [
    ['All-Season Tire 205/55R16', 89.99, 189.99, 4],
    ['All-Season Tire 225/65R17', 109.99, 229.99, 4],
    ['All-Terrain Tire 265/70R17', 159.99, 319.99, 4],
    ['TPMS Sensor', 29.99, 79.99],
    ['Wheel Bearing', 29.99, 119.99],
    ['Wheel Hub Assembly', 79.99, 249.99],
    ['Wheel Stud', 2.99, 8.99, 5],
    ['Lug Nut Set', 14.99, 44.99],
    ['Tire Valve Stem', 1.99, 5.99, 4],
    ['Wheel Weight Kit', 4.99, 14.99],
  ]),
  ...types('Brakes', BRAKE_MAKERS, [
    ['Brake Pad Set, Front', 34.99, 109.99],
    ['Brake Pad Set, Rear', 29.99, 99.99],
    ['Brake Rotor, Front', 39.99, 149.99, 2],
    ['Brake Rotor, Rear', 34.99, 129.99, 2],
    ['Brake Caliper', 49.99, 179.99],
    ['Brake Hose', 12.99, 39.99],
    ['Brake Line Kit', 29.99, 89.99],
    ['ABS Wheel Speed Sensor', 24.99, 89.99],
    ['Brake Master Cylinder', 59.99, 199.99],
    ['Brake Hardware Kit', 9.99, 29.99],
  ]),
  ...types('Cooling System', COOLING_MAKERS, [
    ['Radiator', 119.99, 389.99],
    ['Water Pump', 49.99, 189.99],
    ['Thermostat', 12.99, 44.99],
    ['Upper Radiator Hose', 14.99, 49.99],
    ['Lower Radiator Hose', 14.99, 54.99],
    ['Radiator Fan Assembly', 89.99, 299.99],
    ['Heater Core', 59.99, 189.99],
    ['Radiator Cap', 7.99, 24.99],
    ['Coolant Reservoir', 24.99, 89.99],
  ]),
  ...types('Electrical System', ELECTRIC_MAKERS, [
    ['Battery Group 24F', 129.99, 249.99],
    ['Battery Group 35', 129.99, 239.99],
    ['Alternator', 149.99, 449.99],
    ['Starter Motor', 119.99, 379.99],
    ['Headlight Bulb H11', 9.99, 39.99, 2],
    ['Power Window Motor', 49.99, 149.99],
    ['Relay', 6.99, 24.99],
    ['Battery Cable', 14.99, 49.99],
    ['Ignition Switch', 24.99, 99.99],
    ['Fuse Assortment', 4.99, 14.99],
  ]),
  ...types('HVAC', HVAC_MAKERS, [
    ['A/C Compressor', 229.99, 599.99],
    ['A/C Condenser', 99.99, 299.99],
    ['A/C Evaporator', 119.99, 349.99],
    ['Cabin Air Filter', 12.99, 34.99],
    ['Blower Motor', 59.99, 189.99],
    ['Expansion Valve', 24.99, 89.99],
    ['Blend Door Actuator', 24.99, 84.99],
    ['R-134a Refrigerant 12 oz', 12.99, 24.99, 2],
    ['A/C Receiver Drier', 24.99, 74.99],
  ]),
  ...types('Suspension & Steering', SUSPENSION_MAKERS, [
    ['Shock Absorber', 39.99, 149.99, 2],
    ['Strut Assembly', 89.99, 279.99, 2],
    ['Lower Control Arm', 59.99, 199.99],
    ['Ball Joint', 24.99, 89.99],
    ['Outer Tie Rod End', 19.99, 69.99, 2],
    ['Sway Bar Link', 14.99, 49.99, 2],
    ['Power Steering Pump', 89.99, 289.99],
    ['Rack and Pinion Assembly', 199.99, 599.99],
    ['Coil Spring', 39.99, 129.99, 2],
    ['Strut Mount', 19.99, 69.99, 2],
  ]),
  ...types('General Preventive Maintenance', MAINT_MAKERS, [
    ['Wiper Blade 22 in', 12.99, 34.99, 2],
    ['Wiper Blade 18 in', 11.99, 31.99],
    ['Headlight Restoration Kit', 14.99, 34.99],
    ['Fuel System Cleaner', 7.99, 19.99],
    ['Throttle Body Cleaner', 5.99, 12.99],
    ['Serpentine Belt', 24.99, 79.99],
    ['License Plate Bulb', 2.99, 9.99, 2],
    ['Brake Cleaner Spray', 4.99, 11.99],
  ]),
  ...types('Exhaust & Emissions', EXHAUST_MAKERS, [
    ['Muffler', 59.99, 219.99],
    ['Catalytic Converter', 249.99, 899.99],
    ['Oxygen Sensor', 34.99, 129.99],
    ['Exhaust Manifold Gasket', 9.99, 39.99],
    ['EGR Valve', 69.99, 249.99],
    ['Exhaust Pipe', 39.99, 149.99],
    ['Exhaust Clamp', 4.99, 14.99, 2],
    ['EVAP Purge Valve', 24.99, 79.99],
    ['Exhaust Hanger', 4.99, 14.99, 2],
  ]),
  ...types('Fluids & Filters', FLUID_MAKERS, [
    ['Motor Oil 5W-30 Conventional, 1 qt', 5.49, 8.99, 5],
    ['Motor Oil 0W-20 Full Synthetic, 1 qt', 8.99, 13.99, 5],
    ['Motor Oil 10W-30 High Mileage, 1 qt', 7.49, 11.99, 5],
    ['Diesel Motor Oil 15W-40, 1 gal', 24.99, 39.99, 2],
    ['Oil Filter', 5.99, 16.99],
    ['Engine Air Filter', 12.99, 39.99],
    ['Fuel Filter', 14.99, 59.99],
    ['ATF Automatic Transmission Fluid, 1 qt', 7.99, 12.99, 4],
    ['DOT 3 Brake Fluid, 12 oz', 5.99, 11.99, 2],
    ['Antifreeze Coolant 50/50, 1 gal', 14.99, 24.99, 2],
    ['Power Steering Fluid, 12 oz', 5.99, 10.99],
    ['Gear Oil 75W-90, 1 qt', 11.99, 19.99, 2],
    ['Windshield Washer Fluid, 1 gal', 2.99, 5.99],
    ['PCV Valve', 4.99, 19.99],
  ]),
];
