import { type CategoryTranslation } from '../../domain/category-translation/category-translation.entity';

/** The English names of the Portuguese categories (a small table: Olist has 71). */
export interface CategoryTranslationRepository {
  find(categoryName: string): Promise<CategoryTranslation | null>;
  /** Those that exist among the names, in any order. */
  findMany(categoryNames: readonly string[]): Promise<CategoryTranslation[]>;
  /** All of them, ordered by Portuguese name. */
  findAll(): Promise<CategoryTranslation[]>;
  /** Inserts or replaces by Portuguese name. */
  save(translations: readonly CategoryTranslation[]): Promise<void>;
}
