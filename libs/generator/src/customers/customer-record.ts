/** One customer record of the CRM export (customers.csv) and, when sampled, of PostgreSQL. */
export interface CustomerRecord {
  readonly customerId: number;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly phone: string;
  readonly address: string;
  readonly city: string;
  readonly state: string;
  readonly zipCode: string;
  /** Seconds since 2015-01-01. */
  readonly createdAt: number;
  readonly updatedAt: number;
}
