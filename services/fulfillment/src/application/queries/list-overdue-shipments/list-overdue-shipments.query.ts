export interface ListOverdueShipmentsQuery {
  /** The reference instant; now (the Clock) when not given. */
  asOf?: Date | null;
  /** nextCursor of the previous page. */
  cursor?: string | null;
  limit?: number;
}
