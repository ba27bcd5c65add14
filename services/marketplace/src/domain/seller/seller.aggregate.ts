import { type MarketplaceOrigin } from '../product/product.events';
import { InvalidFieldError, MissingFieldError, requireId } from '../shared/marketplace-domain-error';
import { type BrazilianState, parseBrazilianState } from './brazilian-state';
import { normalizeCity } from './city-normalization';
import { type SellerDomainEvent } from './seller.events';

/** Where a seller ships from, as given. */
export interface SellerAddress {
  /** First five digits of the CEP, as text: leading zeros kept (`01037`). */
  zipPrefix: string;
  /** The city exactly as given (trimmed). */
  city: string;
  state: BrazilianState;
}

/** Oddities of a seller's city, never a reason to refuse it. */
export const SELLER_ANOMALIES = ['CITY_NORMALIZED', 'CITY_IS_NUMERIC', 'CITY_NOT_A_PLACE'] as const;
export type SellerAnomaly = (typeof SELLER_ANOMALIES)[number];

/** The full state of a seller, as events and read models carry it. */
export interface SellerState extends SellerAddress {
  sellerId: string;
  /** See normalizeCity; null when the given city names no place. */
  normalizedCity: string | null;
  /** The given city is only digits (its normalised city is then null). */
  cityIsNumeric: boolean;
  /** CITY_NORMALIZED: the normalised city differs from the given text; and the two flags above. */
  anomalies: SellerAnomaly[];
}

export interface SellerSnapshot extends SellerState {
  version: number;
}

export type SellerChange = 'changed' | 'unchanged';

const ZIP_PREFIX = /^\d{5}$/;
const MAX_CITY_LENGTH = 120;

/** Checks an address: five-digit zip prefix (text), a non-blank city of at most 120 characters, a UF. */
export function sellerAddress(input: { zipPrefix: string; city: string; state: string }): SellerAddress {
  if (typeof input.zipPrefix !== 'string' || input.zipPrefix.trim() === '')
    throw new MissingFieldError('zip_prefix');
  const zipPrefix = input.zipPrefix.trim();
  if (!ZIP_PREFIX.test(zipPrefix)) {
    // A damaged copy loses the leading zeros (`1037`): refused rather than guessed.
    throw new InvalidFieldError('zip_prefix', input.zipPrefix, 'must be five digits, leading zeros kept');
  }
  if (typeof input.city !== 'string' || input.city.trim() === '') throw new MissingFieldError('city');
  const city = input.city.trim();
  if (city.length > MAX_CITY_LENGTH)
    throw new InvalidFieldError('city', input.city, 'must be at most 120 characters');
  return { zipPrefix, city, state: parseBrazilianState(input.state, 'state') };
}

function stateOf(sellerId: string, address: SellerAddress): SellerState {
  const normalized = normalizeCity(address.city);
  const anomalies: SellerAnomaly[] = [];
  if (normalized.normalizedCity !== address.city) anomalies.push('CITY_NORMALIZED');
  if (normalized.cityIsNumeric) anomalies.push('CITY_IS_NUMERIC');
  if (normalized.cityNotAPlace) anomalies.push('CITY_NOT_A_PLACE');
  return {
    sellerId,
    ...address,
    normalizedCity: normalized.normalizedCity,
    cityIsNumeric: normalized.cityIsNumeric,
    anomalies,
  };
}

/** A seller of the marketplace, keyed by Olist's seller id. */
export class Seller {
  private events: SellerDomainEvent[] = [];

  private constructor(
    private current: SellerState,
    readonly version: number,
  ) {}

  static onboard(
    sellerId: string,
    address: { zipPrefix: string; city: string; state: string },
    occurredAt: Date,
    origin: MarketplaceOrigin = 'live',
  ): Seller {
    const seller = new Seller(stateOf(requireId(sellerId, 'seller_id'), sellerAddress(address)), 0);
    seller.events.push({ type: 'SellerOnboarded', sellerId, occurredAt, origin, seller: seller.state });
    return seller;
  }

  static restore(snapshot: SellerSnapshot): Seller {
    const { version, ...state } = snapshot;
    return new Seller({ ...state, anomalies: [...state.anomalies] }, version);
  }

  get sellerId(): string {
    return this.current.sellerId;
  }

  get state(): SellerState {
    return { ...this.current, anomalies: [...this.current.anomalies] };
  }

  get address(): SellerAddress {
    return { zipPrefix: this.current.zipPrefix, city: this.current.city, state: this.current.state };
  }

  /** Tells whether an address is the seller's current one, exactly as given. */
  isAt(address: SellerAddress): boolean {
    const here = this.current;
    return here.zipPrefix === address.zipPrefix && here.city === address.city && here.state === address.state;
  }

  /** Moves the seller: a change of zip prefix, city or state. The same address again is a no-op. */
  relocate(
    address: { zipPrefix: string; city: string; state: string },
    occurredAt: Date,
    origin: MarketplaceOrigin = 'live',
  ): SellerChange {
    const checked = sellerAddress(address);
    if (this.isAt(checked)) return 'unchanged';
    const previous = this.address;
    this.current = stateOf(this.current.sellerId, checked);
    this.events.push({
      type: 'SellerRelocated',
      sellerId: this.current.sellerId,
      occurredAt,
      origin,
      seller: this.state,
      previous,
    });
    return 'changed';
  }

  pullEvents(): SellerDomainEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  get hasChanges(): boolean {
    return this.events.length > 0;
  }

  toSnapshot(): SellerSnapshot {
    return { ...this.state, version: this.version };
  }
}
