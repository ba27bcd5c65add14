import { CustomerDomainError, InvalidFieldError, requireInstant, requireText } from '../shared/domain-error';
import { olistLocalToInstant } from '../shared/sao-paulo-time';

export interface SubmitReviewProps {
  reviewId: string;
  orderId: string;
  /** 1..5 stars. */
  score: number;
  title?: string | null;
  message?: string | null;
  /** When the satisfaction survey was sent (Olist: midnight of that day). */
  createdAt: Date;
  /** When the customer answered it. */
  answeredAt?: Date | null;
}

/** A row of olist_order_reviews_dataset.csv, with Olist's column names and text values. */
export interface OlistReviewRecord {
  review_id: string;
  order_id: string;
  review_score: string | number;
  review_comment_title?: string | null;
  review_comment_message?: string | null;
  review_creation_date: string;
  review_answer_timestamp?: string | null;
}

export interface ReviewSnapshot {
  reviewId: string;
  orderId: string;
  score: number;
  title: string | null;
  message: string | null;
  createdAt: Date;
  answeredAt: Date | null;
}

export interface ReviewSubmitted {
  type: 'ReviewSubmitted';
  reviewId: string;
  orderId: string;
  occurredAt: Date;
  review: ReviewSnapshot;
}

/** The same (review id, order id) submitted again with different content. */
export class ReviewConflictError extends CustomerDomainError {
  readonly code = 'review-conflict';
  constructor(
    readonly reviewId: string,
    readonly orderId: string,
  ) {
    super(`review ${reviewId} of order ${orderId} already exists with different content`, 'review_id');
  }
}

/**
 * A customer's review of an order. Identified by review id AND order id together: Olist reuses a
 * review id across orders now and then. Immutable once submitted. Title and message are kept as
 * written (line breaks included); blank ones are absent (null).
 */
export class Review {
  private events: ReviewSubmitted[] = [];

  private constructor(private readonly state: ReviewSnapshot) {}

  static submit(props: SubmitReviewProps, fields = SUBMIT_FIELDS): Review {
    const score = props.score;
    if (!Number.isInteger(score) || score < 1 || score > 5) {
      throw new InvalidFieldError(fields.score, score, 'must be a whole number from 1 to 5');
    }
    const review = new Review({
      reviewId: requireText(props.reviewId, fields.reviewId),
      orderId: requireText(props.orderId, fields.orderId),
      score,
      title: optionalText(props.title),
      message: optionalText(props.message),
      createdAt: requireInstant(props.createdAt, fields.createdAt),
      answeredAt: props.answeredAt == null ? null : requireInstant(props.answeredAt, fields.answeredAt),
    });
    review.events.push({
      type: 'ReviewSubmitted',
      reviewId: review.reviewId,
      orderId: review.orderId,
      occurredAt: review.state.createdAt,
      review: review.toSnapshot(),
    });
    return review;
  }

  /** Parses an Olist row (local São Paulo times, text score); errors name the Olist column. */
  static fromOlistRecord(record: OlistReviewRecord): Review {
    const scoreText = String(record.review_score ?? '').trim();
    const created = requireText(record.review_creation_date, 'review_creation_date');
    const answered = record.review_answer_timestamp?.trim();
    return Review.submit(
      {
        reviewId: record.review_id,
        orderId: record.order_id,
        score: /^\d+$/.test(scoreText) ? Number(scoreText) : Number.NaN,
        title: record.review_comment_title,
        message: record.review_comment_message,
        createdAt: olistLocalToInstant(created, 'review_creation_date'),
        answeredAt: answered ? olistLocalToInstant(answered, 'review_answer_timestamp') : null,
      },
      OLIST_FIELDS,
    );
  }

  static restore(snapshot: ReviewSnapshot): Review {
    return new Review({ ...snapshot });
  }

  get reviewId(): string {
    return this.state.reviewId;
  }
  get orderId(): string {
    return this.state.orderId;
  }
  get score(): number {
    return this.state.score;
  }
  get title(): string | null {
    return this.state.title;
  }
  get message(): string | null {
    return this.state.message;
  }
  get createdAt(): Date {
    return this.state.createdAt;
  }
  get answeredAt(): Date | null {
    return this.state.answeredAt;
  }

  hasSameContentAs(other: Review): boolean {
    const a = this.state;
    const b = other.state;
    return (
      a.reviewId === b.reviewId &&
      a.orderId === b.orderId &&
      a.score === b.score &&
      a.title === b.title &&
      a.message === b.message &&
      a.createdAt.getTime() === b.createdAt.getTime() &&
      (a.answeredAt?.getTime() ?? null) === (b.answeredAt?.getTime() ?? null)
    );
  }

  pullDomainEvents(): ReviewSubmitted[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  toSnapshot(): ReviewSnapshot {
    return { ...this.state };
  }
}

const SUBMIT_FIELDS = {
  reviewId: 'reviewId',
  orderId: 'orderId',
  score: 'score',
  createdAt: 'createdAt',
  answeredAt: 'answeredAt',
};

const OLIST_FIELDS: typeof SUBMIT_FIELDS = {
  reviewId: 'review_id',
  orderId: 'order_id',
  score: 'review_score',
  createdAt: 'review_creation_date',
  answeredAt: 'review_answer_timestamp',
};

function optionalText(value: string | null | undefined): string | null {
  return value == null || value.trim() === '' ? null : value;
}
