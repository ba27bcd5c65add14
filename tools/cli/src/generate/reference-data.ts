// Reference data for the synthetic Olist generator: shares measured on the real dataset (state mixes,
// statuses, monthly volumes, product categories, photo counts) and a small gazetteer of Brazilian cities
// with their CEP ranges and coordinates. Figures are counts from the full public files unless noted.
import type { BrazilianState, OrderStatus } from '../olist/olist-files';

/** Customers per state in the full dataset (99,441 accounts). */
export const CUSTOMER_STATE_WEIGHTS: Readonly<Record<BrazilianState, number>> = {
  SP: 41_746, RJ: 12_852, MG: 11_635, RS: 5_466, PR: 5_045, SC: 3_637, BA: 3_380, DF: 2_140, ES: 2_033,
  GO: 2_020, PE: 1_652, CE: 1_336, PA: 975, MT: 907, MA: 747, MS: 715, PB: 536, PI: 495, RN: 485, AL: 413,
  SE: 350, TO: 280, RO: 253, AM: 148, AC: 81, AP: 68, RR: 46,
}; // prettier-ignore

/** Sellers per state in the real sellers file (3,095 sellers; AL, AP, RR and TO have none). */
export const SELLER_STATE_WEIGHTS: Readonly<Record<BrazilianState, number>> = {
  SP: 1_849, PR: 349, MG: 244, SC: 190, RJ: 171, RS: 129, GO: 40, DF: 30, ES: 23, BA: 19, CE: 13, PE: 9,
  PB: 6, RN: 5, MS: 5, MT: 4, RO: 2, SE: 2, AC: 1, AM: 1, MA: 1, PA: 1, PI: 1, AL: 0, AP: 0, RR: 0, TO: 0,
}; // prettier-ignore

/** How far a state is from the São Paulo hubs: scales transit time, estimates and freight. */
export const STATE_REMOTENESS: Readonly<Record<BrazilianState, number>> = {
  SP: 1.0, RJ: 1.3, MG: 1.3, PR: 1.3, SC: 1.5, RS: 1.6, ES: 1.5, GO: 1.5, DF: 1.5, MS: 1.6, BA: 1.9,
  MT: 1.9, TO: 2.0, SE: 2.0, AL: 2.0, PE: 2.0, PB: 2.0, RN: 2.0, CE: 2.0, PI: 2.0, MA: 2.1, PA: 2.3,
  AM: 2.5, AP: 2.5, RR: 2.6, AC: 2.5, RO: 2.3,
}; // prettier-ignore

export const ORDER_STATUS_WEIGHTS: Readonly<Record<OrderStatus, number>> = {
  delivered: 96_478,
  shipped: 1_107,
  canceled: 625,
  unavailable: 609,
  invoiced: 314,
  processing: 301,
  created: 5,
  approved: 2,
};

/** Orders per purchase month, 2016-09 .. 2018-10: the marketplace's growth, Black Friday 2017 included. */
export const PURCHASE_MONTH_WEIGHTS: readonly (readonly [string, number])[] = [
  ['2016-09', 4], ['2016-10', 324], ['2016-11', 0], ['2016-12', 1], ['2017-01', 800], ['2017-02', 1_780],
  ['2017-03', 2_682], ['2017-04', 2_404], ['2017-05', 3_700], ['2017-06', 3_245], ['2017-07', 4_026],
  ['2017-08', 4_331], ['2017-09', 4_285], ['2017-10', 4_631], ['2017-11', 7_544], ['2017-12', 5_673],
  ['2018-01', 7_269], ['2018-02', 6_728], ['2018-03', 7_211], ['2018-04', 6_939], ['2018-05', 6_873],
  ['2018-06', 6_167], ['2018-07', 6_292], ['2018-08', 6_512], ['2018-09', 16], ['2018-10', 4],
]; // prettier-ignore

/** Orders per hour of the day (local time). */
export const PURCHASE_HOUR_WEIGHTS: readonly number[] = [
  2_394, 1_170, 510, 272, 206, 188, 502, 1_231, 2_967, 4_785, 6_177, 6_578, 5_995, 6_518, 6_569, 6_454,
  6_675, 6_150, 5_769, 5_982, 6_193, 6_217, 5_816, 4_123,
]; // prettier-ignore

/** Lines per order among orders with lines (98,666 orders, 112,650 lines). */
export const LINES_PER_ORDER_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 88_863], [2, 7_516], [3, 1_322], [4, 505], [5, 204], [6, 198], [7, 22], [8, 8], [9, 3], [10, 8],
  [11, 4], [12, 5], [13, 1], [14, 2], [15, 2], [20, 2], [21, 1],
]; // prettier-ignore

/** Credit-card installments (from the real payments head; 11+ are rare). */
export const INSTALLMENT_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 1_174], [2, 576], [3, 443], [4, 329], [5, 230], [6, 151], [7, 71], [8, 199], [9, 23], [10, 287],
  [11, 1], [12, 7], [13, 1], [15, 4], [18, 2], [20, 1], [24, 1],
]; // prettier-ignore

/** Photos per product in the real products file. */
export const PHOTO_COUNT_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 16_489], [2, 6_263], [3, 3_860], [4, 2_428], [5, 1_484], [6, 968], [7, 343], [8, 192], [9, 105],
  [10, 95], [11, 46], [12, 35], [13, 9], [14, 5], [15, 8], [17, 7], [18, 2], [19, 1], [20, 1],
]; // prettier-ignore

/** The real translation file, in its order (71 categories). */
export const CATEGORY_TRANSLATIONS: readonly (readonly [string, string])[] = [
  ['beleza_saude', 'health_beauty'], ['informatica_acessorios', 'computers_accessories'], ['automotivo', 'auto'],
  ['cama_mesa_banho', 'bed_bath_table'], ['moveis_decoracao', 'furniture_decor'], ['esporte_lazer', 'sports_leisure'],
  ['perfumaria', 'perfumery'], ['utilidades_domesticas', 'housewares'], ['telefonia', 'telephony'],
  ['relogios_presentes', 'watches_gifts'], ['alimentos_bebidas', 'food_drink'], ['bebes', 'baby'],
  ['papelaria', 'stationery'], ['tablets_impressao_imagem', 'tablets_printing_image'], ['brinquedos', 'toys'],
  ['telefonia_fixa', 'fixed_telephony'], ['ferramentas_jardim', 'garden_tools'],
  ['fashion_bolsas_e_acessorios', 'fashion_bags_accessories'], ['eletroportateis', 'small_appliances'],
  ['consoles_games', 'consoles_games'], ['audio', 'audio'], ['fashion_calcados', 'fashion_shoes'],
  ['cool_stuff', 'cool_stuff'], ['malas_acessorios', 'luggage_accessories'], ['climatizacao', 'air_conditioning'],
  ['construcao_ferramentas_construcao', 'construction_tools_construction'],
  ['moveis_cozinha_area_de_servico_jantar_e_jardim', 'kitchen_dining_laundry_garden_furniture'],
  ['construcao_ferramentas_jardim', 'costruction_tools_garden'], ['fashion_roupa_masculina', 'fashion_male_clothing'],
  ['pet_shop', 'pet_shop'], ['moveis_escritorio', 'office_furniture'], ['market_place', 'market_place'],
  ['eletronicos', 'electronics'], ['eletrodomesticos', 'home_appliances'], ['artigos_de_festas', 'party_supplies'],
  ['casa_conforto', 'home_confort'], ['construcao_ferramentas_ferramentas', 'costruction_tools_tools'],
  ['agro_industria_e_comercio', 'agro_industry_and_commerce'],
  ['moveis_colchao_e_estofado', 'furniture_mattress_and_upholstery'], ['livros_tecnicos', 'books_technical'],
  ['casa_construcao', 'home_construction'], ['instrumentos_musicais', 'musical_instruments'],
  ['moveis_sala', 'furniture_living_room'], ['construcao_ferramentas_iluminacao', 'construction_tools_lights'],
  ['industria_comercio_e_negocios', 'industry_commerce_and_business'], ['alimentos', 'food'], ['artes', 'art'],
  ['moveis_quarto', 'furniture_bedroom'], ['livros_interesse_geral', 'books_general_interest'],
  ['construcao_ferramentas_seguranca', 'construction_tools_safety'],
  ['fashion_underwear_e_moda_praia', 'fashion_underwear_beach'], ['fashion_esporte', 'fashion_sport'],
  ['sinalizacao_e_seguranca', 'signaling_and_security'], ['pcs', 'computers'],
  ['artigos_de_natal', 'christmas_supplies'], ['fashion_roupa_feminina', 'fashio_female_clothing'],
  ['eletrodomesticos_2', 'home_appliances_2'], ['livros_importados', 'books_imported'], ['bebidas', 'drinks'],
  ['cine_foto', 'cine_photo'], ['la_cuisine', 'la_cuisine'], ['musica', 'music'],
  ['casa_conforto_2', 'home_comfort_2'], ['portateis_casa_forno_e_cafe', 'small_appliances_home_oven_and_coffee'],
  ['cds_dvds_musicais', 'cds_dvds_musicals'], ['dvds_blu_ray', 'dvds_blu_ray'], ['flores', 'flowers'],
  ['artes_e_artesanato', 'arts_and_craftmanship'], ['fraldas_higiene', 'diapers_and_hygiene'],
  ['fashion_roupa_infanto_juvenil', 'fashion_childrens_clothes'], ['seguros_e_servicos', 'security_and_services'],
]; // prettier-ignore

/** Categories published on products but missing from the translation file. */
export const UNTRANSLATED_CATEGORIES = ['pc_gamer', 'portateis_cozinha_e_preparadores_de_alimentos'] as const;

/** Products per category in the real products file; '' is a product without category (610). */
export const PRODUCT_CATEGORY_WEIGHTS: Readonly<Record<string, number>> = {
  cama_mesa_banho: 3_029, esporte_lazer: 2_867, moveis_decoracao: 2_657, beleza_saude: 2_444,
  utilidades_domesticas: 2_335, automotivo: 1_900, informatica_acessorios: 1_639, brinquedos: 1_411,
  relogios_presentes: 1_329, telefonia: 1_134, bebes: 919, perfumaria: 868, papelaria: 849,
  fashion_bolsas_e_acessorios: 849, cool_stuff: 789, ferramentas_jardim: 753, pet_shop: 719, '': 610,
  eletronicos: 517, construcao_ferramentas_construcao: 400, eletrodomesticos: 370, malas_acessorios: 349,
  consoles_games: 317, moveis_escritorio: 309, instrumentos_musicais: 289, eletroportateis: 231,
  casa_construcao: 225, livros_interesse_geral: 216, fashion_calcados: 173, moveis_sala: 156, climatizacao: 124,
  livros_tecnicos: 123, telefonia_fixa: 116, casa_conforto: 111, market_place: 104, alimentos_bebidas: 104,
  fashion_roupa_masculina: 95, moveis_cozinha_area_de_servico_jantar_e_jardim: 94, sinalizacao_e_seguranca: 93,
  construcao_ferramentas_seguranca: 91, eletrodomesticos_2: 90, construcao_ferramentas_jardim: 88, alimentos: 82,
  bebidas: 81, construcao_ferramentas_iluminacao: 78, agro_industria_e_comercio: 74,
  industria_comercio_e_negocios: 68, artigos_de_natal: 65, audio: 58, artes: 55, fashion_underwear_e_moda_praia: 53,
  dvds_blu_ray: 48, moveis_quarto: 45, construcao_ferramentas_ferramentas: 39, portateis_casa_forno_e_cafe: 31,
  livros_importados: 31, pcs: 30, cine_foto: 28, musica: 27, fashion_roupa_feminina: 27, artigos_de_festas: 26,
  fashion_esporte: 19, artes_e_artesanato: 19, flores: 14, fraldas_higiene: 12,
  portateis_cozinha_e_preparadores_de_alimentos: 10, moveis_colchao_e_estofado: 10, la_cuisine: 10,
  tablets_impressao_imagem: 9, fashion_roupa_infanto_juvenil: 5, casa_conforto_2: 5, pc_gamer: 3,
  seguros_e_servicos: 2, cds_dvds_musicais: 1,
}; // prettier-ignore

/** A city: name as Olist writes it (lowercase, unaccented), CEP prefix range, centre, relative weight. */
export interface Place {
  readonly city: string;
  readonly zipFrom: number;
  readonly zipTo: number;
  readonly lat: number;
  readonly lng: number;
  readonly weight: number;
}

type PlaceRow = readonly [string, number, number, number, number, number];

const PLACE_ROWS: Readonly<Record<BrazilianState, readonly PlaceRow[]>> = {
  SP: [
    ['sao paulo', 1000, 5999, -23.55, -46.63, 40], ['guarulhos', 7000, 7399, -23.46, -46.53, 3],
    ['campinas', 13000, 13139, -22.91, -47.06, 4], ['sao bernardo do campo', 9600, 9899, -23.69, -46.56, 2.5],
    ['santo andre', 9000, 9299, -23.66, -46.53, 2.5], ['osasco', 6000, 6299, -23.53, -46.79, 2],
    ['sorocaba', 18000, 18109, -23.5, -47.46, 2], ['ribeirao preto', 14000, 14114, -21.17, -47.81, 2],
    ['santos', 11000, 11099, -23.96, -46.33, 2], ['sao jose dos campos', 12200, 12249, -23.18, -45.88, 2],
    ['mogi das cruzes', 8700, 8899, -23.52, -46.19, 1.5], ['jundiai', 13200, 13219, -23.19, -46.88, 1.5],
    ['franca', 14400, 14414, -20.54, -47.4, 1], ['piracicaba', 13400, 13429, -22.72, -47.65, 1],
    ['bauru', 17000, 17069, -22.31, -49.06, 1], ['sao jose do rio preto', 15000, 15099, -20.81, -49.38, 1],
    ['barueri', 6400, 6499, -23.51, -46.87, 1], ['carapicuiba', 6300, 6399, -23.52, -46.84, 1],
    ['taubate', 12000, 12119, -23.03, -45.56, 0.8], ['limeira', 13480, 13489, -22.56, -47.4, 0.8],
    ["santa barbara d'oeste", 13450, 13459, -22.75, -47.41, 0.5], ['presidente prudente', 19000, 19099, -22.12, -51.39, 0.7],
    ['aracatuba', 16000, 16129, -21.21, -50.43, 0.5], ['marilia', 17500, 17539, -22.21, -49.95, 0.5],
  ],
  RJ: [
    ['rio de janeiro', 20000, 23799, -22.91, -43.17, 45], ['niteroi', 24000, 24399, -22.88, -43.1, 6],
    ['sao goncalo', 24400, 24799, -22.83, -43.05, 5], ['duque de caxias', 25000, 25299, -22.79, -43.31, 4],
    ['nova iguacu', 26000, 26099, -22.76, -43.45, 4], ['petropolis', 25600, 25779, -22.51, -43.18, 2],
    ['campos dos goytacazes', 28000, 28099, -21.75, -41.32, 2], ['volta redonda', 27200, 27299, -22.52, -44.1, 1.5],
    ['macae', 27900, 27999, -22.37, -41.79, 1], ['cabo frio', 28900, 28929, -22.88, -42.02, 1],
  ],
  ES: [
    ['vitoria', 29000, 29099, -20.32, -40.34, 3], ['vila velha', 29100, 29129, -20.33, -40.29, 3],
    ['serra', 29160, 29179, -20.13, -40.31, 2], ['cariacica', 29140, 29159, -20.26, -40.42, 2],
    ['cachoeiro de itapemirim', 29300, 29319, -20.85, -41.11, 1], ['linhares', 29900, 29919, -19.39, -40.07, 0.7],
  ],
  MG: [
    ['belo horizonte', 30000, 31999, -19.92, -43.94, 30], ['contagem', 32000, 32399, -19.93, -44.05, 5],
    ['uberlandia', 38400, 38414, -18.92, -48.28, 6], ['juiz de fora', 36000, 36099, -21.76, -43.35, 5],
    ['betim', 32600, 32699, -19.97, -44.2, 3], ['montes claros', 39400, 39409, -16.73, -43.86, 3],
    ['uberaba', 38000, 38099, -19.75, -47.93, 3], ['governador valadares', 35000, 35099, -18.85, -41.95, 2],
    ['ipatinga', 35160, 35164, -19.47, -42.54, 2], ['divinopolis', 35500, 35509, -20.14, -44.89, 2],
    ['pocos de caldas', 37700, 37719, -21.79, -46.56, 1.5], ['varginha', 37000, 37099, -21.55, -45.43, 1.5],
    ['barbacena', 36200, 36209, -21.22, -43.77, 1], ['sete lagoas', 35700, 35704, -19.47, -44.25, 1.5],
    ['pouso alegre', 37550, 37559, -22.23, -45.94, 1],
  ],
  BA: [
    ['salvador', 40000, 42599, -12.97, -38.5, 40], ['feira de santana', 44000, 44099, -12.27, -38.97, 8],
    ['vitoria da conquista', 45000, 45099, -14.86, -40.84, 5], ['camacari', 42800, 42849, -12.7, -38.32, 4],
    ['itabuna', 45600, 45609, -14.79, -39.28, 3], ['lauro de freitas', 42700, 42749, -12.89, -38.33, 4],
    ['ilheus', 45650, 45669, -14.79, -39.05, 2], ['juazeiro', 48900, 48909, -9.41, -40.5, 2],
    ['barreiras', 47800, 47819, -12.15, -45.0, 2], ['porto seguro', 45810, 45819, -16.45, -39.06, 2],
  ],
  SE: [
    ['aracaju', 49000, 49099, -10.91, -37.07, 10], ['nossa senhora do socorro', 49160, 49169, -10.85, -37.13, 2],
    ['lagarto', 49400, 49409, -10.92, -37.65, 1],
  ],
  PE: [
    ['recife', 50000, 52999, -8.05, -34.88, 20], ['jaboatao dos guararapes', 54000, 54499, -8.11, -35.01, 6],
    ['olinda', 53000, 53199, -8.01, -34.86, 4], ['paulista', 53400, 53499, -7.94, -34.87, 3],
    ['caruaru', 55000, 55099, -8.28, -35.97, 3], ['petrolina', 56300, 56339, -9.39, -40.5, 3],
    ['cabo de santo agostinho', 54500, 54599, -8.29, -35.03, 1], ['garanhuns', 55290, 55299, -8.89, -36.49, 1],
  ],
  AL: [['maceio', 57000, 57099, -9.67, -35.74, 10], ['arapiraca', 57300, 57319, -9.75, -36.66, 2]],
  PB: [
    ['joao pessoa', 58000, 58099, -7.12, -34.86, 10], ['campina grande', 58400, 58439, -7.23, -35.88, 4],
    ['santa rita', 58300, 58309, -7.11, -34.98, 1],
  ],
  RN: [
    ['natal', 59000, 59139, -5.79, -35.21, 10], ['parnamirim', 59140, 59159, -5.92, -35.26, 3],
    ['mossoro', 59600, 59649, -5.19, -37.34, 3],
  ],
  CE: [
    ['fortaleza', 60000, 61599, -3.73, -38.52, 20], ['caucaia', 61600, 61699, -3.74, -38.65, 3],
    ['juazeiro do norte', 63000, 63059, -7.21, -39.31, 3], ['maracanau', 61900, 61939, -3.87, -38.63, 2],
    ['sobral', 62000, 62119, -3.69, -40.35, 2], ['crato', 63100, 63139, -7.23, -39.41, 1],
  ],
  PI: [
    ['teresina', 64000, 64099, -5.09, -42.8, 10], ['parnaiba', 64200, 64219, -2.9, -41.77, 2],
    ['picos', 64600, 64609, -7.08, -41.47, 1],
  ],
  MA: [
    ['sao luis', 65000, 65109, -2.53, -44.3, 10], ['imperatriz', 65900, 65919, -5.52, -47.47, 3],
    ['sao jose de ribamar', 65110, 65114, -2.56, -44.05, 1], ['caxias', 65600, 65609, -4.86, -43.36, 1],
  ],
  PA: [
    ['belem', 66000, 66999, -1.46, -48.49, 12], ['ananindeua', 67000, 67199, -1.37, -48.37, 4],
    ['santarem', 68000, 68109, -2.44, -54.71, 2], ['maraba', 68500, 68514, -5.37, -49.12, 2],
    ['castanhal', 68740, 68749, -1.3, -47.92, 1], ['parauapebas', 68515, 68516, -6.07, -49.9, 1],
  ],
  AP: [['macapa', 68900, 68929, 0.03, -51.07, 5], ['santana', 68930, 68939, -0.06, -51.17, 1]],
  AM: [
    ['manaus', 69000, 69099, -3.12, -60.02, 12], ['itacoatiara', 69100, 69104, -3.14, -58.44, 1],
    ['parintins', 69150, 69154, -2.63, -56.74, 1],
  ],
  RR: [['boa vista', 69300, 69339, 2.82, -60.67, 5], ['rorainopolis', 69373, 69374, 0.94, -60.44, 0.5]],
  AC: [['rio branco', 69900, 69923, -9.97, -67.81, 5], ['cruzeiro do sul', 69980, 69981, -7.63, -72.67, 1]],
  DF: [
    ['brasilia', 70000, 71999, -15.78, -47.93, 15], ['taguatinga', 72000, 72199, -15.83, -48.05, 3],
    ['ceilandia', 72200, 72299, -15.82, -48.11, 2], ['gama', 72400, 72499, -16.02, -48.06, 1],
    ['sobradinho', 73000, 73099, -15.65, -47.79, 1], ['planaltina', 73300, 73399, -15.62, -47.65, 1],
  ],
  GO: [
    ['goiania', 74000, 74899, -16.68, -49.25, 15], ['aparecida de goiania', 74900, 74999, -16.82, -49.24, 4],
    ['anapolis', 75000, 75149, -16.33, -48.95, 3], ['rio verde', 75900, 75909, -17.79, -50.92, 2],
    ['luziania', 72800, 72859, -16.25, -47.95, 1], ['valparaiso de goias', 72870, 72879, -16.07, -47.98, 1],
    ['aguas lindas de goias', 72910, 72919, -15.76, -48.28, 1], ['catalao', 75700, 75709, -18.17, -47.94, 1],
    ['itumbiara', 75500, 75539, -18.42, -49.22, 1],
  ],
  TO: [
    ['palmas', 77000, 77299, -10.18, -48.33, 5], ['araguaina', 77800, 77829, -7.19, -48.2, 2],
    ['gurupi', 77400, 77439, -11.73, -49.07, 1],
  ],
  RO: [
    ['porto velho', 76800, 76849, -8.76, -63.9, 5], ['ji-parana', 76900, 76915, -10.88, -61.95, 2],
    ['ariquemes', 76870, 76879, -9.91, -63.04, 1], ['vilhena', 76980, 76989, -12.74, -60.15, 1],
  ],
  MT: [
    ['cuiaba', 78000, 78099, -15.6, -56.1, 10], ['varzea grande', 78110, 78159, -15.65, -56.13, 4],
    ['rondonopolis', 78700, 78799, -16.47, -54.64, 3], ['sinop', 78550, 78559, -11.86, -55.5, 2],
    ['tangara da serra', 78300, 78309, -14.62, -57.49, 1], ['primavera do leste', 78850, 78859, -15.56, -54.3, 1],
  ],
  MS: [
    ['campo grande', 79000, 79129, -20.47, -54.62, 10], ['dourados', 79800, 79849, -22.22, -54.81, 3],
    ['tres lagoas', 79600, 79649, -20.79, -51.7, 2], ['corumba', 79300, 79339, -19.01, -57.65, 1],
  ],
  PR: [
    ['curitiba', 80000, 82999, -25.43, -49.27, 25], ['londrina', 86000, 86099, -23.31, -51.16, 7],
    ['maringa', 87000, 87119, -23.42, -51.94, 6], ['ponta grossa', 84000, 84099, -25.09, -50.16, 4],
    ['cascavel', 85800, 85824, -24.96, -53.46, 3], ['sao jose dos pinhais', 83000, 83099, -25.53, -49.21, 3],
    ['foz do iguacu', 85850, 85869, -25.55, -54.59, 3], ['colombo', 83400, 83414, -25.29, -49.22, 2],
    ['guarapuava', 85000, 85099, -25.39, -51.46, 2], ['pinhais', 83320, 83349, -25.44, -49.19, 1.5],
    ['araucaria', 83700, 83709, -25.59, -49.41, 1],
  ],
  SC: [
    ['florianopolis', 88000, 88099, -27.6, -48.55, 10], ['joinville', 89200, 89239, -26.3, -48.85, 9],
    ['blumenau', 89000, 89099, -26.92, -49.07, 6], ['sao jose', 88100, 88123, -27.61, -48.63, 4],
    ['itajai', 88300, 88319, -26.91, -48.66, 3], ['criciuma', 88800, 88819, -28.68, -49.37, 3],
    ['chapeco', 89800, 89819, -27.1, -52.62, 3], ['palhoca', 88130, 88139, -27.64, -48.67, 2],
    ['balneario camboriu', 88330, 88339, -26.99, -48.63, 3], ['lages', 88500, 88529, -27.82, -50.33, 2],
    ['jaragua do sul', 89250, 89269, -26.49, -49.07, 2],
  ],
  RS: [
    ['porto alegre', 90000, 91999, -30.03, -51.23, 25], ['caxias do sul', 95000, 95099, -29.17, -51.18, 6],
    ['canoas', 92000, 92499, -29.92, -51.18, 5], ['pelotas', 96000, 96099, -31.77, -52.34, 4],
    ['santa maria', 97000, 97119, -29.69, -53.81, 4], ['novo hamburgo', 93300, 93549, -29.68, -51.13, 3],
    ['gravatai', 94000, 94199, -29.94, -50.99, 3], ['viamao', 94400, 94799, -30.08, -51.02, 2],
    ['sao leopoldo', 93000, 93179, -29.76, -51.15, 2], ['passo fundo', 99000, 99099, -28.26, -52.41, 3],
    ['rio grande', 96200, 96219, -32.04, -52.1, 2], ['santa cruz do sul', 96800, 96849, -29.72, -52.43, 2],
  ],
}; // prettier-ignore

export const PLACES: Readonly<Record<BrazilianState, readonly Place[]>> = Object.fromEntries(
  Object.entries(PLACE_ROWS).map(([state, rows]) => [
    state,
    rows.map(([city, zipFrom, zipTo, lat, lng, weight]) => ({ city, zipFrom, zipTo, lat, lng, weight })),
  ]),
) as unknown as Record<BrazilianState, readonly Place[]>;

/** Seller city spellings seen in the real sellers file for a seller in the city of São Paulo. */
export const SAO_PAULO_CITY_VARIANTS = [
  'sao paulo / sp',
  'sao paulo - sp',
  'sp / sp',
  'sao paulo / sao paulo',
] as const;
/** The real file's one decomposed-accent city: 'são paulo' in Unicode NFD. */
export const SAO_PAULO_NFD = 'sa\u0303o paulo';

export const REVIEW_TITLES = {
  good: [
    'recomendo',
    'Ótimo',
    'Super recomendo',
    'Muito bom',
    'Excelente',
    'Adorei',
    'Perfeito',
    'Chegou antes do prazo',
  ],
  neutral: ['Bom', 'Ok', 'Razoável', 'Poderia ser melhor', 'Demorou'],
  bad: ['Péssimo', 'Não recebi', 'Produto errado', 'Não recomendo', 'Atrasou', 'Decepcionado'],
} as const;

export const REVIEW_SENTENCES = {
  good: [
    'Recebi bem antes do prazo estipulado.',
    'Produto de ótima qualidade, recomendo.',
    'Chegou antes do prazo, muito bem embalado.',
    'Vendedor confiável, produto ok e entrega antes do prazo.',
    'Tudo certo, produto conforme o anúncio.',
    'Parabéns pela entrega rápida!',
    'Excelente custo benefício.',
    'Muito satisfeita com a compra.',
    'Loja nota 10',
    'O produto é exatamente como na foto, adorei.',
    'Comprei para presente e a pessoa amou.',
    'Recomendo a loja, atendimento excelente.',
  ],
  neutral: [
    'O produto é bom, mas a entrega demorou.',
    'Veio diferente da foto, mas serve.',
    'Produto ok.',
    'A embalagem veio um pouco amassada.',
    'Razoável pelo preço.',
    'Esperava um pouco mais de qualidade.',
  ],
  bad: [
    'Ainda não recebi o produto.',
    'Produto veio com defeito, quero a troca.',
    'Comprei dois itens e só recebi um.',
    'Péssimo atendimento, ninguém responde.',
    'O produto não é "original" como dizia o anúncio.',
    'Entrega muito atrasada, não recomendo.',
    'Veio o produto errado, estou aguardando a solução.',
    'GOSTARIA DE SABER O QUE HOUVE, SEMPRE RECEBI E ESSA COMPRA AGORA ME DECEPCIONOU',
    'Não chegou meu produto',
    'Faltou uma peça, solicitei a devolução.',
  ],
} as const;
