/** A translation was added or its English name changed (in-process; products re-emit their names). */
export interface CategoryTranslationUpserted {
  type: 'CategoryTranslationUpserted';
  categoryName: string;
  englishName: string;
  /** null when the category had no translation before. */
  previousEnglishName: string | null;
  occurredAt: Date;
}
