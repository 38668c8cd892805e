/**
 * Manufacturers per kind of part; each part type draws its variants' makers from one list, so
 * an oil filter comes from a filter maker and a motor oil from an oil brand.
 */
export const IGNITION_FUEL_MAKERS = [
  'Bosch',
  'Denso',
  'NGK',
  'ACDelco',
  'Motorcraft',
  'Delphi',
  'Standard Motor Products',
];
export const GASKET_MAKERS = ['Fel-Pro', 'Victor Reinz', 'Mahle', 'Elring', 'ACDelco', 'Motorcraft', 'Dorman'];
export const TIMING_MAKERS = ['Gates', 'Dayco', 'Aisin', 'Cloyes', 'Melling', 'ACDelco', 'Continental'];
export const ENGINE_INTERNAL_MAKERS = ['Mahle', 'Clevite', 'Melling', 'Sealed Power', 'King', 'ARP', 'Enginetech'];
export const MOUNT_MAKERS = ['Anchor', 'Westar', 'DEA', 'Dorman', 'ACDelco', 'Motorcraft'];
export const TRANS_MAKERS = ['Aisin', 'Exedy', 'LuK', 'ACDelco', 'Dorman', 'GKN', 'Timken', 'Sachs'];
export const TIRE_MAKERS = ['Michelin', 'Goodyear', 'Bridgestone', 'Continental', 'Pirelli', 'Hankook', 'Yokohama'];
export const WHEEL_END_MAKERS = ['Timken', 'SKF', 'Moog', 'Dorman', 'ACDelco', 'National', 'Mevotech'];
export const TIRE_SUPPLY_MAKERS = ['Schrader', 'Dorman', 'Slime', 'Tech', 'Plews', 'Perfect Equipment', 'Haltec'];
export const BRAKE_MAKERS = ['Wagner', 'Raybestos', 'Akebono', 'Bosch', 'Brembo', 'ACDelco', 'Centric', 'Cardone'];
export const COOLING_MAKERS = ['Gates', 'Dayco', 'Spectra Premium', 'Four Seasons', 'Denso', 'Motorcraft', 'Stant'];
export const BATTERY_MAKERS = ['Interstate', 'Optima', 'DieHard', 'Bosch', 'ACDelco', 'Motorcraft', 'Odyssey'];
export const ROTATING_ELECTRIC_MAKERS = ['Bosch', 'Denso', 'ACDelco', 'Remy', 'Motorcraft', 'Valeo', 'Cardone'];
export const ELECTRIC_MAKERS = [
  'Standard Motor Products',
  'Dorman',
  'Bosch',
  'Denso',
  'ACDelco',
  'Motorcraft',
  'Bussmann',
];
export const BULB_MAKERS = ['Sylvania', 'Philips', 'GE', 'Bosch', 'Wagner Lighting', 'Osram'];
export const HVAC_MAKERS = ['Four Seasons', 'Denso', 'UAC', 'Spectra Premium', 'Motorcraft', 'ACDelco', 'Mahle'];
export const SUSPENSION_MAKERS = ['Moog', 'Monroe', 'KYB', 'Bilstein', 'TRW', 'Mevotech', 'Sachs'];
export const STEERING_MAKERS = ['Cardone', 'Moog', 'TRW', 'Maval', 'ACDelco', 'Dorman'];
export const WIPER_MAKERS = ['Bosch', 'Rain-X', 'Trico', 'ACDelco', 'Valeo', 'Michelin', 'Denso'];
export const BELT_MAKERS = ['Gates', 'Dayco', 'Continental', 'Bosch', 'ACDelco', 'Motorcraft', 'Mitsuboshi'];
export const APPEARANCE_MAKERS = ["Meguiar's", '3M', 'Sylvania', 'Turtle Wax', 'Mothers', 'Rain-X'];
export const SHOP_CHEMICAL_MAKERS = ['Permatex', 'Loctite', 'CRC', 'WD-40', '3M', 'Lucas Oil', 'Gunk', 'Sea Foam'];
export const EXHAUST_MAKERS = ['Walker', 'MagnaFlow', 'AP Exhaust', 'Bosal', 'Dorman', 'Fel-Pro'];
export const EMISSION_MAKERS = ['Bosch', 'Denso', 'NTK', 'Standard Motor Products', 'Dorman', 'Stant', 'ACDelco'];
export const DIAGNOSTIC_SUPPLY_MAKERS = ['Redline Detection', 'Launch', 'Autel', 'Innova', 'Mastercool'];
export const OIL_MAKERS = ['Mobil 1', 'Castrol', 'Valvoline', 'Pennzoil', 'Quaker State', 'Royal Purple', 'Motorcraft'];
export const FILTER_MAKERS = ['Fram', 'WIX', 'K&N', 'Purolator', 'Bosch', 'Mann-Filter', 'ACDelco', 'Motorcraft'];
export const FLUID_MAKERS = ['Prestone', 'Peak', 'Valvoline', 'Castrol', 'Motorcraft', 'ACDelco'];
export const DRAIN_PLUG_MAKERS = ['Dorman', 'Fel-Pro', 'Motorcraft', 'ACDelco', 'Victor Reinz'];
