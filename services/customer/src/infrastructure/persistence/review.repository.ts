import { type EntityManager } from 'typeorm';
import { ConcurrencyConflictError } from '../../application/application.errors';
import {
  type ReviewKey,
  type ReviewListCriteria,
  type ReviewPage,
  type ReviewRepository,
} from '../../application/ports/review.repository.port';
import { type Review } from '../../domain/review/review.aggregate';
import { ReviewMapper } from './review.mapper';
import { ReviewOrmEntity } from './review.orm-entity';

const INSERT_REVIEWS_SQL = `
INSERT INTO review (review_id, order_id, score, title, message, created_at, answered_at)
SELECT * FROM UNNEST($1::text[], $2::text[], $3::smallint[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[])
ON CONFLICT DO NOTHING
RETURNING review_id, order_id`;

/** Reviews in PostgreSQL (insert only: a review never changes), inside the unit of work's transaction. */
export class TypeormReviewRepository implements ReviewRepository {
  constructor(private readonly manager: EntityManager) {}

  async findByKeys(keys: readonly ReviewKey[]): Promise<Review[]> {
    if (keys.length === 0) return [];
    const rows = await this.manager
      .createQueryBuilder(ReviewOrmEntity, 'review')
      .where('(review.review_id, review.order_id) IN (SELECT * FROM UNNEST(CAST(:reviewIds AS text[]), CAST(:orderIds AS text[])))', {
        reviewIds: keys.map((key) => key.reviewId),
        orderIds: keys.map((key) => key.orderId),
      })
      .getMany();
    return rows.map((row) => ReviewMapper.toDomain(row));
  }

  async insertMany(reviews: readonly Review[]): Promise<void> {
    if (reviews.length === 0) return;
    const rows = reviews.map((review) => ReviewMapper.toRow(review));
    const inserted: { review_id: string; order_id: string }[] = await this.manager.query(INSERT_REVIEWS_SQL, [
      rows.map((r) => r.reviewId),
      rows.map((r) => r.orderId),
      rows.map((r) => r.score),
      rows.map((r) => r.title),
      rows.map((r) => r.message),
      rows.map((r) => r.createdAt.toISOString()),
      rows.map((r) => (r.answeredAt === null ? null : r.answeredAt.toISOString())),
    ]);
    if (inserted.length !== rows.length) {
      const done = new Set(inserted.map((row) => `${row.review_id}\u0000${row.order_id}`));
      const taken = rows.find((row) => !done.has(`${row.reviewId}\u0000${row.orderId}`))!;
      throw new ConcurrencyConflictError(`review ${taken.reviewId} of order ${taken.orderId}`, 0, 1);
    }
  }

  async list(criteria: ReviewListCriteria): Promise<ReviewPage> {
    const query = this.manager.createQueryBuilder(ReviewOrmEntity, 'review');
    if (criteria.orderId !== undefined) query.andWhere('review.order_id = :orderId', { orderId: criteria.orderId });
    if (criteria.score !== undefined) query.andWhere('review.score = :score', { score: criteria.score });
    if (criteria.after !== undefined) {
      query.andWhere('(review.review_id, review.order_id) > (:afterReview, :afterOrder)', {
        afterReview: criteria.after.reviewId,
        afterOrder: criteria.after.orderId,
      });
    }
    const rows = await query.orderBy('review.review_id').addOrderBy('review.order_id').limit(criteria.limit + 1).getMany();
    const page = rows.slice(0, criteria.limit);
    const last = page.at(-1);
    return {
      reviews: page.map((row) => ReviewMapper.toDomain(row)),
      next: rows.length > criteria.limit && last ? { reviewId: last.reviewId, orderId: last.orderId } : null,
    };
  }
}
