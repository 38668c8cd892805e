import { partTypes, type PartType } from './part-type';
import {
  APPEARANCE_MAKERS,
  BRAKE_MAKERS,
  COOLING_MAKERS,
  DIAGNOSTIC_SUPPLY_MAKERS,
  DRAIN_PLUG_MAKERS,
  ELECTRIC_MAKERS,
  EMISSION_MAKERS,
  EXHAUST_MAKERS,
  GASKET_MAKERS,
  HVAC_MAKERS,
  SHOP_CHEMICAL_MAKERS,
  SUSPENSION_MAKERS,
  TIRE_SUPPLY_MAKERS,
  TRANS_MAKERS,
  WHEEL_END_MAKERS,
} from './part-makers';

/**
 * The small parts and supplies a job consumes besides its main parts: gaskets, seals, clamps,
 * hardware, greases and sprays. Service recipes fill their remaining mappings from these.
 */
export const SHOP_SUPPLY_TYPES: readonly PartType[] = [
  ...partTypes('Engine & Powertrain', GASKET_MAKERS, [
    ['Crankshaft Seal', 7.99, 24.99],
    ['Camshaft Seal', 6.99, 19.99],
    ['Fuel Injector O-Ring Kit', 6.99, 19.99],
  ]),
  ...partTypes('Transmission & Drivetrain', TRANS_MAKERS, [
    ['CV Boot Kit', 14.99, 44.99],
    ['Axle Nut', 4.99, 14.99],
    ['Axle Seal', 6.99, 19.99],
    ['Differential Cover Gasket', 7.99, 24.99],
  ]),
  ...partTypes('Tires & Wheels', TIRE_SUPPLY_MAKERS, [
    ['Tire Patch Plug', 1.99, 6.99],
    ['Tire Bead Sealer', 6.99, 14.99],
    ['Valve Stem Core', 0.99, 3.99, 4],
    ['TPMS Service Kit', 4.99, 14.99],
  ]),
  ...partTypes('Tires & Wheels', WHEEL_END_MAKERS, [['Wheel Bearing Grease, 14 oz', 6.99, 15.99]]),
  ...partTypes('Brakes', BRAKE_MAKERS, [
    ['Brake Caliper Grease', 3.99, 11.99],
    ['Brake Bleeder Screw', 2.99, 8.99],
    ['Banjo Bolt Copper Washer Set', 2.99, 9.99],
    ['Caliper Guide Pin Kit', 6.99, 19.99],
  ]),
  ...partTypes('Cooling System', COOLING_MAKERS, [
    ['Hose Clamp Set', 4.99, 14.99],
    ['Thermostat Gasket', 2.99, 9.99],
    ['Water Pump Gasket', 3.99, 12.99],
    ['Coolant Leak Detection Dye', 6.99, 14.99],
    ['Radiator Drain Petcock', 4.99, 14.99],
  ]),
  ...partTypes('Electrical System', ELECTRIC_MAKERS, [
    ['Battery Terminal Set', 6.99, 19.99],
    ['Battery Hold-Down Kit', 7.99, 24.99],
    ['Butt Connector Kit', 7.99, 24.99],
    ['Primary Wire, 25 ft', 6.99, 19.99],
    ['Wire Loom, 10 ft', 4.99, 14.99],
    ['Electrical Tape', 2.99, 7.99],
  ]),
  ...partTypes('HVAC', HVAC_MAKERS, [
    ['A/C O-Ring Kit', 5.99, 19.99],
    ['PAG 46 Refrigerant Oil, 8 oz', 9.99, 19.99],
    ['A/C UV Leak Detection Dye', 7.99, 16.99],
  ]),
  ...partTypes('Suspension & Steering', SUSPENSION_MAKERS, [
    ['Cotter Pin Assortment', 3.99, 9.99],
    ['Alignment Camber Bolt Kit', 14.99, 39.99],
    ['Sway Bar Bushing', 4.99, 14.99, 2],
    ['Steering Rack Boot', 9.99, 29.99],
  ]),
  ...partTypes('General Preventive Maintenance', APPEARANCE_MAKERS, [
    ['Glass Cleaner', 3.99, 8.99],
    ['Polishing Compound', 6.99, 19.99],
  ]),
  ...partTypes('General Preventive Maintenance', SHOP_CHEMICAL_MAKERS, [
    ['RTV Silicone Gasket Maker', 5.99, 14.99],
    ['Thread Locker', 4.99, 11.99],
    ['Anti-Seize Compound', 5.99, 14.99],
    ['Dielectric Grease', 4.99, 12.99],
    ['Penetrating Oil Spray', 4.99, 10.99],
    ['Engine Degreaser Spray', 5.99, 12.99],
    ['Engine Assembly Lube', 8.99, 19.99],
    ['Battery Terminal Protector Spray', 4.99, 11.99],
    ['Automotive Masking Tape', 4.99, 12.99],
    ['Chassis Grease, 14 oz', 5.99, 12.99],
  ]),
  ...partTypes('Exhaust & Emissions', EXHAUST_MAKERS, [
    ['Exhaust Flange Gasket', 4.99, 14.99],
    ['Exhaust Sealant Paste', 4.99, 12.99],
    ['Exhaust Bolt and Spring Kit', 6.99, 19.99],
    ['EGR Valve Gasket', 3.99, 12.99],
    ['Exhaust Manifold Stud Kit', 9.99, 29.99],
  ]),
  ...partTypes('Exhaust & Emissions', EMISSION_MAKERS, [['Vacuum Hose Assortment', 6.99, 19.99]]),
  ...partTypes('Exhaust & Emissions', DIAGNOSTIC_SUPPLY_MAKERS, [['Smoke Machine Fluid', 9.99, 24.99]]),
  ...partTypes('Fluids & Filters', DRAIN_PLUG_MAKERS, [['Oil Drain Plug Gasket', 0.99, 3.99]]),
];
