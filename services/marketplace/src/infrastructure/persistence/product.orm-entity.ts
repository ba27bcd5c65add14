import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The `product` table. Not the domain entity: product.mapper.ts converts between this row and
 * Product snapshots. The English name is stored as the domain resolves it (with its fallback), so
 * that listing needs no join; a translation change rewrites it through ProductUpdated.
 */
@Entity({ name: 'product' })
@Index('product_category_idx', ['categoryName', 'productId'])
export class ProductOrmEntity {
  @PrimaryColumn({ name: 'product_id', type: 'text' })
  productId!: string;

  @Column({ name: 'category_name', type: 'text', nullable: true })
  categoryName!: string | null;

  @Column({ name: 'category_name_en', type: 'text', nullable: true })
  categoryNameEnglish!: string | null;

  @Column({ name: 'translation_missing', type: 'boolean' })
  translationMissing!: boolean;

  @Column({ name: 'name_length', type: 'integer', nullable: true })
  nameLength!: number | null;

  @Column({ name: 'description_length', type: 'integer', nullable: true })
  descriptionLength!: number | null;

  @Column({ name: 'photos_qty', type: 'integer', nullable: true })
  photosQty!: number | null;

  @Column({ name: 'weight_g', type: 'integer', nullable: true })
  weightG!: number | null;

  @Column({ name: 'length_cm', type: 'integer', nullable: true })
  lengthCm!: number | null;

  @Column({ name: 'height_cm', type: 'integer', nullable: true })
  heightCm!: number | null;

  @Column({ name: 'width_cm', type: 'integer', nullable: true })
  widthCm!: number | null;

  @Column({ type: 'text', array: true })
  anomalies!: string[];

  @Column({ type: 'integer' })
  version!: number;
}
