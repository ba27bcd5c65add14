import { CategoryTranslation } from '../../../domain/category-translation/category-translation.entity';
import { type Clock } from '../../ports/clock.port';
import { type MarketplaceUnitOfWork } from '../../ports/unit-of-work.port';
import { applyTranslations, type TranslationOutcome } from './apply-translations';
import { type UpsertCategoryTranslationCommand } from './upsert-category-translation.command';

export interface UpsertCategoryTranslationResult {
  outcome: TranslationOutcome;
  categoryName: string;
  englishName: string;
  /** The products of the category whose English name changed (each recorded ProductUpdated). */
  updatedProductIds: string[];
}

export class UpsertCategoryTranslationHandler {
  constructor(
    private readonly unitOfWork: MarketplaceUnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: UpsertCategoryTranslationCommand): Promise<UpsertCategoryTranslationResult> {
    const translation = CategoryTranslation.of(command.categoryName, command.englishName);
    return this.unitOfWork.run(async (tx) => {
      const applied = await applyTranslations(tx, [translation], this.clock.now(), 'live');
      return {
        outcome: applied.outcomes[0]!,
        categoryName: translation.categoryName,
        englishName: translation.englishName,
        updatedProductIds: applied.updatedProductIds,
      };
    });
  }
}
