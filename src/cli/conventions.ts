/**
 * The conventions commands: `institutions add|list|show|import`, `compliance`, `quote`,
 * `indication`, `derived`, `staffing`. Bad input exits 2 with a message naming the field or
 * the line; readable text by default, `--json` for machines.
 */
import type { Command } from 'commander';
import { today, type IsoDate } from '../date.js';
import { nomenclatureFor } from '../pipeline.js';
import type { Nomenclature } from '../nomenclature/types.js';
import { assertCode, CodeError } from '../queries.js';
import {
  cappedCodes, catalogueFromStore, checkQuote, checkStaffing, staffingCriteria, complianceReport, conventionRecord, derivedFromState,
  FactsError, IndicationTableError, indicationTable, InputError, institutionOn, parseIndicationTable, matchIndication, overlaps, parseClaimLines, parseInstitutionsCsv, parseQuoteInput,
  parseRoster, quoteRules, QuoteRulesError, QuoteInputError, readFacts, RegistryError, renderCompliance, renderDerived, renderIndication, renderQuoteResults, renderStaffing,
  validity, withConvention, type ComplianceLine, type ConventionCatalogue, type Institution,
} from '../conventions/index.js';
import { codeArgument, DB_HELP, EXIT, isoDate, printJson, readTextInput, UserError, withStore, type DbOptions } from './common.js';

/** Reads a file, or stdin for "-", as strict UTF-8; a read error or bytes that are not UTF-8 are a UserError naming the file. */
const readInput = (file: string, what: string): string => readTextInput(file, what);

/** Turns the input errors of the conventions module into UserErrors (exit 2), naming the file. */
function asUserError(e: unknown, file?: string): never {
  if (e instanceof InputError) throw new UserError(file && file !== '-' ? e.inFile(file).message : e.message);
  if (e instanceof IndicationTableError || e instanceof QuoteRulesError) throw new UserError(e.message);
  if (e instanceof QuoteInputError || e instanceof FactsError) throw new UserError(file && file !== '-' ? `${file}: ${e.message}` : e.message);
  if (e instanceof RegistryError) throw new UserError(`--${e.field.replace(/_/g, '-')}: ${e.message.replace(/^[a-z_]+: /, '')}`);
  throw e;
}

function guard<T>(fn: () => T, file?: string): T {
  try {
    return fn();
  } catch (e) {
    return asUserError(e, file);
  }
}

function dateOpt(v: string | undefined, name: string): IsoDate | undefined {
  if (v === undefined) return undefined;
  return isoDate(v, name);
}

function renderInstitution(inst: Institution, at: IsoDate, catalogue: ConventionCatalogue): string {
  const out = [`${inst.id}${inst.name ? `  ${inst.name}` : ''}`];
  if (inst.conventions.length === 0) out.push('  no convention');
  for (const s of institutionOn(inst, at, catalogue)) {
    const v = s.validity;
    out.push(`  ${s.convention}: ${v.from ?? '?'} to ${v.to ?? 'indefinite'} — ${s.inForce ? 'IN FORCE' : 'not in force'} on ${at}`);
    const entry = catalogue.find(s.convention);
    if (entry) out.push(`      convention: ${entry.title} [${entry.id}]`);
    out.push(`      from: ${v.basis.from}`);
    out.push(`      to:   ${v.basis.to}`);
    for (const i of v.issues) out.push(`      issue: ${i}`);
    for (const c of v.sources) out.push(`      [${c.document}, ${c.article}] « ${c.text} »`);
  }
  for (const o of overlaps(inst, catalogue)) out.push(`  issue: ${o}`);
  return out.join('\n');
}

function institutionJson(inst: Institution, at: IsoDate, catalogue: ConventionCatalogue) {
  return { ...inst, at, status: institutionOn(inst, at, catalogue).map((s) => ({ convention: s.convention, inForce: s.inForce, reason: s.reason, validity: s.validity })), issues: overlaps(inst, catalogue) };
}

const CONVENTIONS_HELP = 'convention: the machine name or the document id of an ingested convention (`nomen documents` lists them), or any other name with --from';

function registerInstitutions(program: Command): void {
  const inst = program
    .command('institutions')
    .description('the registry of institutions and their conventions, with each convention\'s validity computed from its own terms')
    .addHelpText('after', `
Validity of a convention: computed from the terms its own text states (a fixed start and last day;
or from the first day of the month after --signed, ended by a notice from --notice-sent), e.g.
  percutaneous-tumour-ablation: from 2024-11-01 to 2029-10-31 inclusive (Art. 10.1, 10.3);
  breast-reconstruction: signed 2016-11-15 → in force from 2016-12-01; notice sent 2023-03-15 → last day 2023-09-30 (Art. 16).
`);

  inst
    .command('add')
    .description('add or update an institution and one of its conventions (missing ends are derived from the convention\'s terms)')
    .argument('<id>', 'institution id (e.g. its INAMI number, H-71001)')
    .requiredOption('--convention <name>', CONVENTIONS_HELP)
    .option('--name <name>', 'name of the institution')
    .option('--from <date>', 'first day in force (default: the convention\'s own start: its fixed date, or the month after --signed)')
    .option('--to <date>', 'last day in force, inclusive (default: the convention\'s own end, or the end of the notice)')
    .option('--signed <date>', 'date of signature (a convention in force from the month after its signature starts then)')
    .option('--notice-sent <date>', 'date the registered letter of notice was sent (the convention ends when the notice its text states has run)')
    .option('--db <file>', DB_HELP)
    .option('--json', 'print the institution as JSON')
    .action(async (id: string, opts: DbOptions & { convention: string; name?: string; from?: string; to?: string; signed?: string; noticeSent?: string; json?: boolean }) => {
      if (!/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/.test(id)) throw new UserError(`<id>: "${id}" is not an institution id (letters, digits, and . _ : / -)`);
      const { saved, catalogue } = await withStore(opts, async (store) => {
        const catalogue = await catalogueFromStore(store);
        const rec = guard(() => conventionRecord({ convention: opts.convention, from: opts.from, to: opts.to, signed: opts.signed, noticeSent: opts.noticeSent }, catalogue));
        const current = (await store.institution(id)) ?? { id, name: null, conventions: [] };
        const next = withConvention({ ...current, name: opts.name ?? current.name }, rec);
        await store.putInstitutions([next]);
        return { saved: next, catalogue };
      });
      const at = today();
      if (opts.json) printJson(institutionJson(saved, at, catalogue));
      else process.stdout.write(`saved\n${renderInstitution(saved, at, catalogue)}\n`);
    });

  inst
    .command('list')
    .description('every institution of the registry and whether each convention is in force on a date')
    .option('--at <date>', 'date, YYYY-MM-DD (default: today)')
    .option('--db <file>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: DbOptions & { at?: string; json?: boolean }) => {
      const at = dateOpt(opts.at, '--at') ?? today();
      const { list, catalogue } = await withStore(opts, async (store) => ({ list: await store.institutions(), catalogue: await catalogueFromStore(store) }));
      if (opts.json) printJson({ at, institutions: list.map((i) => institutionJson(i, at, catalogue)) });
      else if (list.length === 0) process.stdout.write('no institution in the registry (add one with `nomen institutions add` or `nomen institutions import`)\n');
      else {
        for (const i of list) {
          const st = institutionOn(i, at, catalogue).map((s) => `${s.convention} ${s.inForce ? 'in force' : 'not in force'}`).join('; ');
          process.stdout.write(`${i.id.padEnd(12)} ${(i.name ?? '').padEnd(30)} ${st || 'no convention'}\n`);
        }
      }
    });

  inst
    .command('show')
    .description('one institution: its conventions, their periods (and how each end was computed), in force or not on a date')
    .argument('<id>', 'institution id')
    .option('--at <date>', 'date, YYYY-MM-DD (default: today)')
    .option('--db <file>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (id: string, opts: DbOptions & { at?: string; json?: boolean }) => {
      const at = dateOpt(opts.at, '--at') ?? today();
      const { i, catalogue } = await withStore(opts, async (store) => ({ i: await store.institution(id), catalogue: await catalogueFromStore(store) }));
      if (!i) throw new UserError(`institution ${id} is not in the registry`);
      if (opts.json) printJson(institutionJson(i, at, catalogue));
      else process.stdout.write(renderInstitution(i, at, catalogue) + '\n');
    });

  inst
    .command('import')
    .description('import institutions from CSV (header institution,name,convention,from,to,signed,notice_sent; one row per convention); all rows or none are stored, and each institution named gets exactly the conventions of the file')
    .argument('<file>', 'CSV file, or - for stdin')
    .option('--db <file>', DB_HELP)
    .option('--json', 'print the imported institutions as JSON')
    .addHelpText('after', `
Example:
  institution,name,convention,from,to,signed,notice_sent
  H-71001,AZ Voorbeeld,percutaneous-tumour-ablation,,,,
  H-71001,AZ Voorbeeld,breast-reconstruction,,,2016-11-15,
Empty from/to take the convention's own ends. Errors name the line and the column.
`)
    .action(async (file: string, opts: DbOptions & { json?: boolean }) => {
      const text = readInput(file, 'institution CSV');
      const saved = await withStore(opts, async (store) => {
        const catalogue = await catalogueFromStore(store);
        const list = guard(() => parseInstitutionsCsv(text, catalogue), file);
        const merged: Institution[] = [];
        for (const i of list) {
          const cur = i.name === null ? await store.institution(i.id) : null;
          merged.push(cur ? { ...i, name: cur.name } : i);
        }
        await store.putInstitutions(merged);
        return merged;
      });
      if (opts.json) printJson({ imported: saved.length, institutions: saved });
      else process.stdout.write(`imported ${saved.length} institution${saved.length === 1 ? '' : 's'} (${saved.reduce((n, i) => n + i.conventions.length, 0)} conventions): ${saved.map((i) => i.id).join(', ')}\n`);
    });
}

function registerCompliance(program: Command): void {
  program
    .command('compliance')
    .description('centre compliance report over claim lines: each obligation of the institution\'s conventions (volumes, billing delay, supplements, …, read from each convention\'s text or curated) with its threshold, its sentence and pass/fail')
    .argument('[claims]', 'claim lines, NDJSON (one JSON object per line: code, date, billedOn, supplement, room, institution, units, fee), or - for stdin')
    .requiredOption('--institution <id>', 'institution id (from the registry, or from --institutions)')
    .option('--from <date>', 'first day of the window (default: the start of the institution\'s earliest convention)')
    .option('--to <date>', 'last day of the window, inclusive (default: today)')
    .option('--claims <file>', 'claim lines file (instead of the argument)')
    .option('--institutions <csv>', 'take the institution from this CSV (import format) instead of the database')
    .option('--db <file>', DB_HELP)
    .option('--json', 'print the report as JSON')
    .addHelpText('after', `
A claim line: {"id":"L1","code":"587134","date":"2025-01-10","billedOn":"2025-02-20"}
              {"code":"252652","date":"2025-03-03","supplement":"1500.00","room":"single"}
Amounts are decimal strings in euro. A billing delay of n months: billedOn ≤ date + n calendar months.
Exit code 1 when an obligation fails (the report is printed all the same).
`)
    .action(async (claimsArg: string | undefined, opts: DbOptions & { institution: string; from?: string; to?: string; claims?: string; institutions?: string; json?: boolean }) => {
      const claimsFile = opts.claims ?? claimsArg;
      if (!claimsFile) throw new UserError('claims: give the claim lines file (NDJSON) as argument or with --claims (- for stdin)');
      const from = dateOpt(opts.from, '--from');
      const to = dateOpt(opts.to, '--to');
      const lines: ComplianceLine[] = guard(() => parseClaimLines(readInput(claimsFile, 'claim lines')), claimsFile);
      let inst: Institution | undefined;
      let nomenclature: Nomenclature | undefined;
      const catalogue = await withStore(opts, async (store) => {
        const catalogue = await catalogueFromStore(store);
        if (opts.institutions) {
          const list = guard(() => parseInstitutionsCsv(readInput(opts.institutions!, 'institution CSV'), catalogue), opts.institutions);
          inst = list.find((i) => i.id === opts.institution);
          if (!inst) throw new UserError(`--institution: ${opts.institution} is not in ${opts.institutions}`);
        } else {
          inst = (await store.institution(opts.institution)) ?? undefined;
          if (!inst) throw new UserError(`--institution: ${opts.institution} is not in the registry (add it with \`nomen institutions add\`, or give --institutions <csv>)`);
        }
        // The fees are read only when a supplement must be compared with a fee the line does not state.
        const capped = new Set(cappedCodes(catalogue));
        const needFees = lines.filter((l) => capped.has(l.code) && l.fee === null && l.supplement !== null && l.supplement.units > 0n).map((l) => l.code);
        if (needFees.length) nomenclature = await nomenclatureFor(store, needFees);
        return catalogue;
      });
      const i = inst!;
      const starts = i.conventions.map((c) => validity(c, catalogue).from).filter((d): d is string => d !== null).sort();
      const window = { from: from ?? starts[0] ?? today(), to: to ?? today() };
      if (window.to < window.from) throw new UserError(`--to: ${window.to} is before --from ${window.from}`);
      const report = guard(() => complianceReport(i, lines, window, { nomenclature, catalogue }));
      if (opts.json) printJson(report);
      else process.stdout.write(renderCompliance(report) + '\n');
      // the report is printed all the same; a failed obligation is the answer a script tests for
      if (report.summary.fail > 0) process.exitCode = EXIT.checkFailed;
    });
}

function registerQuote(program: Command): void {
  program
    .command('quote')
    .description('check a breast reconstruction quote and its deposits (convention art. 9, 12, 13): quote at least 7 days before, supplement at most 100 % of the fee and only in a single room, deposits only if in the quote, at most 50 % of the supplement and at most 1250 EUR')
    .argument('<file>', 'JSON file (one case or an array of cases), or - for stdin')
    .option('--db <file>', DB_HELP + ' (read only when a case gives no fee)')
    .option('--json', 'print JSON')
    .addHelpText('after', `
A case:
  {"id":"Q-1","intervention":"2024-05-20","codes":["252652"],"room":"single",
   "quote":{"date":"2024-05-10","supplement":"1500.00","deposit":"700.00"},
   "deposits":[{"date":"2024-05-12","amount":"700.00"}]}
"fee" (optional) gives the article 3 fee; else it is read from the nomenclature on the intervention date.
"quote.deposit": the deposit the quote mentions (an amount, or true); absent: the quote mentions none.
Exit code 1 when a check of a case fails (the results are printed all the same).
`)
    .action(async (file: string, opts: DbOptions & { json?: boolean }) => {
      const text = readInput(file, 'quote file');
      const cases = guard(() => parseQuoteInput(text), file);
      let nomenclature: Nomenclature | undefined;
      // The obligations a quote is checked against come from the convention that states them (rules/obligations/).
      const rules = guard(() => quoteRules());
      const capped = new Set(rules.cap.services);
      const codes = cases.filter((c) => c.fee === null).flatMap((c) => c.codes.filter((x) => capped.has(x)));
      if (codes.length) nomenclature = await withStore(opts, (store) => nomenclatureFor(store, codes));
      const results = cases.map((c) => checkQuote(c, nomenclature, rules));
      if (opts.json) printJson(text.trimStart().startsWith('[') ? results : results[0]);
      else process.stdout.write(renderQuoteResults(results) + '\n');
      if (results.some((r) => !r.ok)) process.exitCode = EXIT.checkFailed;
    });
}

function registerIndication(program: Command): void {
  program
    .command('indication')
    .description('the clinical indications of a convention as a decision table (by default the ablation convention\'s Art. 3): the indication matched with its citation, or "not listed" with what the text then requires')
    .option('--table <table>', 'the indication table: its id, its convention\'s machine name, or a YAML file (rules/indications/*.yaml is the format); default: the first of rules/indications/')
    .option('--facts <file>', 'the clinical facts as JSON (the options below override it; the facts a table declares are given here)')
    .option('--organ <organ>', 'an organ of the table (ablation: kidney, liver, lung or bone)')
    .option('--tumour <type>', 'tumour type (ablation: kidney: renal-cell-carcinoma, other-malignant; liver: hepatocellular-carcinoma, intrahepatic-cholangiocarcinoma, colorectal-metastasis, neuroendocrine-metastasis, metastasis-other-primary, other-malignant; lung: primary-lung-tumour, lung-metastasis, other-malignant; bone: osteoid-osteoma, osteoblastoma, eosinophilic-granuloma, aneurysmal-bone-cyst, chondroblastoma, other-benign, slow-growing-malignant, other-malignant)')
    .option('--size <cm>', 'largest diameter of the largest tumour, in cm (e.g. 2.5)')
    .option('--count <n>', 'number of tumours / metastases')
    .option('--t-stage <T>', 'TNM T category (T1a, T1b, …)')
    .option('--eligible-for-surgery <yes|no>', 'is the patient eligible for surgery?')
    .option('--eligible-for-sbrt <yes|no>', 'is the patient eligible for stereotactic radiotherapy?')
    .option('--gfr <ml/min>', 'glomerular filtration rate')
    .option('--single-kidney [yes|no]', 'single kidney')
    .option('--predisposition <name>', 'specific predisposition to multiple malignant kidney tumours (e.g. von-hippel-lindau)')
    .option('--alternative-to-systemic [yes|no]', 'ablation as an alternative to systemic treatment of oligometastases')
    .option('--palliative [yes|no]', 'palliative pain control / volume reduction')
    .option('--near-critical-structures [yes|no]', 'tumour progressing near critical structures')
    .option('--combined-treatment [yes|no]', 'combined with other treatment (e.g. pathological fracture)')
    .option('--verbose', 'also show why the other indications of the organ do not match')
    .option('--db <file>', DB_HELP + ' (accepted like every command; the tables are read from rules/indications/)')
    .option('--json', 'print JSON')
    .addHelpText('after', `
Examples:
  nomen indication --organ liver --tumour hepatocellular-carcinoma --count 1 --size 1.8
  nomen indication --organ kidney --tumour renal-cell-carcinoma --t-stage T1a --gfr 45
A fact left out is unknown: an indication that depends on it is "undecided", never matched silently.
`)
    .action((opts: Record<string, string | boolean | undefined> & { table?: string; facts?: string; json?: boolean; verbose?: boolean }) => {
      const table = opts.table === undefined
        ? guard(() => indicationTable())
        : /\.ya?ml$/i.test(opts.table)
          ? guard(() => parseIndicationTable(readInput(opts.table as string, 'indication table'), opts.table), opts.table)
          : guard(() => indicationTable(opts.table));
      let input: Record<string, unknown> = {};
      if (opts.facts) {
        const text = readInput(opts.facts, 'facts file');
        try {
          input = JSON.parse(text) as Record<string, unknown>;
        } catch (e) {
          throw new UserError(`${opts.facts}: not valid JSON (${(e as Error).message})`);
        }
        if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new UserError(`${opts.facts}: expected a JSON object of clinical facts`);
      }
      const map: Record<string, string> = {
        organ: 'organ', tumour: 'tumour', size: 'sizeCm', count: 'count', tStage: 'tStage', eligibleForSurgery: 'eligibleForSurgery', eligibleForSbrt: 'eligibleForSbrt',
        gfr: 'gfr', singleKidney: 'singleKidney', predisposition: 'predisposition', alternativeToSystemic: 'alternativeToSystemic', palliative: 'palliative',
        nearCriticalStructures: 'nearCriticalStructures', combinedTreatment: 'combinedTreatment',
      };
      for (const [opt, fact] of Object.entries(map)) if (opts[opt] !== undefined) input[fact] = opts[opt];
      const facts = guard(() => readFacts(input, table));
      const answer = matchIndication(facts, table);
      if (opts.json) printJson(answer);
      else process.stdout.write(renderIndication(answer, opts.verbose) + '\n');
    });
}

function registerDerived(program: Command): void {
  program
    .command('derived')
    .description('values derived from a code on a date: surgical assistance (decree 1994 Art. 6: 10 % of the relative value of procedures of at least K 120, N 200 or I 200) and the anaesthesia category of the ablation convention (K 400, N 600, I 600)')
    .argument('<code>', '6-digit nomenclature code')
    .option('--at <date>', 'date, YYYY-MM-DD (default: today)')
    .option('--db <file>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (arg: string, opts: DbOptions & { at?: string; json?: boolean }) => {
      const code = codeArgument(arg);
      const at = dateOpt(opts.at, '--at') ?? today();
      try {
        assertCode(code);
      } catch (e) {
        if (e instanceof CodeError) throw new UserError(e.message, EXIT.badCode);
        throw e;
      }
      const state = await withStore(opts, async (store) => (await nomenclatureFor(store, [code])).state(code, at));
      if (state.status === 'unknown') throw new UserError(`${code} is unknown: no document in the database names it`, EXIT.badCode);
      const d = derivedFromState(state);
      if (opts.json) printJson(d);
      else process.stdout.write(renderDerived(d) + '\n');
    });
}

function registerStaffing(program: Command): void {
  program
    .command('staffing')
    .description('check a staff roster against the staffing criteria: ablation convention Art. 5.1 a–d (default), or breast reconstruction Art. 6')
    .argument('<roster>', 'CSV name,specialty,qualifications (qualifications separated by ";"), or JSON [{name, specialty, qualifications: []}]; - for stdin')
    .option('--convention <name>', 'a convention with staffing criteria (rules/obligations/): percutaneous-tumour-ablation, breast-reconstruction', 'percutaneous-tumour-ablation')
    .option('--db <file>', DB_HELP + ' (accepted like every command; the criteria are read from rules/obligations/)')
    .option('--json', 'print JSON')
    .addHelpText('after', `
Vocabulary: specialty radiodiagnosis, urology, surgery, orthopaedic-surgery, medical-oncology, pneumology,
gastroenterology, anaesthesiology, plastic-surgery, …; qualifications interventional-radiology, oncology,
intensive-care (particular professional title), perforator-flap.
Exit code 1 when a criterion is not met (the report is printed all the same).
`)
    .action((roster: string, opts: DbOptions & { convention: string; json?: boolean }) => {
      const withCriteria = [...new Set(staffingCriteria().map((c) => c.convention))];
      if (!withCriteria.includes(opts.convention)) throw new UserError(`--convention: "${opts.convention}" has no staffing criteria (${withCriteria.join(', ')})`);
      const staff = guard(() => parseRoster(readInput(roster, 'roster')), roster);
      const r = checkStaffing(staff, opts.convention);
      if (opts.json) printJson(r);
      else process.stdout.write(renderStaffing(r) + '\n');
      if (!r.pass) process.exitCode = EXIT.checkFailed;
    });
}

/** Registers the conventions commands. */
export function registerConventionCommands(program: Command): void {
  registerInstitutions(program);
  registerCompliance(program);
  registerQuote(program);
  registerIndication(program);
  registerDerived(program);
  registerStaffing(program);
}
