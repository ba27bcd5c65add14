import { requireCategoryName } from './category-name';

/** The English name of a Portuguese category (Olist's product_category_name_translation.csv). */
export class CategoryTranslation {
  private constructor(
    /** Portuguese, snake_case: the key. */
    readonly categoryName: string,
    readonly englishName: string,
  ) {}

  static of(categoryName: string, englishName: string): CategoryTranslation {
    return new CategoryTranslation(
      requireCategoryName(categoryName, 'product_category_name'),
      requireCategoryName(englishName, 'product_category_name_english'),
    );
  }

  equals(other: CategoryTranslation): boolean {
    return this.categoryName === other.categoryName && this.englishName === other.englishName;
  }
}

/** A product's category in both languages, as the catalogue shows it. */
export interface ResolvedCategory {
  /** Portuguese name, or null for a product without category. */
  categoryName: string | null;
  /**
   * English name from the translations; when the category has none, the FALLBACK is the Portuguese
   * name itself (snake_case, so still a usable label) and `translationMissing` is true. Null only for
   * a product without category.
   */
  categoryNameEnglish: string | null;
  /** The product has a category and the translations have no English name for it. */
  translationMissing: boolean;
}

/** The English name of a category, with the documented fallback (see ResolvedCategory). */
export function resolveCategory(
  categoryName: string | null,
  translation: CategoryTranslation | null | undefined,
): ResolvedCategory {
  if (categoryName === null)
    return { categoryName: null, categoryNameEnglish: null, translationMissing: false };
  if (translation && translation.categoryName === categoryName) {
    return { categoryName, categoryNameEnglish: translation.englishName, translationMissing: false };
  }
  return { categoryName, categoryNameEnglish: categoryName, translationMissing: true };
}
