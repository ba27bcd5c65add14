import { normalizeCity } from './city-normalization';

const city = (given: string) => normalizeCity(given).normalizedCity;

describe('normalizeCity', () => {
  it.each([
    ['campinas', 'campinas'],
    ['Rio de Janeiro', 'rio de janeiro'],
    ['  sao   paulo ', 'sao paulo'],
    ['sa\u0303o paulo', 'sao paulo'], // decomposed accent (NFD), as Olist has it
    ['são paulo', 'sao paulo'], // composed (NFC)
    ['SÃO PAULO', 'sao paulo'],
    ['açailândia', 'acailandia'],
  ])('folds case, accents and spaces: %j → %j', (given, expected) => {
    expect(city(given)).toBe(expected);
  });

  it.each([
    ['santa barbara d´oeste', "santa barbara d'oeste"],
    ["santa barbara d'oeste", "santa barbara d'oeste"],
    ['santa barbara d’oeste', "santa barbara d'oeste"],
    ['santa barbara d`oeste', "santa barbara d'oeste"],
    ["sao miguel d'oeste", "sao miguel d'oeste"],
  ])('unifies apostrophes (the acute accent is not a space): %j', (given, expected) => {
    expect(city(given)).toBe(expected);
  });

  it.each([
    ['sao paulo / sp', 'sao paulo'],
    ['lages - sc', 'lages'],
    ['auriflama/sp', 'auriflama'],
    ['andira-pr', 'andira'],
    ['sbc/sp', 'sbc'],
    ['sp / sp', 'sp'],
    ['mogi das cruzes / sp', 'mogi das cruzes'],
    ['carapicuiba / sao paulo', 'carapicuiba'],
    ['maua/sao paulo', 'maua'],
    ['barbacena/ minas gerais', 'barbacena'],
    ['rio de janeiro \\rio de janeiro', 'rio de janeiro'],
    ['rio de janeiro, rio de janeiro, brasil', 'rio de janeiro'],
    ['novo hamburgo, rio grande do sul, brasil', 'novo hamburgo'],
    ['sao paulo - sao paulo', 'sao paulo'],
  ])('strips a trailing state or country: %j → %j', (given, expected) => {
    expect(city(given)).toBe(expected);
  });

  it.each([
    ['ji-parana', 'ji parana'], // a city of Rondônia, not "ji" in Paraná
    ['embu-guacu', 'embu guacu'],
    ['lagoa-xx', 'lagoa xx'], // not a UF
    ['rio de janeiro', 'rio de janeiro'], // a state name alone is a city name too
    ['sp', 'sp'],
  ])('keeps what is not a state suffix: %j → %j', (given, expected) => {
    expect(city(given)).toBe(expected);
  });

  it('drops a parenthesised remark and other punctuation', () => {
    expect(city("arraial d'ajuda (porto seguro)")).toBe("arraial d'ajuda");
    expect(city('sta. rita')).toBe('sta rita');
    expect(city("'quoted'")).toBe('quoted');
  });

  it('flags a number and names no city for it', () => {
    expect(normalizeCity('04482255')).toEqual({
      normalizedCity: null,
      cityIsNumeric: true,
      cityNotAPlace: false,
    });
    expect(normalizeCity(' 123-45 ').cityIsNumeric).toBe(true);
  });

  it('names no city for an e-mail address or punctuation', () => {
    expect(normalizeCity('vendas@creditparts.com.br')).toEqual({
      normalizedCity: null,
      cityIsNumeric: false,
      cityNotAPlace: true,
    });
    expect(normalizeCity('--').cityNotAPlace).toBe(true);
  });
});
