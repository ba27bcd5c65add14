import { NotFoundError, paginationQuery, type RouteDefinition } from '@mercado/service-kit';
import Joi from 'joi';
import { ListProductHandler } from '../../application/commands/list-product/list-product.handler';
import { OnboardSellerHandler } from '../../application/commands/onboard-seller/onboard-seller.handler';
import { RelocateSellerHandler } from '../../application/commands/relocate-seller/relocate-seller.handler';
import { UpdateProductHandler } from '../../application/commands/update-product/update-product.handler';
import { UpsertCategoryTranslationHandler } from '../../application/commands/upsert-category-translation/upsert-category-translation.handler';
import { type CategoryTranslationRepository } from '../../application/ports/category-translation.repository.port';
import { type Clock } from '../../application/ports/clock.port';
import { type ProductRepository } from '../../application/ports/product.repository.port';
import { type SellerRepository } from '../../application/ports/seller.repository.port';
import { type MarketplaceUnitOfWork } from '../../application/ports/unit-of-work.port';
import { GetProductHandler } from '../../application/queries/get-product/get-product.handler';
import { GetSellerHandler } from '../../application/queries/get-seller/get-seller.handler';
import { ListProductsHandler } from '../../application/queries/list-products/list-products.handler';
import { ListSellersHandler } from '../../application/queries/list-sellers/list-sellers.handler';
import { ListTranslationsHandler } from '../../application/queries/list-translations/list-translations.handler';
import { PRODUCT_DETAIL_FIELDS, type ProductDetails } from '../../domain/product/product-details';
import { productView, sellerView } from './marketplace.presenter';

export const CATALOG_READ = 'catalog:read';
export const CATALOG_WRITE = 'catalog:write';

export interface CatalogRoutesDependencies {
  unitOfWork: MarketplaceUnitOfWork;
  /** For queries, outside any transaction. */
  products: ProductRepository;
  sellers: SellerRepository;
  translations: CategoryTranslationRepository;
  clock: Clock;
}

const id = (what: string) =>
  Joi.string()
    .pattern(/^[0-9A-Za-z][0-9A-Za-z_-]{0,63}$/)
    .messages({ 'string.pattern.base': `{{#label}} must be a ${what} id (letters, digits, _ or -)` });
const categoryName = () =>
  Joi.string()
    .pattern(/^[a-z0-9]+(_[a-z0-9]+)*$/)
    .max(100)
    .messages({ 'string.pattern.base': '{{#label}} must be snake_case (a-z, 0-9 and _)' });
const count = () => Joi.number().integer().min(0).max(Number.MAX_SAFE_INTEGER).allow(null).strict();

type DetailKey = keyof ProductDetails;
const DETAIL_KEYS = Object.keys(PRODUCT_DETAIL_FIELDS) as DetailKey[];
/** API field → domain key, e.g. weight_g → weightG. */
const DETAIL_KEY_OF = Object.fromEntries(DETAIL_KEYS.map((key) => [PRODUCT_DETAIL_FIELDS[key], key])) as Record<string, DetailKey>;

const detailSchemas = Object.fromEntries(
  DETAIL_KEYS.map((key) => [PRODUCT_DETAIL_FIELDS[key], key === 'categoryName' ? categoryName().allow(null) : count()]),
);

function detailsFrom(body: Record<string, unknown>): Partial<ProductDetails> {
  const details: Partial<Record<DetailKey, unknown>> = {};
  for (const [field, value] of Object.entries(body)) {
    const key = DETAIL_KEY_OF[field];
    if (key) details[key] = value;
  }
  return details as Partial<ProductDetails>;
}

const address = {
  zip_prefix: Joi.string()
    .pattern(/^\d{5}$/)
    .required()
    .messages({ 'string.pattern.base': '{{#label}} must be five digits, leading zeros kept (text)' }),
  city: Joi.string().trim().min(1).max(120).required(),
  state: Joi.string().length(2).required(),
};

export function catalogRoutes(deps: CatalogRoutesDependencies): RouteDefinition[] {
  const { unitOfWork, clock } = deps;
  const listProduct = new ListProductHandler(unitOfWork, clock);
  const updateProduct = new UpdateProductHandler(unitOfWork, clock);
  const onboardSeller = new OnboardSellerHandler(unitOfWork, clock);
  const relocateSeller = new RelocateSellerHandler(unitOfWork, clock);
  const upsertTranslation = new UpsertCategoryTranslationHandler(unitOfWork, clock);
  const getProduct = new GetProductHandler(deps.products);
  const listProducts = new ListProductsHandler(deps.products);
  const getSeller = new GetSellerHandler(deps.sellers);
  const listSellers = new ListSellersHandler(deps.sellers);
  const listTranslations = new ListTranslationsHandler(deps.translations);

  return [
    {
      method: 'post',
      path: '/products',
      tags: ['products'],
      summary: 'List a product, or replace its details (upsert by product id)',
      description:
        'Every figure may be null (unknown, never read as 0). 201 when listed, 200 when updated or unchanged (the same details again).',
      scopes: [CATALOG_WRITE],
      validate: { body: Joi.object({ product_id: id('product').required(), ...detailSchemas }) },
      handler: async (req, res) => {
        const body = req.body as Record<string, unknown>;
        const details = { ...Object.fromEntries(DETAIL_KEYS.map((key) => [key, null])), ...detailsFrom(body) } as ProductDetails;
        const result = await listProduct.execute({ productId: String(body.product_id), ...details });
        res.status(result.outcome === 'listed' ? 201 : 200).json({ outcome: result.outcome, product: productView(result.product) });
      },
    },
    {
      method: 'patch',
      path: '/products/:productId',
      tags: ['products'],
      summary: "Change some of a product's details",
      description: 'The fields given replace the current ones (null clears a figure); the others are kept.',
      scopes: [CATALOG_WRITE],
      validate: { params: Joi.object({ productId: id('product').required() }), body: Joi.object(detailSchemas).min(1) },
      handler: async (req, res) => {
        const result = await updateProduct.execute({
          productId: String(req.params.productId),
          changes: detailsFrom(req.body as Record<string, unknown>),
        });
        res.json({ outcome: result.outcome, product: productView(result.product) });
      },
    },
    {
      method: 'get',
      path: '/products/:productId',
      tags: ['products'],
      summary: 'A product of the catalogue',
      scopes: [CATALOG_READ],
      validate: { params: Joi.object({ productId: id('product').required() }) },
      handler: async (req, res) => {
        const productId = String(req.params.productId);
        const product = await getProduct.execute({ productId });
        if (!product) throw new NotFoundError('product', productId);
        res.json(productView(product));
      },
    },
    {
      method: 'get',
      path: '/products',
      tags: ['products'],
      summary: 'The catalogue, by product id, optionally one category',
      description: '`category_name` filters one Portuguese category; `uncategorized=true` lists the products without one.',
      scopes: [CATALOG_READ],
      validate: {
        query: Joi.object({
          category_name: categoryName(),
          uncategorized: Joi.boolean(),
          ...paginationQuery,
        }).oxor('category_name', 'uncategorized'),
      },
      handler: async (req, res) => {
        const query = req.query as unknown as { category_name?: string; uncategorized?: boolean; limit: number; cursor?: string };
        const page = await listProducts.execute({
          ...(query.uncategorized ? { categoryName: null } : query.category_name ? { categoryName: query.category_name } : {}),
          cursor: query.cursor ?? null,
          limit: query.limit,
        });
        res.json({ items: page.items.map(productView), next_cursor: page.nextCursor });
      },
    },
    {
      method: 'post',
      path: '/sellers',
      tags: ['sellers'],
      summary: 'Onboard a seller',
      description:
        '201 when onboarded; 200 for the same seller at the same address again; 409 for a known seller at another address (relocate it instead).',
      scopes: [CATALOG_WRITE],
      validate: { body: Joi.object({ seller_id: id('seller').required(), ...address }) },
      handler: async (req, res) => {
        const body = req.body as { seller_id: string; zip_prefix: string; city: string; state: string };
        const result = await onboardSeller.execute({
          sellerId: body.seller_id,
          zipPrefix: body.zip_prefix,
          city: body.city,
          state: body.state,
        });
        res.status(result.outcome === 'onboarded' ? 201 : 200).json({ outcome: result.outcome, seller: sellerView(result.seller) });
      },
    },
    {
      method: 'put',
      path: '/sellers/:sellerId/address',
      tags: ['sellers'],
      summary: "Move a seller (the whole new address)",
      scopes: [CATALOG_WRITE],
      validate: { params: Joi.object({ sellerId: id('seller').required() }), body: Joi.object(address) },
      handler: async (req, res) => {
        const body = req.body as { zip_prefix: string; city: string; state: string };
        const result = await relocateSeller.execute({
          sellerId: String(req.params.sellerId),
          zipPrefix: body.zip_prefix,
          city: body.city,
          state: body.state,
        });
        res.json({ outcome: result.outcome, seller: sellerView(result.seller) });
      },
    },
    {
      method: 'get',
      path: '/sellers/:sellerId',
      tags: ['sellers'],
      summary: 'A seller',
      scopes: [CATALOG_READ],
      validate: { params: Joi.object({ sellerId: id('seller').required() }) },
      handler: async (req, res) => {
        const sellerId = String(req.params.sellerId);
        const seller = await getSeller.execute({ sellerId });
        if (!seller) throw new NotFoundError('seller', sellerId);
        res.json(sellerView(seller));
      },
    },
    {
      method: 'get',
      path: '/sellers',
      tags: ['sellers'],
      summary: 'The sellers, by seller id, optionally of one state',
      scopes: [CATALOG_READ],
      validate: {
        query: Joi.object({
          state: Joi.string()
            .uppercase()
            .valid(...'AC AL AM AP BA CE DF ES GO MA MG MS MT PA PB PE PI PR RJ RN RO RR RS SC SE SP TO'.split(' ')),
          ...paginationQuery,
        }),
      },
      handler: async (req, res) => {
        const query = req.query as unknown as { state?: string; limit: number; cursor?: string };
        const page = await listSellers.execute({ state: query.state ?? null, cursor: query.cursor ?? null, limit: query.limit });
        res.json({ items: page.items.map(sellerView), next_cursor: page.nextCursor });
      },
    },
    {
      method: 'get',
      path: '/category-translations',
      tags: ['category translations'],
      summary: 'The English name of every Portuguese category',
      scopes: [CATALOG_READ],
      handler: async (_req, res) => {
        const items = await listTranslations.execute();
        res.json({ items: items.map((t) => ({ category_name: t.categoryName, english_name: t.englishName })) });
      },
    },
    {
      method: 'put',
      path: '/category-translations/:categoryName',
      tags: ['category translations'],
      summary: "Add or change a category's English name",
      description:
        "Every product of the category whose English name changes is re-published (marketplace.product.updated), in the same transaction. The same name again is `unchanged`.",
      scopes: [CATALOG_WRITE],
      validate: {
        params: Joi.object({ categoryName: categoryName().required() }),
        body: Joi.object({ english_name: categoryName().required() }),
      },
      handler: async (req, res) => {
        const result = await upsertTranslation.execute({
          categoryName: String(req.params.categoryName),
          englishName: (req.body as { english_name: string }).english_name,
        });
        res.json({
          outcome: result.outcome,
          category_name: result.categoryName,
          english_name: result.englishName,
          updated_products: result.updatedProductIds.length,
        });
      },
    },
  ];
}
