import { type RecordSource } from '../../shared/import-reject';

/** One row of Olist's product_category_name_translation.csv (the adapter strips its BOM). */
export interface OlistCategoryTranslationRow {
  product_category_name: string;
  product_category_name_english: string;
}

export interface TranslationImportRecord {
  source?: RecordSource | null;
  row: OlistCategoryTranslationRow;
}

export interface ImportTranslationsCommand {
  records: readonly TranslationImportRecord[];
}
