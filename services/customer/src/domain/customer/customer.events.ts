import { type RfmAssessment } from '../rfm/rfm-scoring.service';
import { type Segment } from '../rfm/segment';
import { type Location } from './location.value-object';

interface CustomerEventBase {
  customerUniqueId: string;
  occurredAt: Date;
}

export interface CustomerRegistered extends CustomerEventBase {
  type: 'CustomerRegistered';
  accounts: readonly string[];
  location: Location;
}

/** A known person used a new account (in Olist: a repeat buyer's next order). */
export interface AccountAdded extends CustomerEventBase {
  type: 'AccountAdded';
  customerId: string;
  location: Location;
}

export interface CustomerRelocated extends CustomerEventBase {
  type: 'CustomerRelocated';
  location: Location;
  previousLocation: Location;
}

/** Recorded only when the segment changes, not when the scores move inside the same segment. */
export interface SegmentChanged extends CustomerEventBase {
  type: 'SegmentChanged';
  segment: Segment;
  previousSegment: Segment | null;
  assessment: RfmAssessment;
}

export type CustomerDomainEvent = CustomerRegistered | AccountAdded | CustomerRelocated | SegmentChanged;
