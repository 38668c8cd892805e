/**
 * The 59 USPS codes customers live under: 50 states, DC, five territories and the three
 * military codes. `weight` is roughly the population in hundred thousands; `zip` is the range
 * of the first three ZIP digits.
 */
export interface UsState {
  readonly code: string;
  readonly weight: number;
  readonly zip: readonly [number, number];
  readonly military?: boolean;
}

export const US_STATES: readonly UsState[] = [
  { code: 'AL', weight: 50, zip: [350, 369] },
  { code: 'AK', weight: 7, zip: [995, 999] },
  { code: 'AZ', weight: 73, zip: [850, 865] },
  { code: 'AR', weight: 30, zip: [716, 729] },
  { code: 'CA', weight: 390, zip: [900, 961] },
  { code: 'CO', weight: 58, zip: [800, 816] },
  { code: 'CT', weight: 36, zip: [60, 69] },
  { code: 'DE', weight: 10, zip: [197, 199] },
  { code: 'DC', weight: 7, zip: [200, 205] },
  { code: 'FL', weight: 222, zip: [320, 349] },
  { code: 'GA', weight: 110, zip: [300, 319] },
  { code: 'HI', weight: 14, zip: [967, 968] },
  { code: 'ID', weight: 19, zip: [832, 838] },
  { code: 'IL', weight: 126, zip: [600, 629] },
  { code: 'IN', weight: 68, zip: [460, 479] },
  { code: 'IA', weight: 32, zip: [500, 528] },
  { code: 'KS', weight: 29, zip: [660, 679] },
  { code: 'KY', weight: 45, zip: [400, 427] },
  { code: 'LA', weight: 46, zip: [700, 714] },
  { code: 'ME', weight: 14, zip: [39, 49] },
  { code: 'MD', weight: 62, zip: [206, 219] },
  { code: 'MA', weight: 70, zip: [10, 27] },
  { code: 'MI', weight: 100, zip: [480, 499] },
  { code: 'MN', weight: 57, zip: [550, 567] },
  { code: 'MS', weight: 29, zip: [386, 397] },
  { code: 'MO', weight: 62, zip: [630, 658] },
  { code: 'MT', weight: 11, zip: [590, 599] },
  { code: 'NE', weight: 20, zip: [680, 693] },
  { code: 'NV', weight: 32, zip: [889, 898] },
  { code: 'NH', weight: 14, zip: [30, 38] },
  { code: 'NJ', weight: 93, zip: [70, 89] },
  { code: 'NM', weight: 21, zip: [870, 884] },
  { code: 'NY', weight: 197, zip: [100, 149] },
  { code: 'NC', weight: 108, zip: [270, 289] },
  { code: 'ND', weight: 8, zip: [580, 588] },
  { code: 'OH', weight: 118, zip: [430, 458] },
  { code: 'OK', weight: 40, zip: [730, 749] },
  { code: 'OR', weight: 42, zip: [970, 979] },
  { code: 'PA', weight: 130, zip: [150, 196] },
  { code: 'RI', weight: 11, zip: [28, 29] },
  { code: 'SC', weight: 53, zip: [290, 299] },
  { code: 'SD', weight: 9, zip: [570, 577] },
  { code: 'TN', weight: 71, zip: [370, 385] },
  { code: 'TX', weight: 304, zip: [750, 799] },
  { code: 'UT', weight: 34, zip: [840, 847] },
  { code: 'VT', weight: 6, zip: [50, 59] },
  { code: 'VA', weight: 87, zip: [220, 246] },
  { code: 'WA', weight: 78, zip: [980, 994] },
  { code: 'WV', weight: 18, zip: [247, 268] },
  { code: 'WI', weight: 59, zip: [530, 549] },
  { code: 'WY', weight: 6, zip: [820, 831] },
  { code: 'PR', weight: 32, zip: [6, 9] },
  { code: 'GU', weight: 1.7, zip: [969, 969] },
  { code: 'VI', weight: 1, zip: [8, 8] },
  { code: 'AS', weight: 0.5, zip: [967, 967] },
  { code: 'MP', weight: 0.5, zip: [969, 969] },
  { code: 'AA', weight: 0.4, zip: [340, 340], military: true },
  { code: 'AE', weight: 1.5, zip: [90, 98], military: true },
  { code: 'AP', weight: 1, zip: [962, 966], military: true },
];
