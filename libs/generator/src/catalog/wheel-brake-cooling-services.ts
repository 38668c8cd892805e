import { services, type ServiceDefinition } from './service-definition';
import { BRAKE_FLUID, COOLANT } from './shared-part-names';

/** The services of the tire, brake and cooling categories, with their recipes. */
export const WHEEL_BRAKE_COOLING_SERVICES: readonly ServiceDefinition[] = [
  ...services('Tires & Wheels', [
    ['Tire Rotation', 30, [], ['Valve Stem Core', 'Anti-Seize Compound', 'Lug Nut Set'], []],
    [
      'Tire Mount & Balance - Set of 4',
      60,
      [
        ['Wheel Weight Kit', 1],
        ['Tire Valve Stem', 4],
      ],
      [],
      ['tire'],
    ],
    [
      'Wheel Alignment - Four Wheel',
      60,
      [],
      ['Alignment Camber Bolt Kit', 'Penetrating Oil Spray', 'Anti-Seize Compound', 'Cotter Pin Assortment'],
      ['under-car'],
    ],
    [
      'Flat Tire Repair',
      30,
      [['Tire Patch Plug', 1]],
      [['Tire Valve Stem', 1], ['Valve Stem Core', 1], 'Tire Bead Sealer', 'Wheel Weight Kit'],
      [],
    ],
    [
      'TPMS Sensor Replacement',
      45,
      [
        ['TPMS Sensor', 1],
        ['TPMS Service Kit', 1],
      ],
      [['Valve Stem Core', 1], 'Wheel Weight Kit', 'Tire Bead Sealer'],
      [],
    ],
    [
      'Wheel Bearing Replacement - Front',
      120,
      [['Wheel Bearing', 1]],
      ['Axle Seal', 'Wheel Stud'],
      ['wheel-end', 'under-car'],
    ],
    ['Wheel Bearing Replacement - Rear', 120, [['Wheel Bearing', 1]], ['Wheel Stud'], ['wheel-end', 'under-car']],
    ['Wheel Stud Replacement', 45, [['Wheel Stud', 5]], ['Lug Nut Set', 'Penetrating Oil Spray'], []],
    [
      'Tire Replacement - Single',
      30,
      [
        ['All-Season Tire 225/65R17', 1],
        ['Tire Valve Stem', 1],
      ],
      [['Valve Stem Core', 1], 'Wheel Weight Kit', 'Tire Bead Sealer', 'TPMS Service Kit'],
      [],
    ],
    [
      'Wheel Hub Assembly Replacement',
      120,
      [
        ['Wheel Hub Assembly', 1],
        ['Axle Nut', 1],
      ],
      ['Wheel Stud'],
      ['wheel-end', 'under-car'],
    ],
  ]),
  ...services('Brakes', [
    [
      'Brake Pad Replacement - Front',
      90,
      [
        ['Brake Pad Set, Front', 1],
        ['Brake Hardware Kit', 1],
      ],
      ['Brake Rotor, Front', 'Brake Caliper'],
      ['brake-friction', 'under-car'],
    ],
    [
      'Brake Pad Replacement - Rear',
      90,
      [
        ['Brake Pad Set, Rear', 1],
        ['Brake Hardware Kit', 1],
      ],
      ['Brake Rotor, Rear', 'Brake Caliper'],
      ['brake-friction', 'under-car'],
    ],
    [
      'Brake Rotor Replacement - Front',
      120,
      [
        ['Brake Rotor, Front', 2],
        ['Brake Pad Set, Front', 1],
      ],
      ['Brake Hardware Kit', 'Brake Caliper'],
      ['brake-friction', 'under-car'],
    ],
    [
      'Brake Rotor Replacement - Rear',
      120,
      [
        ['Brake Rotor, Rear', 2],
        ['Brake Pad Set, Rear', 1],
      ],
      ['Brake Hardware Kit', 'Brake Caliper'],
      ['brake-friction', 'under-car'],
    ],
    [
      'Brake Caliper Replacement',
      90,
      [
        ['Brake Caliper', 1],
        ['Banjo Bolt Copper Washer Set', 1],
        [BRAKE_FLUID, 2],
      ],
      ['Brake Hose', 'Brake Hardware Kit', 'Caliper Guide Pin Kit'],
      ['brake-hydraulic', 'under-car'],
    ],
    ['Brake Fluid Flush', 45, [[BRAKE_FLUID, 3]], [], ['brake-hydraulic']],
    [
      'Brake Line Replacement',
      150,
      [
        ['Brake Line Kit', 1],
        [BRAKE_FLUID, 2],
      ],
      ['Brake Hose'],
      ['brake-hydraulic', 'under-car'],
    ],
    [
      'Parking Brake Adjustment',
      45,
      [],
      [
        'Parking Brake Cable',
        'Parking Brake Shoe Set',
        'Brake Hardware Kit',
        'Brake Caliper Grease',
        'Brake Cleaner Spray',
        'Penetrating Oil Spray',
      ],
      ['under-car'],
    ],
    [
      'ABS Sensor Replacement',
      60,
      [['ABS Wheel Speed Sensor', 1]],
      ['Penetrating Oil Spray', 'Anti-Seize Compound', 'Dielectric Grease'],
      ['under-car', 'electrical-work'],
    ],
    [
      'Brake Master Cylinder Replacement',
      120,
      [
        ['Brake Master Cylinder', 1],
        [BRAKE_FLUID, 3],
      ],
      [],
      ['brake-hydraulic', 'under-car'],
    ],
  ]),
  ...services('Cooling System', [
    ['Coolant Flush', 60, [[COOLANT, 2]], ['Thermostat', 'Thermostat Gasket'], ['coolant-refill', 'engine-bay']],
    [
      'Radiator Replacement',
      180,
      [
        ['Radiator', 1],
        [COOLANT, 2],
      ],
      ['Transmission Cooler Line Kit'],
      ['coolant-refill', 'cooling-repair', 'engine-bay'],
    ],
    [
      'Water Pump Replacement',
      240,
      [
        ['Water Pump', 1],
        ['Water Pump Gasket', 1],
        [COOLANT, 2],
      ],
      ['Thermostat', 'Serpentine Belt', 'Timing Belt Kit'],
      ['coolant-refill', 'cooling-repair', 'engine-bay'],
    ],
    [
      'Thermostat Replacement',
      90,
      [
        ['Thermostat', 1],
        ['Thermostat Gasket', 1],
        [COOLANT, 1],
      ],
      [],
      ['coolant-refill', 'cooling-repair', 'engine-bay'],
    ],
    [
      'Radiator Hose Replacement',
      75,
      [
        ['Upper Radiator Hose', 1],
        ['Hose Clamp Set', 1],
        [COOLANT, 1],
      ],
      ['Lower Radiator Hose', 'Heater Hose'],
      ['coolant-refill', 'engine-bay'],
    ],
    [
      'Cooling Fan Replacement',
      120,
      [['Radiator Fan Assembly', 1]],
      ['Relay', 'Coolant Temperature Sensor', 'Fuse Assortment', 'Dielectric Grease'],
      ['engine-bay', 'electrical-work'],
    ],
    [
      'Heater Core Replacement',
      480,
      [
        ['Heater Core', 1],
        [COOLANT, 2],
      ],
      ['Blend Door Actuator'],
      ['coolant-refill', 'cooling-repair', 'hvac-dash', 'engine-bay'],
    ],
    [
      'Coolant Leak Diagnosis',
      60,
      [['Coolant Leak Detection Dye', 1]],
      ['Radiator Cap', 'Hose Clamp Set', COOLANT],
      [],
    ],
    ['Radiator Cap Replacement', 20, [['Radiator Cap', 1]], [COOLANT], []],
    [
      'Coolant Reservoir Replacement',
      90,
      [
        ['Coolant Reservoir', 1],
        [COOLANT, 1],
      ],
      [],
      ['coolant-refill', 'engine-bay'],
    ],
  ]),
];
