import { CategoryTranslation } from '../../../domain/category-translation/category-translation.entity';
import { type Clock } from '../../ports/clock.port';
import { type MarketplaceUnitOfWork } from '../../ports/unit-of-work.port';
import { type ImportReject, type RecordSource, rejectOf } from '../../shared/import-reject';
import { applyTranslations } from '../upsert-category-translation/apply-translations';
import { type ImportTranslationsCommand } from './import-translations.command';

// CategoryTranslation.of already names Olist's columns (product_category_name[_english]).
const TRANSLATION_COLUMNS: Readonly<Record<string, string>> = {};

export interface ImportTranslationsResult {
  received: number;
  added: number;
  changed: number;
  unchanged: number;
  rejected: ImportReject[];
  /** Products whose English category name changed (each recorded ProductUpdated). */
  updatedProductIds: string[];
}

/** Imports Olist's translation file with the upsert semantics of upsert-category-translation. */
export class ImportTranslationsHandler {
  constructor(
    private readonly unitOfWork: MarketplaceUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: ImportTranslationsCommand): Promise<ImportTranslationsResult> {
    const result: ImportTranslationsResult = {
      received: command.records.length,
      added: 0,
      changed: 0,
      unchanged: 0,
      rejected: [],
      updatedProductIds: [],
    };
    const parsed: { source: RecordSource | null; translation: CategoryTranslation }[] = [];
    for (const record of command.records) {
      const source = record.source ?? null;
      try {
        parsed.push({
          source,
          translation: CategoryTranslation.of(
            record.row.product_category_name,
            record.row.product_category_name_english,
          ),
        });
      } catch (error) {
        result.rejected.push(
          rejectOf(source, record.row?.product_category_name ?? null, error, TRANSLATION_COLUMNS),
        );
      }
    }
    if (parsed.length === 0) return result;
    const applied = await this.unitOfWork.run((tx) =>
      applyTranslations(
        tx,
        parsed.map((p) => p.translation),
        this.clock.now(),
        'import',
      ),
    );
    for (const outcome of applied.outcomes) result[outcome] += 1;
    result.updatedProductIds = applied.updatedProductIds;
    return result;
  }
}
