import { InvalidFieldError, MissingFieldError } from '../shared/marketplace-domain-error';
import { BRAZILIAN_STATE_CODES, parseBrazilianState } from './brazilian-state';
import { Seller } from './seller.aggregate';

const AT = new Date('2018-01-01T12:00:00Z');
const ID = '3442f8959a84dea7ee197c632cb2df15';

describe('Seller', () => {
  it('onboards with its address as given, a normalised city and SellerOnboarded', () => {
    const seller = Seller.onboard(ID, { zipPrefix: '01037', city: 'sao paulo / sp', state: 'SP' }, AT);
    expect(seller.state).toEqual({
      sellerId: ID,
      zipPrefix: '01037',
      city: 'sao paulo / sp',
      normalizedCity: 'sao paulo',
      state: 'SP',
      cityIsNumeric: false,
      anomalies: ['CITY_NORMALIZED'],
    });
    expect(seller.hasChanges).toBe(true);
    expect(seller.pullEvents()).toEqual([
      { type: 'SellerOnboarded', sellerId: ID, occurredAt: AT, origin: 'live', seller: seller.state },
    ]);
    expect(seller.hasChanges).toBe(false);
  });

  it('flags a numeric city, without a normalised city', () => {
    const seller = Seller.onboard(ID, { zipPrefix: '22790', city: '04482255', state: 'RJ' }, AT, 'import');
    expect(seller.state).toEqual(
      expect.objectContaining({
        normalizedCity: null,
        cityIsNumeric: true,
        anomalies: ['CITY_NORMALIZED', 'CITY_IS_NUMERIC'],
      }),
    );
    expect(seller.pullEvents()[0]!.origin).toBe('import');
  });

  it('flags a city that is no place', () => {
    const seller = Seller.onboard(
      ID,
      { zipPrefix: '22790', city: 'vendas@creditparts.com.br', state: 'RJ' },
      AT,
    );
    expect(seller.state.anomalies).toEqual(['CITY_NORMALIZED', 'CITY_NOT_A_PLACE']);
  });

  it('does not flag a city already in normal form', () => {
    expect(
      Seller.onboard(ID, { zipPrefix: '13023', city: 'campinas', state: 'SP' }, AT).state.anomalies,
    ).toEqual([]);
  });

  it('relocates on any change of zip, city or state, and is a no-op for the same address', () => {
    const seller = Seller.onboard(ID, { zipPrefix: '13023', city: 'campinas', state: 'SP' }, AT);
    seller.pullEvents();
    expect(seller.relocate({ zipPrefix: '13023', city: 'campinas', state: 'sp' }, AT)).toBe('unchanged');
    expect(seller.pullEvents()).toEqual([]);
    expect(seller.relocate({ zipPrefix: '88501', city: 'lages - sc', state: 'SC' }, AT)).toBe('changed');
    expect(seller.pullEvents()).toEqual([
      {
        type: 'SellerRelocated',
        sellerId: ID,
        occurredAt: AT,
        origin: 'live',
        seller: expect.objectContaining({ zipPrefix: '88501', normalizedCity: 'lages', state: 'SC' }),
        previous: { zipPrefix: '13023', city: 'campinas', state: 'SP' },
      },
    ]);
    expect(seller.relocate({ zipPrefix: '88502', city: 'lages - sc', state: 'SC' }, AT)).toBe('changed');
    expect(seller.relocate({ zipPrefix: '88502', city: 'Lages', state: 'SC' }, AT)).toBe('changed');
    expect(seller.relocate({ zipPrefix: '88502', city: 'Lages', state: 'PR' }, AT)).toBe('changed');
  });

  it('refuses bad addresses, naming the field', () => {
    const good = { zipPrefix: '01037', city: 'sao paulo', state: 'SP' };
    const fieldOf = (address: typeof good) => {
      try {
        Seller.onboard(ID, address, AT);
      } catch (error) {
        return [(error as InvalidFieldError).constructor.name, (error as InvalidFieldError).field];
      }
      return null;
    };
    expect(fieldOf({ ...good, zipPrefix: '1037' })).toEqual(['InvalidFieldError', 'zip_prefix']);
    expect(fieldOf({ ...good, zipPrefix: '' })).toEqual(['MissingFieldError', 'zip_prefix']);
    expect(fieldOf({ ...good, city: ' ' })).toEqual(['MissingFieldError', 'city']);
    expect(fieldOf({ ...good, city: 'x'.repeat(121) })).toEqual(['InvalidFieldError', 'city']);
    expect(fieldOf({ ...good, state: 'XX' })).toEqual(['InvalidFieldError', 'state']);
    expect(fieldOf({ ...good, state: '' })).toEqual(['MissingFieldError', 'state']);
    expect(() => Seller.onboard('not an id', good, AT)).toThrow(InvalidFieldError);
    expect(() => Seller.onboard('', good, AT)).toThrow(MissingFieldError);
  });

  it('restores from its snapshot', () => {
    const seller = Seller.onboard(ID, { zipPrefix: '01037', city: 'sao paulo / sp', state: 'SP' }, AT);
    const restored = Seller.restore({ ...seller.toSnapshot(), version: 2 });
    expect(restored.version).toBe(2);
    expect(restored.state).toEqual(seller.state);
    expect(restored.sellerId).toBe(ID);
    expect(restored.hasChanges).toBe(false);
  });

  it('knows the 27 UFs', () => {
    expect(BRAZILIAN_STATE_CODES).toHaveLength(27);
    expect(parseBrazilianState(' df ')).toBe('DF');
  });
});
