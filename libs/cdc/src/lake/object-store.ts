export type { ObjectStore } from '@autocorp/lake-storage';
