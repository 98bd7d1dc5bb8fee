import { describe, expect, test } from 'vitest';
import { checkQuote, parseQuoteInput, QuoteInputError, quoteRules, QuoteRulesError, readQuoteCase, renderQuoteResults, type QuoteCheck } from './quotes.js';
import { breastFeesNomenclature } from './test-support.js';

const nom = breastFeesNomenclature();
const base = {
  id: 'Q-1', intervention: '2024-05-20', codes: ['252652'], room: 'single',
  quote: { date: '2024-05-10', supplement: '1500.00', deposit: '700.00' },
  deposits: [{ date: '2024-05-12', amount: '700.00' }],
};
function run(over: Record<string, unknown>) {
  return checkQuote(readQuoteCase({ ...base, ...over }), nom);
}
function check(over: Record<string, unknown>, id: QuoteCheck['id']): QuoteCheck {
  const c = run(over).checks.find((x) => x.id === id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
}

describe('a compliant quote', () => {
  test('every check passes, each with its source', () => {
    const r = run({});
    expect(r.ok).toBe(true);
    expect(r.checks.map((c) => [c.id, c.status, c.source.article])).toEqual([
      ['quote.delay', 'pass', 'Art. 12'],
      ['supplement.cap', 'pass', 'Art. 9'],
      ['supplement.room', 'pass', 'Art. 9'],
      ['deposit.in-quote', 'pass', 'Art. 13'],
      ['deposit.half-supplement', 'pass', 'Art. 13'],
      ['deposit.max', 'pass', 'Art. 13'],
    ]);
  });
});

describe('Art. 12: quote at least 7 days before', () => {
  test.each([
    ['2024-05-13', 'pass', '7 days before'],
    ['2024-05-14', 'fail', '6 days before'],
    ['2024-05-20', 'fail', '0 days before'],
    ['2024-04-30', 'pass', '20 days before'],
  ])('quote %s for 2024-05-20: %s', (date, status, value) => {
    const c = check({ quote: { ...base.quote, date } }, 'quote.delay');
    expect([c.status, c.value, c.threshold]).toEqual([status, value, '≥ 7 days (quote on or before 2024-05-13)']);
  });
  test('month boundary: intervention 2024-03-05 needs a quote by 2024-02-27', () => {
    expect(check({ intervention: '2024-03-05', quote: { ...base.quote, date: '2024-02-27' } }, 'quote.delay').status).toBe('pass');
    expect(check({ intervention: '2024-03-05', quote: { ...base.quote, date: '2024-02-28' } }, 'quote.delay').status).toBe('fail');
  });
  test('no quote: fails, and any deposit fails too', () => {
    const r = run({ quote: null });
    expect(r.checks.find((c) => c.id === 'quote.delay')!.detail).toBe('no written quote was given');
    expect(r.checks.find((c) => c.id === 'deposit.in-quote')!.status).toBe('fail');
  });
});

describe('Art. 9: supplement', () => {
  test.each([
    ['3088.44', 'pass'],
    ['3088.45', 'fail'],
  ])('unilateral (fee 3088.44), supplement %s: %s', (supplement, status) => {
    expect(check({ quote: { ...base.quote, supplement, deposit: null }, deposits: [] }, 'supplement.cap').status).toBe(status);
  });
  test('bilateral 252674: fee 4693.06', () => {
    const c = check({ codes: ['252674'], quote: { ...base.quote, supplement: '4693.06' } }, 'supplement.cap');
    expect([c.status, c.threshold]).toEqual(['pass', '≤ 4693.06 (100 % of the fee, nomenclature fee on 2024-05-20)']);
  });
  test('a fee given in the case is used', () => {
    expect(check({ fee: '1000.00' }, 'supplement.cap').status).toBe('fail');
  });
  test('fee unknown: not checkable', () => {
    const r = checkQuote(readQuoteCase(base));
    expect(r.checks.find((c) => c.id === 'supplement.cap')!.status).toBe('not-checkable');
    expect(r.ok).toBe(false);
  });
  test('a supplement with only services of articles 4–5 is an other supplement', () => {
    const c = check({ codes: ['252733'] }, 'supplement.other');
    expect(c.status).toBe('fail');
    expect(c.source.text).toMatch(/aucun autre supplément d'honoraires/);
  });
  test.each([
    ['single', 'pass'],
    ['double', 'fail'],
    ['common', 'fail'],
    [null, 'not-checkable'],
  ])('room %s with a supplement: %s', (room, status) => {
    expect(check({ room }, 'supplement.room').status).toBe(status);
  });
  test('no supplement: no room check', () => {
    const r = run({ room: 'common', quote: { date: '2024-05-01', supplement: '0.00' }, deposits: [] });
    expect(r.checks.some((c) => c.id === 'supplement.room')).toBe(false);
    expect(r.ok).toBe(true);
  });
});

describe('Art. 13: deposits', () => {
  test.each([
    ['750.00', '1500.00', 'pass'],
    ['750.01', '1500.00', 'fail'],
    ['1250.00', '2600.00', 'pass'],
    ['1250.01', '2600.00', 'fail'],
  ])('deposit %s on a supplement of %s', (amount, supplement, status) => {
    const r = run({ quote: { date: '2024-05-01', supplement, deposit: true }, deposits: [{ date: '2024-05-02', amount }] });
    const half = r.checks.find((c) => c.id === 'deposit.half-supplement')!;
    const max = r.checks.find((c) => c.id === 'deposit.max')!;
    expect(half.status === 'pass' && max.status === 'pass' ? 'pass' : 'fail').toBe(status);
  });
  test('50 % boundary exactly, then the 1250 ceiling boundary', () => {
    const q = (supplement: string, amount: string) => run({ fee: '5000.00', quote: { date: '2024-05-01', supplement, deposit: true }, deposits: [{ amount }] });
    expect(q('1500.00', '750.00').checks.find((c) => c.id === 'deposit.half-supplement')!.status).toBe('pass');
    expect(q('1500.00', '750.01').checks.find((c) => c.id === 'deposit.half-supplement')!.status).toBe('fail');
    expect(q('3000.00', '1250.00').checks.find((c) => c.id === 'deposit.max')!.status).toBe('pass');
    const over = q('3000.00', '1250.01');
    expect(over.checks.find((c) => c.id === 'deposit.max')!.status).toBe('fail');
    expect(over.checks.find((c) => c.id === 'deposit.half-supplement')!.status).toBe('pass');
  });
  test('deposits add up', () => {
    const r = run({ quote: { date: '2024-05-01', supplement: '1500.00', deposit: true }, deposits: [{ amount: '400.00' }, { amount: '350.01' }] });
    expect(r.checks.find((c) => c.id === 'deposit.half-supplement')!.value).toBe('750.01');
    expect(r.checks.find((c) => c.id === 'deposit.half-supplement')!.status).toBe('fail');
  });
  test('a deposit the quote does not mention fails; more than the quote mentions fails', () => {
    expect(check({ quote: { date: '2024-05-01', supplement: '1500.00' } }, 'deposit.in-quote').status).toBe('fail');
    const c = check({ quote: { date: '2024-05-01', supplement: '1500.00', deposit: '500.00' } }, 'deposit.in-quote');
    expect([c.status, c.detail]).toEqual(['fail', 'deposits of 700.00 EUR claimed, more than the 500.00 EUR the quote mentions']);
  });
  test('a deposit announced in the quote is checked against the limits before it is claimed', () => {
    const r = run({ quote: { date: '2024-05-01', supplement: '1500.00', deposit: '800.00' }, deposits: [] });
    const half = r.checks.find((c) => c.id === 'deposit.half-supplement')!;
    expect([half.status, half.detail]).toEqual(['fail', 'deposit announced in the quote: 800.00 EUR']);
  });
  test('the source sentence is exact, including its typo', () => {
    expect(check({}, 'deposit.max').source.text).toContain('avec un m maximum de 1250 euros');
  });
});

describe('input', () => {
  test.each([
    ['{"intervention":"2024-02-30"}', 'intervention: "2024-02-30" is not a date in the form YYYY-MM-DD'],
    ['{"codes":["252652"]}', 'intervention: missing (a date YYYY-MM-DD is required)'],
    ['{"intervention":"2024-05-20","quote":{"supplement":"10.00"}}', 'quote.date: missing (a date YYYY-MM-DD is required)'],
    ['{"intervention":"2024-05-20","quote":{"date":"2024-05-01","supplement":12.5}}', 'quote.supplement: 12.5 is not an amount in euro (a decimal string with at most two decimals, e.g. "1250.00")'],
    ['[{"intervention":"2024-05-20"},{"intervention":"2024-05-20","deposits":[{"amount":"x"}]}]', '[1].deposits[0].amount: "x" is not an amount in euro (a decimal string with at most two decimals, e.g. "1250.00")'],
    ['{"intervention":"2024-05-20","codes":["252653"]}', 'codes[0]: "252653" is not a valid 6-digit code'],
    ['{"intervention":"2024-05-20","room":"suite"}', 'room: "suite" is not a room type (single, double, common)'],
    ['{"intervention":', '(file): not valid JSON'],
  ])('%s', (text, message) => {
    let e: unknown;
    try { parseQuoteInput(text); } catch (x) { e = x; }
    expect(e).toBeInstanceOf(QuoteInputError);
    expect((e as Error).message.startsWith(message)).toBe(true);
  });
  test('an array gives one result per case, rendered readably', () => {
    const cases = parseQuoteInput(JSON.stringify([base, { ...base, id: 'Q-2', quote: { ...base.quote, date: '2024-05-15' } }]));
    const results = cases.map((c) => checkQuote(c, nom));
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    const text = renderQuoteResults(results);
    expect(text).toContain('Q-2: intervention 2024-05-20: NOT compliant');
    expect(text).toContain('[FAIL] Written quote at least 7 days before the intervention: 5 days before (threshold ≥ 7 days (quote on or before 2024-05-13))');
    expect(text).toContain(`source: [conv-587d207f7f422251, Art. 12] « Un devis écrit et un projet de formulaire d’admission sont remis à la patiente au plus tard 7 jours avant l’intervention. »`);
  });
});

describe('the quote rules are the convention\'s obligations, as data', () => {
  test('read from rules/obligations/breast.yaml, each with its sentence', () => {
    const r = quoteRules();
    expect(r.convention).toBe('breast-reconstruction');
    expect([r.delay.params.days[0].value, r.cap.params.maxPercent[0].value, r.deposit.params.percentOfSupplement[0].value, r.deposit.params.maxEuro[0].value]).toEqual([7, 100, 50, '1250.00']);
    expect([r.delay.citation.article, r.cap.citation.article, r.deposit.citation.article]).toEqual(['Art. 12', 'Art. 9', 'Art. 13']);
  });

  test('other parameters move the boundaries: a 10-day delay, a 40 % deposit cap of at most 900.00', () => {
    const r = quoteRules();
    const other = {
      ...r,
      delay: { ...r.delay, params: { days: [{ from: null, value: 10 }] } },
      deposit: { ...r.deposit, params: { percentOfSupplement: [{ from: null, value: 40 }], maxEuro: [{ from: null, value: '900.00' }] } },
    };
    const c = readQuoteCase({ ...base, quote: { date: '2024-05-11', supplement: '2000.00', deposit: '800.00' }, deposits: [{ date: '2024-05-12', amount: '800.00' }] });
    const byId = (x: ReturnType<typeof checkQuote>) => Object.fromEntries(x.checks.map((k) => [k.id, [k.status, k.title]]));
    expect(byId(checkQuote(c, nom))).toMatchObject({
      'quote.delay': ['pass', 'Written quote at least 7 days before the intervention'],
      'deposit.half-supplement': ['pass', 'Deposit at most 50 % of the supplement'],
      'deposit.max': ['pass', 'Deposit at most 1250 EUR'],
    });
    expect(byId(checkQuote(c, nom, other))).toMatchObject({
      'quote.delay': ['fail', 'Written quote at least 10 days before the intervention'],
      'deposit.half-supplement': ['pass', 'Deposit at most 40 % of the supplement'],
      'deposit.max': ['pass', 'Deposit at most 900 EUR'],
    });
    expect(checkQuote(readQuoteCase({ ...base, quote: { date: '2024-05-01', supplement: '2000.00', deposit: '900.01' }, deposits: [] }), nom, other).checks.find((k) => k.id === 'deposit.max')!.status).toBe('fail');
  });

  test('a convention without quote obligations cannot check quotes, and says which are missing', () => {
    expect(() => quoteRules('percutaneous-tumour-ablation')).toThrow(QuoteRulesError);
    expect(() => quoteRules('percutaneous-tumour-ablation')).toThrow('percutaneous-tumour-ablation states no quote-delay, supplement-cap, other-supplement, single-room, deposit-cap obligation: its quotes cannot be checked');
  });
});
