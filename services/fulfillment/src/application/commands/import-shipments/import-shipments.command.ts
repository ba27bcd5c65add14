/** One row of Olist's orders file (olist_orders_dataset.csv), as text, columns named as published. */
export interface OlistOrderRow {
  order_id: string;
  customer_id: string;
  order_status?: string | null;
  /** Local São Paulo time `YYYY-MM-DD HH:MM:SS`. */
  order_purchase_timestamp: string;
  /** Empty, null or absent when unknown (the same for the next two). */
  order_approved_at?: string | null;
  order_delivered_carrier_date?: string | null;
  order_delivered_customer_date?: string | null;
  /** `YYYY-MM-DD 00:00:00` (or `YYYY-MM-DD`). */
  order_estimated_delivery_date: string;
}

/** Where a record was read, echoed in its reject. */
export interface RecordSource {
  file: string;
  /** 1-based line of the record's start in the file (the header is line 1). */
  line: number;
}

export interface ShipmentImportRecord {
  source?: RecordSource | null;
  row: OlistOrderRow;
}

/** A batch of the orders file: each record is taken or rejected on its own. */
export interface ImportShipmentsCommand {
  records: readonly ShipmentImportRecord[];
}
