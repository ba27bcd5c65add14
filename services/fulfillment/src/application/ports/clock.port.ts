/** The current time, behind a port so that use cases and their tests control it. */
export interface Clock {
  now(): Date;
}
