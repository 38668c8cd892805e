/** Manufacturers per kind of part; each part type draws its variants' makers from one list. */
export const ENGINE_MAKERS = [
  'Bosch',
  'Denso',
  'NGK',
  'ACDelco',
  'Motorcraft',
  'Fel-Pro',
  'Delphi',
  'Standard Motor Products',
];
export const TRANS_MAKERS = ['Aisin', 'Exedy', 'LuK', 'ACDelco', 'Dorman', 'GKN', 'Timken', 'Sachs'];
export const TIRE_MAKERS = ['Michelin', 'Goodyear', 'Bridgestone', 'Continental', 'Pirelli', 'Dorman', 'Timken', 'SKF'];
export const BRAKE_MAKERS = ['Wagner', 'Raybestos', 'Akebono', 'Bosch', 'Brembo', 'ACDelco', 'Centric', 'Cardone'];
export const COOLING_MAKERS = [
  'Gates',
  'Dayco',
  'Spectra Premium',
  'Four Seasons',
  'Denso',
  'Motorcraft',
  'Stant',
  'Dorman',
];
export const ELECTRIC_MAKERS = [
  'Interstate',
  'Optima',
  'DieHard',
  'Bosch',
  'Denso',
  'Sylvania',
  'Philips',
  'Standard Motor Products',
];
export const HVAC_MAKERS = [
  'Four Seasons',
  'Denso',
  'UAC',
  'Spectra Premium',
  'Motorcraft',
  'ACDelco',
  'Dorman',
  'Mahle',
];
export const SUSPENSION_MAKERS = ['Moog', 'Monroe', 'KYB', 'Bilstein', 'TRW', 'Mevotech', 'Cardone', 'Sachs'];
export const MAINT_MAKERS = ['Bosch', 'Rain-X', 'Trico', 'Sylvania', 'Philips', 'Fram', "Meguiar's", 'CRC'];
export const EXHAUST_MAKERS = [
  'Walker',
  'MagnaFlow',
  'Bosch',
  'Denso',
  'Standard Motor Products',
  'Dorman',
  'AP Exhaust',
  'Fel-Pro',
];
export const FLUID_MAKERS = ['Mobil 1', 'Castrol', 'Valvoline', 'Pennzoil', 'Fram', 'WIX', 'K&N', 'Purolator'];
export const SHOP_CHEMICAL_MAKERS = ['Permatex', 'Loctite', 'CRC', 'WD-40', '3M', 'Lucas Oil', 'Gunk', 'Sea Foam'];
