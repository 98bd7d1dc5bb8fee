/** `nomen check` (one request, or NDJSON batch) and `nomen rules` (the rules and their coverage). */
import type { Command } from 'commander';
import type { CoverageReport } from '../rules/coverage.js';
import { availableParallelism } from 'node:os';
import { Readable } from 'node:stream';
import { withStore, dbSpec, wholeNumber, printJson, readTextInput, UserError, DB_HELP, type DbOptions } from './common.js';
import type { CheckWorkerData, CheckWorkerSetup } from './check-worker.js';
import { cliLocale, say } from './messages.js';

/** Input bytes per parallel batch: NOMEN_BATCH_BYTES (tests use small batches to cross many boundaries), else the engine's default. */
function batchBytes(): number | undefined {
  const n = Number(process.env.NOMEN_BATCH_BYTES);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Below this many bytes of input (read to its end), `check --ndjson` decides on the main thread unless --jobs is given. */
const SMALL_INPUT = 1 << 20;

/**
 * Reads `stream` until `limit` bytes or its end: whether it ended, and a stream that gives the
 * bytes read then the rest.
 */
async function readHead(stream: Readable, limit: number): Promise<{ ended: boolean; input: Readable }> {
  const chunks: Buffer[] = [];
  let size = 0;
  const it = stream[Symbol.asyncIterator]();
  let ended = false;
  while (size < limit) {
    const next = await it.next();
    if (next.done) { ended = true; break; }
    const b = typeof next.value === 'string' ? Buffer.from(next.value) : (next.value as Buffer);
    chunks.push(b);
    size += b.length;
  }
  async function* rest() {
    yield* chunks;
    if (!ended) for (let n = await it.next(); !n.done; n = await it.next()) yield n.value as Buffer;
  }
  return { ended, input: Readable.from(rest(), { objectMode: false }) };
}

type CheckOptions = DbOptions & {
  ndjson?: boolean; fhir?: boolean; lang: string; details?: boolean; reasons: string; jobs?: string;
  maxClaims?: string; maxHistory?: string; maxLineBytes?: string; maxAnswerBytes?: string;
};

/** The request limits: a flag, else its environment variable, else the default (src/engine/limits.ts). */
async function limitsOf(opts: CheckOptions) {
  const { limitsFrom, LimitSettingError } = await import('../engine/limits.js');
  const flag = (v: string | undefined, name: string) => (v === undefined ? undefined : wholeNumber(v, name, 1, Number.MAX_SAFE_INTEGER));
  try {
    return limitsFrom(process.env, Object.fromEntries(Object.entries({
      claims: flag(opts.maxClaims, '--max-claims'),
      history: flag(opts.maxHistory, '--max-history'),
      lineBytes: flag(opts.maxLineBytes, '--max-line-bytes'),
      answerBytes: flag(opts.maxAnswerBytes, '--max-answer-bytes'),
    }).filter(([, v]) => v !== undefined)));
  } catch (e) {
    if (e instanceof LimitSettingError) throw new UserError(e.message);
    throw e;
  }
}


/** Registers `nomen check` and `nomen rules`. */
export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('decide which claim lines are reimbursable, for how much, and why (contract §4)')
    .argument('<request>', 'request JSON file, or - for standard input')
    .option('--fhir', 'the request is an HL7 Belgium eTariff Claim (FHIR R4), or a Bundle holding one: answers a ClaimResponse (or an OperationOutcome naming each malformed element, exit 2)')
    .option('--ndjson', 'batch: one request per line in, one response per line out (a bad line gives an error object and the run goes on)')
    .option('--lang <lang>', 'language of the messages: en, fr or nl (default: from LC_ALL, LC_MESSAGES or LANG, else en)', cliLocale())
    .option('--no-details', 'omit the structured `detail` of each reason (smaller output)')
    .option('--reasons <which>', 'reasons listed per decision: all (the contract: satisfied ones too) or failed (violated and warning only, each with its source)', 'all')
    .option('--jobs <n>', `with --ndjson: worker threads deciding in parallel, each holding its own engine (default: the number of cores, here ${availableParallelism()}; 1 decides on the main thread)`)
    .option('--max-claims <n>', 'claim lines per request (default 1000, or $NOMEN_MAX_CLAIMS)')
    .option('--max-history <n>', 'history lines per request (default 10000, or $NOMEN_MAX_HISTORY)')
    .option('--max-line-bytes <n>', 'with --ndjson: bytes of one line; a longer line gives an error object and the run goes on (default 16 MiB, or $NOMEN_MAX_LINE_BYTES)')
    .option('--max-answer-bytes <n>', 'bytes of one answer as compact JSON (default 16 MiB, or $NOMEN_MAX_ANSWER_BYTES)')
    .option('--db <file>', DB_HELP)
    .action(async (file: string, opts: CheckOptions) => {
      // only what deciding needs: the engine's index module would load the request schema (zod) and more
      const { isLocale } = await import('../engine/messages/index.js');
      const { requestLimitErrors, answerTooLargeMessage, answerUnprintableMessage } = await import('../engine/limits.js');
      const { responseBytes } = await import('../engine/serialize.js');
      const { engineFromStore, lawOf } = await import('../pipeline.js');
      if (!isLocale(opts.lang)) throw new UserError(`--lang: "${opts.lang}" is not one of en, fr, nl`);
      const locale = opts.lang;
      if (opts.fhir) {
        if (opts.ndjson) throw new UserError('--fhir: not with --ndjson');
        return (await import('./check-fhir.js')).checkFhir(file, opts, locale, await limitsOf(opts));
      }
      if (opts.reasons !== 'all' && opts.reasons !== 'failed') throw new UserError(`--reasons: "${opts.reasons}" is not one of all, failed`);
      const reasons = opts.reasons;
      if (opts.jobs !== undefined && !opts.ndjson) throw new UserError('--jobs: only with --ndjson');
      let jobs = opts.jobs === undefined ? availableParallelism() : wholeNumber(opts.jobs, '--jobs', 1, 64);
      const limits = await limitsOf(opts);
      if (opts.ndjson) {
        // large reads: the batch is CPU-bound, fewer chunks mean fewer carried partial lines
        const stream = file === '-' ? process.stdin : (await import('node:fs')).createReadStream(file, { highWaterMark: 1 << 20 });
        stream.on('error', (e: Error) => { process.stderr.write(`nomen: ${file}: ${(e as Error).message}\n`); process.exit(2); });
        let input: Readable = stream;
        if (opts.jobs === undefined && jobs > 1) {
          // Workers pay for themselves only on a large input: each loads the facts and indexes the law
          // (~0.25 s of CPU on the built-in corpus), the time one thread takes to decide ~1 MiB of requests.
          const head = await readHead(stream, SMALL_INPUT);
          if (head.ended) jobs = 1;
          input = head.input;
        }
        const engineOptions = { locale, details: opts.details, reasons } as const;
        const stats = jobs === 1
          ? await withStore(opts, async (store) => {
            const { runBatch } = await import('../engine/batch.js');
            return runBatch(input, process.stdout, await engineFromStore(store, engineOptions), { limits });
          })
          : await withStore(opts, async (store) => {
            const { runBatchParallel } = await import('../engine/parallel.js');
            // the store is opened (and a new database loaded, or its law compiled again) once here,
            // before the workers read it; the compiled law is read once here while the workers read
            // the facts, and sent to them as the JSON text the database holds
            const workerData: CheckWorkerData = { db: dbSpec(opts), options: engineOptions, limits };
            const law = lawOf(store);
            await law;
            const setup = (): Promise<CheckWorkerSetup> => law;
            return runBatchParallel(input, process.stdout, { jobs, worker: new URL('./check-worker.js', import.meta.url), workerData, batchBytes: batchBytes(), setup, maxLineBytes: limits.lineBytes, locale });
          });
        process.stderr.write(`nomen: ${JSON.stringify(stats)}\n`);
        return;
      }
      const text = readTextInput(file, 'request', locale);
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (e) {
        // a file of one request per line given without --ndjson: say so rather than where JSON.parse stopped
        const lines = text.split('\n').filter((l) => l.trim() !== '');
        if (lines.length > 1 && lines.slice(0, 2).every((l) => { try { JSON.parse(l); return true; } catch { return false; } })) {
          throw new UserError(say(locale).ndjsonHint(file, lines.length));
        }
        throw new UserError(`${file}: the request is not valid JSON: ${(e as Error).message}`);
      }
      const over = requestLimitErrors(value, limits, locale);
      if (over.length) throw new UserError(`${file}: request over the limits:\n${over.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
      const { check: decideRequest } = await import('../engine/engine.js');
      const result = await withStore(opts, async (store) => decideRequest(value, await engineFromStore(store, { locale, details: opts.details, reasons })));
      if (!result.ok) {
        throw new UserError(`${file}: invalid request:\n${result.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
      }
      // the size of the compact answer decides; printing it indented can still exceed what a string holds
      const size = responseBytes(result.response).length;
      if (size > limits.answerBytes) throw new UserError(`${file}: ${answerTooLargeMessage(size, limits.answerBytes, locale)}`);
      try {
        printJson(result.response);
      } catch (e) {
        if (e instanceof RangeError) throw new UserError(`${file}: ${answerUnprintableMessage(size, locale)}`);
        throw e;
      }
    });

  program
    .command('rules')
    .description('the rules of application as code: every rule with its citation, or --coverage of every normative sentence')
    .option('--coverage', 'list every normative sentence of the corpus with the rule ids that encode it, or why none can')
    .option('--code <code>', 'only the rules that apply to this code')
    .option('--db <file>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: DbOptions & { coverage?: boolean; code?: string; json?: boolean }) => {
      const { buildRuleSet, coverage } = await import('../rules/index.js');
      const documents = await withStore(opts, (store) => store.parsedDocuments());
      const set = buildRuleSet(documents);
      if (opts.coverage) {
        const report = coverage(documents, set);
        if (opts.json) return printJson(report);
        process.stdout.write(renderCoverage(report) + '\n');
        return;
      }
      // Rules scoped by nomenclature article (e.g. "articles 17 …") need the code's article: listed without it here.
      const rules = opts.code ? set.index.rulesFor(opts.code, null).map((c) => c.rule) : set.rules;
      if (opts.json) return printJson(rules.map(({ id, kind, citation, validity }) => ({ id, kind, validity, citation })));
      for (const r of rules) process.stdout.write(`${r.id.padEnd(48)} ${r.kind.padEnd(16)} ${r.citation.document}, ${r.citation.article}\n`);
    });
}

function renderCoverage(report: CoverageReport): string {
  const lines = report.entries.map((e) => `${e.status.padEnd(12)} ${e.document} ${e.where}: ${e.rules.length ? e.rules.join(', ') : e.reason ? `${e.reason.category}: ${e.reason.reason}` : '—'}\n             « ${e.text.length > 120 ? e.text.slice(0, 117) + '…' : e.text} »`);
  const t = report.totals;
  lines.push(`\n${t.sentences} normative sentences: ${t.encoded} encoded by rules, ${t.explained} explained (no claim rule can decide them), ${t.unaccounted} unaccounted`);
  return lines.join('\n');
}
