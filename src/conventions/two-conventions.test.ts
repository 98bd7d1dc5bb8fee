/**
 * One suite, two conventions: the registry, the obligations and the compliance report run on the
 * built-in ablation convention and on a second text of the same family written apart from the
 * code (test/fixtures/convention/ablation-ultrasound.txt: other codes, thresholds, billing delay
 * and dates). The expectations are what each text says; nothing in src/conventions names either.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { addDays, addMonths, addYears, type IsoDate } from '../date.js';
import { parseDocument } from '../corpus/detect.js';
import { builtinDocuments, builtinFiles } from '../nomenclature/builtin.js';
import { openStore } from '../store/open.js';
import { registerConventionCommands } from '../cli/conventions.js';
import { UserError } from '../cli/common.js';
import { catalogueOf } from './catalogue.js';
import { complianceReport, type ComplianceLine, type Figure } from './compliance.js';
import { conventionRecord, RegistryError, statusOn, validity, type Institution } from './registry.js';
import { indicationTable, matchIndication, parseIndicationTable, readFacts } from './indications.js';
import { normaliseSourceText } from './sources.js';

const FIXTURE = fileURLToPath(new URL('../../test/fixtures/convention/ablation-ultrasound.txt', import.meta.url));
const heldOut = parseDocument(readFileSync(FIXTURE, 'utf8'), FIXTURE);
const catalogue = catalogueOf([...builtinDocuments(), heldOut]);

/** What each text states (read from the text, not from the code). */
interface Case {
  name: string;
  convention: string;
  start: IsoDate;
  end: IsoDate;
  startArticle: string;
  endArticle: string;
  /** One ambulatory-hospitalised pair of the volume services. */
  codes: string[];
  transition: { min: number; years: number; article: string };
  yearly: { min: number };
  billing: { months: number; article: string; text: string };
}

const CASES: Case[] = [
  {
    name: 'built-in ablation (CT-guided)', convention: 'percutaneous-tumour-ablation', start: '2024-11-01', end: '2029-10-31', startArticle: '10.1', endArticle: '10.3',
    codes: ['587134', '587145', '587193', '587204'], transition: { min: 60, years: 3, article: '5.4' }, yearly: { min: 30 },
    billing: { months: 2, article: 'Art. 6, 6°', text: "facturer les prestations d'ablation percutanée dans les deux mois suivant la réalisation de la prestation." },
  },
  {
    name: 'held-out ablation (ultrasound-guided)', convention: heldOut.convention!, start: '2026-01-01', end: '2030-12-31', startArticle: '9.1', endArticle: '9.3',
    codes: ['588210', '588221', '588232', '588243'], transition: { min: 40, years: 2, article: '5.3' }, yearly: { min: 25 },
    billing: { months: 3, article: 'Art. 6, 3°', text: "facturer les prestations d'ablation thermique dans les trois mois suivant la réalisation de la prestation." },
  },
];

test('the held-out text is a convention of its own, with its own name and id', () => {
  expect(heldOut.kind).toBe('convention');
  expect(heldOut.convention).not.toBe('percutaneous-tumour-ablation');
  expect(catalogue.find(heldOut.id)?.name).toBe(heldOut.convention);
  expect(catalogue.find(heldOut.convention!)?.id).toBe(heldOut.id);
  expect(catalogue.find('Ablation thermique percutanée sous guidage échographique de nodules thyroïdiens et de tumeurs hépatiques')?.id).toBe(heldOut.id);
});

function line(n: number, code: string, date: IsoDate, extra: Partial<ComplianceLine> = {}): ComplianceLine {
  return { line: n, id: null, code, date, billedOn: null, supplement: null, room: null, institution: null, units: 1, fee: null, ...extra };
}

function fig(figs: Figure[], id: string): Figure {
  const f = figs.find((x) => x.id === id);
  if (!f) throw new Error(`no figure ${id} among ${figs.map((x) => x.id).join(', ')}`);
  return f;
}

/** `n` lines of the services, spread over [from, from + days), each billed `billedAfter` months after it. */
function lines(n: number, codes: string[], from: IsoDate, days: number, start = 1): ComplianceLine[] {
  return Array.from({ length: n }, (_, i) => line(start + i, codes[i % codes.length], addDays(from, Math.floor((i * days) / Math.max(n, 1)))));
}

describe.each(CASES)('$name', (c) => {
  const entry = () => catalogue.find(c.convention)!;

  describe('registry: the period from the text', () => {
    test.each([c.convention, heldOutOrBuiltinId(c)])('named %s, a record gets the convention\'s own ends', (name) => {
      const rec = conventionRecord({ convention: name }, catalogue);
      expect(rec).toEqual({ convention: c.convention, from: c.start, to: c.end });
    });
    test('in force from its first day to its last day inclusive, not the day before or after', () => {
      const rec = conventionRecord({ convention: c.convention }, catalogue);
      expect(statusOn(rec, addDays(c.start, -1), catalogue).inForce).toBe(false);
      expect(statusOn(rec, c.start, catalogue).inForce).toBe(true);
      expect(statusOn(rec, c.end, catalogue).inForce).toBe(true);
      expect(statusOn(rec, addDays(c.end, 1), catalogue).inForce).toBe(false);
    });
    test('an earlier recorded start is counted from the entry into force; the sentences are cited', () => {
      const v = validity({ convention: c.convention, from: addYears(c.start, -1), to: null }, catalogue);
      expect([v.from, v.to]).toEqual([c.start, c.end]);
      expect(v.issues[0]).toContain(`precedes the convention's entry into force ${c.start}`);
      expect(v.sources.map((s) => [s.document, s.article])).toEqual([[entry().id, c.startArticle], [entry().id, c.endArticle]]);
      expect(entry().terms.renewal?.tacit).toBe(false);
    });
  });

  describe('obligations read from the text', () => {
    test('volume and billing delay, each citing its sentence', () => {
      const extracted = entry().obligations.filter((o) => o.origin === 'extracted');
      expect(extracted.map((o) => o.kind)).toEqual(['volume', 'billing-delay']);
      const volume = extracted[0];
      expect(volume.citation.article).toBe(c.transition.article);
      for (const code of c.codes) expect(volume.services).toContain(code);
      const billing = extracted[1];
      expect(billing.citation).toMatchObject({ document: entry().id, article: c.billing.article, text: c.billing.text });
      expect(billing.services.sort()).toEqual(volume.services.sort());
    });
  });

  describe('compliance: thresholds and delay of the text', () => {
    const inst = (): Institution => ({ id: 'H-9', name: null, conventions: [conventionRecord({ convention: c.convention }, catalogue)] });
    const tEnd = addDays(addYears(c.start, c.transition.years), -1);

    test.each([
      [c.transition.min, 'pass'],
      [c.transition.min - 1, 'fail'],
    ])('%i services in the complete transition period: %s', (n, status) => {
      const r = complianceReport(inst(), lines(n, c.codes, c.start, 300), { from: c.start, to: tEnd }, { catalogue });
      const t = fig(r.figures, 'ablation.volume.transition');
      expect([t.value, t.status, t.threshold.value, t.period]).toEqual([String(n), status, String(c.transition.min), { from: c.start, to: tEnd }]);
      expect(t.detail).toEqual({ code: 'volume.transition', noun: 'ablation', min: c.transition.min, years: c.transition.years });
      expect(t.source).toMatchObject({ document: entry().id, article: c.transition.article });
      expect(t.source.clause).toContain(`${c.transition.min} ablations`);
    });

    test('the first convention year after the transition has the yearly minimum; one less fails', () => {
      const y = addYears(c.start, c.transition.years);
      const yEnd = addDays(addYears(y, 1), -1);
      const id = `ablation.volume.year-${c.transition.years + 1}`;
      const ok = complianceReport(inst(), lines(c.yearly.min, c.codes, y, 360), { from: y, to: yEnd }, { catalogue });
      expect([fig(ok.figures, id).status, fig(ok.figures, id).threshold.value]).toEqual(['pass', String(c.yearly.min)]);
      const ko = complianceReport(inst(), lines(c.yearly.min - 1, c.codes, y, 360), { from: y, to: yEnd }, { catalogue });
      expect(fig(ko.figures, id).status).toBe('fail');
      expect(fig(ko.figures, id).source.text).toContain(`au moins ${c.yearly.min} `);
    });

    test('billed on the last day of the delay is in time; the next day is late', () => {
      const d = addDays(c.start, 40);
      const deadline = addMonths(d, c.billing.months);
      const r = complianceReport(inst(), [
        line(1, c.codes[0], d, { billedOn: deadline }),
        line(2, c.codes[1], d, { billedOn: addDays(deadline, 1) }),
      ], { from: c.start, to: addDays(c.start, 200) }, { catalogue });
      const f = fig(r.figures, 'ablation.billing-delay');
      expect([f.value, f.status, f.counts.onTime, f.counts.late]).toEqual(['1', 'fail', 1, 1]);
      expect(f.findings[0]).toMatchObject({ line: 2, detail: expect.stringContaining(`+ ${c.billing.months} months`) });
      expect(f.detail).toEqual({ code: 'billing-delay', noun: 'ablation', months: c.billing.months });
      expect(f.source.text).toBe(c.billing.text);
      expect(r.interpretations.join(' ')).toContain(`billedOn ≤ service date + ${c.billing.months} calendar months`);
    });

    test('lines of the services before the convention starts are not counted, and said so', () => {
      const r = complianceReport(inst(), [line(1, c.codes[0], addDays(c.start, -1))], { from: addDays(c.start, -10), to: addDays(c.start, 10) }, { catalogue });
      expect(r.lines.outsideConvention).toBe(1);
      expect(fig(r.figures, 'ablation.volume.transition').value).toBe('0');
    });
  });
});

function heldOutOrBuiltinId(c: Case): string {
  return catalogue.find(c.convention)!.id;
}

describe('a convention the catalogue does not hold', () => {
  test('without the held-out text, its name is unknown: from is required', () => {
    expect(() => conventionRecord({ convention: heldOut.convention! })).toThrow(RegistryError);
    expect(() => conventionRecord({ convention: heldOut.convention! })).toThrow(/unknown to the system/);
  });
});

describe('end to end: ingest the held-out text, then the CLI knows it', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nomen-two-conventions-'));
    db = join(dir, 'test.db');
    const store = await openStore(db);
    try {
      await store.ingest([{ file: FIXTURE, raw: readFileSync(FIXTURE, 'utf8'), doc: heldOut }]);
    } finally {
      await store.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const program = new Command().name('nomen').exitOverride().configureOutput({ writeOut: (s) => { out += s; }, writeErr: (s) => { err += s; } });
    registerConventionCommands(program);
    const write = process.stdout.write;
    process.stdout.write = ((s: string | Uint8Array) => { out += String(s); return true; }) as typeof process.stdout.write;
    let code = 0;
    try {
      await program.parseAsync(['node', 'nomen', ...args]);
    } catch (e) {
      if (e instanceof CommanderError) code = e.exitCode === 0 ? 0 : 2;
      else if (e instanceof UserError) { err += `nomen: ${e.message}\n`; code = e.exitCode; }
      else throw e;
    } finally {
      process.stdout.write = write;
    }
    return { code, out, err };
  }

  test('institutions add H-9 --convention <id> derives the period from the terms; compliance reports its thresholds', async () => {
    const add = await run('institutions', 'add', 'H-9', '--convention', heldOut.id, '--db', db, '--json');
    expect([add.code, add.err]).toEqual([0, '']);
    const saved = JSON.parse(add.out);
    expect(saved.conventions).toEqual([{ convention: heldOut.convention, from: '2026-01-01', to: '2030-12-31' }]);
    expect(saved.status[0].validity.sources.map((s: { article: string }) => s.article)).toEqual(['9.1', '9.3']);

    const claims = join(dir, 'claims.ndjson');
    writeFileSync(claims, [
      { code: '588210', date: '2026-02-10', billedOn: '2026-05-10' },
      { code: '588243', date: '2026-02-10', billedOn: '2026-05-11' },
    ].map((l) => JSON.stringify(l)).join('\n'));
    const r = await run('compliance', claims, '--institution', 'H-9', '--from', '2026-01-01', '--to', '2026-12-31', '--db', db, '--json');
    expect([r.code, r.err]).toEqual([0, '']);
    const report = JSON.parse(r.out);
    const ids = report.figures.map((f: Figure) => [f.id, f.threshold.value, f.status]);
    expect(ids).toEqual([['ablation.volume.transition', '40', 'incomplete'], ['ablation.billing-delay', '0', 'fail']]);
    expect(report.warnings).toEqual([]);
  });
});

describe('indications: any table, as data', () => {
  const TABLE_FILE = fileURLToPath(new URL('../../test/fixtures/convention/ablation-ultrasound.indications.yaml', import.meta.url));
  const heldOutTable = parseIndicationTable(readFileSync(TABLE_FILE, 'utf8'), TABLE_FILE);
  const builtinTable = indicationTable('percutaneous-tumour-ablation');

  test.each([
    ['built-in', builtinTable, builtinDocuments().find((d) => d.convention === 'percutaneous-tumour-ablation')!.id, readFileSync(builtinFiles().find((f) => f.file.endsWith('000_03aa16b1e0318a25.txt'))!.file, 'utf8')],
    ['held-out', heldOutTable, heldOut.id, readFileSync(FIXTURE, 'utf8')],
  ])('%s table: every citation is a sentence of its convention', (_n, table, id, raw) => {
    const text = normaliseSourceText(raw);
    for (const c of [table.otherwise, ...table.indications.map((i) => i.citation)]) {
      expect(c.document).toBe(id);
      expect(text.includes(c.text), c.text).toBe(true);
    }
  });

  test.each([
    // table, facts, outcome: both sides of each size boundary the texts state
    ['built-in', { organ: 'liver', tumour: 'hepatocellular-carcinoma', count: 1, sizeCm: '1.9' }, 'listed'],
    ['built-in', { organ: 'liver', tumour: 'hepatocellular-carcinoma', count: 1, sizeCm: '2', eligibleForSurgery: true }, 'not-listed'],
    ['held-out', { organ: 'liver', tumour: 'hepatocellular-carcinoma', count: 1, sizeCm: '3' }, 'listed'],
    ['held-out', { organ: 'liver', tumour: 'hepatocellular-carcinoma', count: 1, sizeCm: '3.1' }, 'not-listed'],
    ['held-out', { organ: 'thyroid', tumour: 'benign-nodule', symptomatic: true, benignCytologyTwice: true, sizeCm: '2' }, 'not-listed'],
    ['held-out', { organ: 'thyroid', tumour: 'benign-nodule', symptomatic: true, benignCytologyTwice: true, sizeCm: '2.1' }, 'listed'],
    ['held-out', { organ: 'thyroid', tumour: 'benign-nodule', sizeCm: '2.1' }, 'undecided'],
  ] as const)('%s table: %j → %s', (which, facts, outcome) => {
    const table = which === 'built-in' ? builtinTable : heldOutTable;
    const a = matchIndication(readFacts({ ...facts }, table), table);
    expect(a.outcome).toBe(outcome);
    if (outcome !== 'listed') expect(a.requirement).toEqual(table.otherwise);
    if (outcome === 'undecided') expect(a.message).toContain('symptomatic, benign cytology confirmed twice');
  });

  test('a fact or organ of another table is refused, naming it', () => {
    expect(() => readFacts({ organ: 'thyroid' }, builtinTable)).toThrow('organ: "thyroid" is not one of kidney, liver, lung, bone');
    expect(() => readFacts({ organ: 'liver', symptomatic: true }, builtinTable)).toThrow(/^symptomatic: unknown fact/);
    expect(() => readFacts({ organ: 'bone' }, heldOutTable)).toThrow('organ: "bone" is not one of thyroid, liver');
  });

  test('a table whose condition reads an undeclared fact is refused, naming the indication', () => {
    const bad = readFileSync(TABLE_FILE, 'utf8').replace(/  facts:\n(?:    .*\n)+/, '');
    expect(() => parseIndicationTable(bad, 'bad.yaml')).toThrow(/^bad\.yaml: table\.indications\.0 \(thyroid\.benign-symptomatic-gt-2cm\): "symptomatic" is not a yes\/no fact/);
  });

  test('the indication command takes any table: a file, or a known id; an unknown one exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nomen-indication-'));
    try {
      const facts = join(dir, 'facts.json');
      writeFileSync(facts, JSON.stringify({ organ: 'thyroid', tumour: 'autonomous-nodule', eligibleForSurgery: 'no' }));
      const program = () => { const p = new Command().name('nomen').exitOverride(); registerConventionCommands(p); return p; };
      let out = '';
      const write = process.stdout.write;
      process.stdout.write = ((s: string | Uint8Array) => { out += String(s); return true; }) as typeof process.stdout.write;
      try {
        await program().parseAsync(['node', 'nomen', 'indication', '--table', TABLE_FILE, '--facts', facts]);
        await program().parseAsync(['node', 'nomen', 'indication', '--table', 'ablation-art-3', '--organ', 'liver', '--tumour', 'hepatocellular-carcinoma', '--count', '1', '--size', '1.8']);
      } finally {
        process.stdout.write = write;
      }
      expect(out).toContain('listed in Art. 3: autonomous thyroid nodule, ineligible for surgery');
      expect(out).toContain(`[${heldOut.id}, Art. 3, 1°] « Nodule thyroïdien autonome chez un patient inéligible à la chirurgie »`);
      expect(out).toContain('listed in Art. 3: hepatocellular carcinoma, single tumour < 2 cm');
      await expect(program().parseAsync(['node', 'nomen', 'indication', '--table', 'no-such-table', '--organ', 'liver'])).rejects.toThrow(/^table: "no-such-table" is not a known indication table/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
