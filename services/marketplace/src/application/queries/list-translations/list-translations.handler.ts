import { type CategoryTranslationRepository } from '../../ports/category-translation.repository.port';

export interface CategoryTranslationView {
  categoryName: string;
  englishName: string;
}

/** Every category translation, by Portuguese name (a small table). */
export class ListTranslationsHandler {
  constructor(private readonly translations: CategoryTranslationRepository) {}

  async execute(): Promise<CategoryTranslationView[]> {
    return (await this.translations.findAll()).map(({ categoryName, englishName }) => ({
      categoryName,
      englishName,
    }));
  }
}
