import {
  createEnvelope,
  customerAccountAddedV1,
  customerCustomerRegisteredV1,
  customerCustomerRelocatedV1,
  customerReviewSubmittedV1,
  customerSegmentChangedV1,
  type EnvelopeMeta,
  type EventEnvelope,
  type Location as ContractLocation,
} from '@mercado/contracts';
import { type EnvelopeFactory } from '@mercado/messaging';
import { type CustomerServiceDomainEvent } from '../../application/ports/event-outbox.port';
import { type Location } from '../../domain/customer/location.value-object';
import { instantToOlistLocal, instantToSaoPauloIso } from '../../domain/shared/sao-paulo-time';

export const CUSTOMER_EVENT_SOURCE = '/mercado/customer';

function location(value: Location): ContractLocation {
  return { zip_prefix: value.zipPrefix, city: value.city, state: value.state };
}

/**
 * Maps the customer service's domain events to the published integration events (customer.customer.*
 * and customer.review.submitted v1), in order. Instants carry the São Paulo offset of the day; the
 * RFM reference day is the São Paulo calendar date of `asOf`.
 */
export function toIntegrationEvents(
  events: readonly CustomerServiceDomainEvent[],
  envelope: EnvelopeFactory = createEnvelope,
): EventEnvelope[] {
  return events.map((event) => {
    const meta: EnvelopeMeta = { source: CUSTOMER_EVENT_SOURCE, time: instantToSaoPauloIso(event.occurredAt) };
    switch (event.type) {
      case 'CustomerRegistered':
        return envelope(
          customerCustomerRegisteredV1,
          { customer_unique_id: event.customerUniqueId, accounts: [...event.accounts], location: location(event.location) },
          meta,
        );
      case 'AccountAdded':
        return envelope(
          customerAccountAddedV1,
          { customer_unique_id: event.customerUniqueId, customer_id: event.customerId, location: location(event.location) },
          meta,
        );
      case 'CustomerRelocated':
        return envelope(
          customerCustomerRelocatedV1,
          {
            customer_unique_id: event.customerUniqueId,
            location: location(event.location),
            previous_location: location(event.previousLocation),
          },
          meta,
        );
      case 'SegmentChanged': {
        const a = event.assessment;
        return envelope(
          customerSegmentChangedV1,
          {
            customer_unique_id: event.customerUniqueId,
            segment: event.segment,
            previous_segment: event.previousSegment,
            recency_score: a.recencyScore,
            frequency_score: a.frequencyScore,
            monetary_score: a.monetaryScore,
            recency_days: a.recencyDays,
            frequency: a.frequency,
            monetary_cents: a.monetaryCents,
            as_of: instantToOlistLocal(a.asOf).slice(0, 10),
          },
          meta,
        );
      }
      case 'ReviewSubmitted': {
        const review = event.review;
        return envelope(
          customerReviewSubmittedV1,
          {
            review_id: review.reviewId,
            order_id: review.orderId,
            score: review.score,
            ...(review.title !== null ? { title: review.title } : {}),
            ...(review.message !== null ? { message: review.message } : {}),
            created_at: instantToSaoPauloIso(review.createdAt),
            ...(review.answeredAt !== null ? { answered_at: instantToSaoPauloIso(review.answeredAt) } : {}),
          },
          meta,
        );
      }
    }
  });
}
