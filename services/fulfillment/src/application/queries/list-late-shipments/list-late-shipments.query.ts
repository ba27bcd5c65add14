export interface ListLateShipmentsQuery {
  /** Deliveries at or after this instant. */
  deliveredFrom?: Date | null;
  /** Deliveries before this instant. */
  deliveredTo?: Date | null;
  cursor?: string | null;
  limit?: number;
}
