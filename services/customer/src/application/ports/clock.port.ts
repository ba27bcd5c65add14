/** The current time. The infrastructure gives the system clock; tests give a fixed one. */
export interface Clock {
  now(): Date;
}
