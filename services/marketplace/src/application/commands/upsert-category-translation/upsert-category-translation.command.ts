/** Adds the English name of a Portuguese category, or changes it. */
export interface UpsertCategoryTranslationCommand {
  categoryName: string;
  englishName: string;
}
