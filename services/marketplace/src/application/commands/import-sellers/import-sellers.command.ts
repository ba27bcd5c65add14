import { type RecordSource } from '../../shared/import-reject';

/** One row of Olist's olist_sellers_dataset.csv, as text, columns named as published. */
export interface OlistSellerRow {
  seller_id: string;
  /** Text: `01037`, leading zeros kept. */
  seller_zip_code_prefix: string;
  seller_city: string;
  seller_state: string;
}

export interface SellerImportRecord {
  source?: RecordSource | null;
  row: OlistSellerRow;
}

export interface ImportSellersCommand {
  records: readonly SellerImportRecord[];
}
