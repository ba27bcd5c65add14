import { type RecordSource } from '../../shared/import-reject';

/** One row of Olist's olist_products_dataset.csv, as text, columns named as published (`lenght` too). */
export interface OlistProductRow {
  product_id: string;
  product_category_name?: string | null;
  product_name_lenght?: string | null;
  product_description_lenght?: string | null;
  product_photos_qty?: string | null;
  product_weight_g?: string | null;
  product_length_cm?: string | null;
  product_height_cm?: string | null;
  product_width_cm?: string | null;
}

export interface ProductImportRecord {
  source?: RecordSource | null;
  row: OlistProductRow;
}

export interface ImportProductsCommand {
  records: readonly ProductImportRecord[];
}
