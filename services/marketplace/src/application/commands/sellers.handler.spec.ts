import { InvalidFieldError } from '../../domain/shared/marketplace-domain-error';
import { SellerAlreadyOnboardedError, SellerNotFoundError } from '../shared/application.errors';
import { FixedClock, InMemoryMarketplaceUnitOfWork } from '../testing/in-memory-marketplace.test-double';
import { OnboardSellerHandler } from './onboard-seller/onboard-seller.handler';
import { RelocateSellerHandler } from './relocate-seller/relocate-seller.handler';

const NOW = new Date('2018-09-01T12:00:00Z');
const ID = '3442f8959a84dea7ee197c632cb2df15';
const campinas = { sellerId: ID, zipPrefix: '13023', city: 'campinas', state: 'SP' };

describe('onboard-seller and relocate-seller', () => {
  let uow: InMemoryMarketplaceUnitOfWork;
  let onboard: OnboardSellerHandler;
  let relocate: RelocateSellerHandler;

  beforeEach(() => {
    uow = new InMemoryMarketplaceUnitOfWork();
    onboard = new OnboardSellerHandler(uow, new FixedClock(NOW));
    relocate = new RelocateSellerHandler(uow, new FixedClock(NOW));
  });

  it('onboards once; the same seller again is a no-op; another address is refused', async () => {
    expect((await onboard.execute(campinas)).outcome).toBe('onboarded');
    expect((await onboard.execute(campinas)).outcome).toBe('unchanged');
    await expect(onboard.execute({ ...campinas, zipPrefix: '13024' })).rejects.toBeInstanceOf(
      SellerAlreadyOnboardedError,
    );
    expect(uow.outbox.events.map((e) => e.type)).toEqual(['SellerOnboarded']);
  });

  it('relocates a seller, records SellerRelocated, and is a no-op for the same address', async () => {
    await onboard.execute(campinas);
    const moved = await relocate.execute({
      sellerId: ID,
      zipPrefix: '88501',
      city: 'lages - sc',
      state: 'SC',
    });
    expect(moved.outcome).toBe('relocated');
    expect(moved.seller).toEqual(
      expect.objectContaining({ normalizedCity: 'lages', state: 'SC', zipPrefix: '88501' }),
    );
    expect(
      (await relocate.execute({ sellerId: ID, zipPrefix: '88501', city: 'lages - sc', state: 'SC' })).outcome,
    ).toBe('unchanged');
    expect(uow.outbox.events.map((e) => e.type)).toEqual(['SellerOnboarded', 'SellerRelocated']);
    expect(uow.sellers.rows.get(ID)?.version).toBe(2);
  });

  it('refuses to relocate an unknown seller, and bad addresses before any transaction', async () => {
    await expect(relocate.execute(campinas)).rejects.toBeInstanceOf(SellerNotFoundError);
    const transactions = uow.transactions;
    await expect(onboard.execute({ ...campinas, zipPrefix: '1302' })).rejects.toBeInstanceOf(
      InvalidFieldError,
    );
    await expect(relocate.execute({ ...campinas, state: 'XX' })).rejects.toMatchObject({ field: 'state' });
    expect(uow.transactions).toBe(transactions);
  });
});
