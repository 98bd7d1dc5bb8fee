// Benchmark of the batch form (issue 3): `nomen check --ndjson` end to end against the floor
// (JSON.parse + JSON.stringify of the same stream) and against the same rules expressed in
// json-rules-engine, on a generated workload (bench/workload-gen.js). Prints one JSON summary.
//
//   node bench/engine.js                    # default: 1,000,000 lines (~10 min at most on 2 cores)
//   node bench/engine.js --lines 100000     # quick run (< 1 min once the database is built)
//   npm run bench -- engine --lines=100000  # the same through bench/run.js
//   options (or env NOMEN_BENCH_<NAME>): --lines N, --small N (memory check run, default lines/10),
//     --services N (generated codes, default 30000), --acts N (default 2000), --jre-sample N
//     (lines given to json-rules-engine with one engine per code, default 10000), --jre-single-sample N
//     (lines given to one engine holding every rule, default 5: ~2 s a line at 30,000 codes), --dir DIR (keep and reuse the workload),
//     --runs all,failed,small,serial (which nomen runs; serial: --jobs 1, one thread)
// Needs dist/ (`npm run build`). The nomen runs and the floor are child processes (process start,
// database load and rule compilation included); peak RSS comes from /usr/bin/time -f %M.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, closeSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generateRuleActs, writeRequests } from './workload-gen.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'nomen.js');
const SELF = fileURLToPath(import.meta.url);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function option(name, fallback) {
  // `--lines=100000` too: bench/run.js passes on only the arguments that start with "-"
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  if (eq) return eq.slice(name.length + 3);
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  return process.env[`NOMEN_BENCH_${name.toUpperCase().replace(/-/g, '_')}`] ?? fallback;
}
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

// --- the floor (child mode): read, JSON.parse + JSON.stringify each line, write in large chunks ---

async function floor(file) {
  const out = openSync('/dev/null', 'w');
  const { writeSync } = await import('node:fs');
  let carry = '';
  let parts = [];
  let size = 0;
  let n = 0;
  const line = (l) => {
    if (!l) return;
    let o;
    try { o = JSON.stringify(JSON.parse(l)); } catch (e) { o = JSON.stringify({ error: e.message }); }
    parts.push(o, '\n');
    size += o.length + 1;
    n++;
    if (size >= 256 * 1024) { writeSync(out, parts.join('')); parts = []; size = 0; }
  };
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    let start = 0;
    const text = carry + chunk;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) { line(text.slice(start, nl)); start = nl + 1; }
    carry = text.slice(start);
  }
  line(carry);
  writeSync(out, parts.join(''));
  closeSync(out);
  process.stderr.write(`floor: ${n} lines\n`);
}

// --- child processes, timed, with peak RSS ----------------------------------------------------

/** Runs `node args…` with stdout to /dev/null; wall time (ms), peak RSS (MiB) and stderr. */
function timed(args) {
  return new Promise((resolve, reject) => {
    const cmd = TIME ? TIME : process.execPath;
    const argv = TIME ? ['-f', 'maxrss_kb=%M', process.execPath, ...args] : args;
    const out = openSync('/dev/null', 'w');
    const t0 = performance.now();
    const child = spawn(cmd, argv, { stdio: ['ignore', out, 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      closeSync(out);
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}: ${err}`));
      const m = /maxrss_kb=(\d+)/.exec(err);
      resolve({ ms, rssMiB: m ? round(Number(m[1]) / 1024, 1) : null, stderr: err.replace(/maxrss_kb=\d+\s*/, '').trim() });
    });
  });
}

// --- json-rules-engine: the same rules, as a typical integration writes them -----------------------

/**
 * A faithful subset of the rule set in json-rules-engine: per code, an Engine holding that code's
 * rules of the kinds frequency (per day, per year, once/lifetime, per stay), non-cumulation the
 * same day, prerequisite, place and provider. Facts are computed per claim line from the
 * beneficiary's ledger (history + accepted lines), as dynamic facts with parameters, the way a
 * json-rules-engine integration usually feeds a rule engine. Lines are decided in date order and
 * accepted lines count for later ones, as in nomen.
 */
async function jreBench(file, sample, ctx, mode = 'per-code') {
  const { Engine } = await import('json-rules-engine');
  const expressible = new Set();
  const codes = (scope) => [...scope.codes];
  /** A nomen rule as json-rules-engine rules (null when the kind is not in the subset). */
  const translate = (c) => {
    const r = c.rule;
    const p = r.params;
    const event = { type: 'violated', params: { rule: r.id } };
    switch (r.kind) {
      case 'frequency': {
        const unit = p.period.unit;
        if (!['day', 'year', 'lifetime', 'stay'].includes(unit) || p.perSide) return null;
        return { conditions: { all: [{ fact: 'countedWithLine', params: { codes: codes(c.scope), together: p.together, unit }, operator: 'greaterThan', value: p.max }] }, event };
      }
      case 'non-cumulation': {
        if (p.within !== 'day' || p.anyOther || (p.mode === 'against' && !p.against) || p.sameProvider) return null;
        const against = p.mode === 'among' ? codes(c.scope) : codes(c.compiled.against);
        return { conditions: { all: [{ fact: 'conflictOnDay', params: { scope: codes(c.scope), against, among: p.mode === 'among' }, operator: 'equal', value: true }] }, event };
      }
      case 'prerequisite': {
        if (p.sameStay) return null;
        return { conditions: { all: [{ fact: 'prerequisiteCount', params: { oneOf: codes(c.compiled.oneOf), timing: p.timing, ambulatory: p.ambulatory }, operator: 'lessThan', value: p.count }] }, event };
      }
      case 'place':
        return { conditions: { all: [{ fact: 'institutionConventions', operator: 'doesNotContain', value: p.convention }, { fact: 'institution', operator: 'notEqual', value: null }] }, event };
      case 'provider': {
        if (p.alternatives.some((a) => a.collaborator || a.qualifications.length)) return null;
        const allowed = p.alternatives.flatMap((a) => a.specialty);
        return { conditions: { all: [{ fact: 'providerSpecialty', operator: 'notIn', value: allowed }, { fact: 'providerSpecialty', operator: 'notEqual', value: null }] }, event };
      }
      default:
        return null;
    }
  };
  const engines = new Map();
  /**
   * per-code: one Engine per code holding only that code's rules (a tuned integration);
   * single: one Engine with every rule, each guarded by a condition on the line's code (the
   * usual way: rules are data, the engine evaluates them all on every line).
   */
  const engineFor = (code, article) => {
    const key = mode === 'single' ? '*' : `${code}|${article}`;
    let e = engines.get(key);
    if (e === undefined) {
      e = new Engine([], { allowUndefinedFacts: true });
      let n = 0;
      const list = mode === 'single' ? ctx.rules.rules : ctx.rules.rulesFor(code, article);
      for (const c of list) {
        const t = translate(c);
        if (t === null) continue;
        expressible.add(c.rule.id);
        // the rule's validity is a condition of its own, as an integration would write it
        const validity = [];
        if (c.rule.validity.from) validity.push({ fact: 'date', operator: 'greaterThanInclusive', value: c.rule.validity.from });
        if (c.rule.validity.to) validity.push({ fact: 'date', operator: 'lessThanInclusive', value: c.rule.validity.to });
        if (mode === 'single') {
          // the codes under which nomen's index would find the rule (scope, and the other side of a cumulation)
          const on = [...c.scope.codes, ...(c.rule.kind === 'non-cumulation' && c.compiled.against ? c.compiled.against.codes : [])];
          if (on.length === 0) continue;
          validity.unshift({ fact: 'code', operator: 'in', value: on });
        }
        e.addRule({ name: c.rule.id, conditions: { all: [...validity, t.conditions] }, event: t.event });
        n++;
      }
      e.empty = n === 0;
      // dynamic facts: computed from the line and the ledger on demand (cached per run by the almanac)
      e.addFact('countedWithLine', (params, almanac) => almanac.factValue('line').then((line) => {
        let n = line.units;
        for (const l of line.ledger) {
          if (params.unit === 'day' && l.date !== line.date) continue;
          if (params.unit === 'year' && l.date.slice(0, 4) !== line.date.slice(0, 4)) continue;
          if (params.unit === 'stay' && (line.stay === null || l.stay !== line.stay)) continue;
          if (params.together ? params.codes.includes(l.code) : l.service === line.service) n += l.units;
        }
        return n;
      }));
      e.addFact('conflictOnDay', (params, almanac) => almanac.factValue('line').then((line) => {
        const inScope = params.scope.includes(line.code);
        const inAgainst = params.against.includes(line.code);
        return line.ledger.some((l) => l.date === line.date && (params.among
          ? params.scope.includes(l.code) && l.service !== line.service
          : (inScope && params.against.includes(l.code)) || (inAgainst && params.scope.includes(l.code))));
      }));
      e.addFact('prerequisiteCount', (params, almanac) => almanac.factValue('line').then((line) => {
        let n = 0;
        for (const l of line.ledger) {
          if (!params.oneOf.includes(l.code)) continue;
          if (params.timing === 'before' ? l.date >= line.date : params.timing === 'same-day' ? l.date !== line.date : l.date > line.date) continue;
          if (params.ambulatory && l.stay !== null) continue;
          n += l.units;
        }
        return n;
      }));
      e.addFact('institutionConventions', (params, almanac) => almanac.factValue('line').then((line) => {
        const inst = line.institutions.get(line.institution) ?? (typeof ctx.institutions?.get === 'function' ? ctx.institutions.get(line.institution) : undefined);
        return (inst?.conventions ?? []).filter((c) => (c.from == null || c.from <= line.date) && (c.to == null || line.date <= c.to)).map((c) => c.convention);
      }));
      engines.set(key, e);
    }
    return e;
  };
  const serviceOf = (code, state) => (state.pair ? state.pair.ambulatory : code);
  const lineFacts = (c, history, institutions, ledger) => {
    const state = ctx.nomenclature.state(c.code, c.date);
    return { code: c.code, date: c.date, units: c.units ?? 1, stay: c.stay ? (c.stay.id ?? `@${c.stay.admission}`) : null, service: serviceOf(c.code, state), state, history, institutions, institution: c.institution ?? null, ledger };
  };

  const lines = [];
  let carry = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const parts = (carry + chunk).split('\n');
    carry = parts.pop();
    for (const l of parts) { if (lines.length < sample) lines.push(l); }
    if (lines.length >= sample) break;
  }
  /** One pass over the sample: JSON.parse, decide every claim with json-rules-engine, JSON.stringify. */
  const pass = async (keep, count = lines.length) => {
    let bytes = 0;
    for (let k = 0; k < count; k++) {
      const text = lines[k];
      let req;
      try { req = JSON.parse(text); } catch (e) { bytes += JSON.stringify({ error: e.message }).length; continue; }
      if (!Array.isArray(req.claims)) { bytes += JSON.stringify({ error: 'invalid' }).length; continue; }
      const institutions = new Map((req.institutions ?? []).map((i) => [i.id, i]));
      const ledger = [];
      for (const h of req.history ?? []) {
        const st = ctx.nomenclature.state(h.code, h.date);
        ledger.push({ code: h.code, date: h.date, units: h.units ?? 1, stay: h.stay ? (h.stay.id ?? `@${h.stay.admission}`) : null, service: serviceOf(h.code, st) });
      }
      const order = req.claims.map((_, i) => i).sort((a, b) => (req.claims[a].date < req.claims[b].date ? -1 : req.claims[a].date > req.claims[b].date ? 1 : a - b));
      const decisions = new Array(req.claims.length);
      for (const i of order) {
        const c = req.claims[i];
        const line = lineFacts(c, req.history ?? [], institutions, ledger);
        const e = engineFor(c.code, line.state.article && line.state.convention === null ? normalise(line.state.article) : null);
        let violated = [];
        if (!e.empty) {
          const { events } = await e.run({ line, code: c.code, date: c.date, institution: line.institution, providerSpecialty: c.provider?.specialty ?? null });
          violated = events.filter((ev) => ev.type === 'violated').map((ev) => ev.params.rule);
        }
        if (violated.length === 0) ledger.push({ code: line.code, date: line.date, units: line.units, stay: line.stay, service: line.service });
        decisions[i] = { claim: c.id, status: violated.length ? 'rejected' : 'accepted', violated };
      }
      bytes += JSON.stringify({ beneficiary: req.beneficiary?.id ?? null, decisions }).length;
      if (keep) keep.push([req, decisions]);
    }
    return bytes;
  };
  // A first pass builds the engines and warms the JIT; the second is timed (in favour of
  // json-rules-engine: its rule loading is not counted). The single engine is slow enough that one
  // line warms it.
  await pass(null, mode === 'single' ? Math.min(1, lines.length) : lines.length);
  const decided = [];
  const t0 = performance.now();
  const bytes = await pass(decided);
  const ms = performance.now() - t0;
  // agreement with nomen on the rules both express (nomen decides the same requests in-process)
  const agree = { claims: 0, same: 0 };
  for (const [req, decisions] of decided) {
    const v = ctx.validate(req);
    if (!v.ok) continue;
    ctx.decide(v.request).decisions.forEach((d, i) => {
      const mine = d.reasons.filter((r) => r.outcome === 'violated' && expressible.has(r.rule)).map((r) => r.rule).sort().join();
      agree.claims++;
      if (mine === decisions[i].violated.slice().sort().join()) agree.same++;
    });
  }
  return { mode, lines: lines.length, ms, bytes, engines: engines.size, rulesExpressed: expressible.size, agreement: agree.claims ? round(agree.same / agree.claims, 4) : null };
}

let normalise = (a) => a;

async function inProcessEngine(db) {
  const { openStore } = await import('../dist/store/open.js');
  const { engineFromStore } = await import('../dist/pipeline.js');
  const { decide, validateRequest } = await import('../dist/engine/index.js');
  const { normaliseArticle } = await import('../dist/rules/coderef.js');
  normalise = normaliseArticle;
  const store = await openStore(db);
  try {
    const ctx = await engineFromStore(store, {});
    return { ...ctx, validate: validateRequest, decide: (r) => decide(r, ctx) };
  } finally {
    await store.close();
  }
}

// --- the workload ---------------------------------------------------------------------------

async function prepare(dir, { lines, small, services, acts }) {
  const manifest = join(dir, 'manifest.json');
  const want = { lines, small, services, acts, version: 1 };
  if (existsSync(manifest) && JSON.stringify(JSON.parse(readFileSync(manifest, 'utf8')).params) === JSON.stringify(want)) {
    return { ...JSON.parse(readFileSync(manifest, 'utf8')), reused: true };
  }
  const t0 = performance.now();
  const { builtinNomenclature } = await import('../dist/nomenclature/index.js');
  const catalogue = generateRuleActs(join(dir, 'acts'), { services, acts, avoid: new Set(builtinNomenclature().codes()) });
  const db = join(dir, 'bench.db');
  rmSync(db, { force: true });
  const { openStore } = await import('../dist/store/open.js');
  const { parseDocument, decodeText } = await import('../dist/corpus/detect.js');
  const store = await openStore(db); // loads the built-in corpus
  await store.ingest(catalogue.files.map((file) => { const raw = decodeText(readFileSync(file), file); return { file, raw, doc: parseDocument(raw, file) }; }));
  await store.close();
  const dbMs = performance.now() - t0;
  const t1 = performance.now();
  const file = join(dir, 'requests.ndjson');
  const smallFile = join(dir, 'requests-small.ndjson');
  const workload = writeRequests(file, { lines, catalogue, prefixFile: smallFile, prefixLines: small });
  const out = {
    params: want, db, file, smallFile, workload,
    generated: { services, rulesOfGeneratedServices: catalogue.services.filter((s) => s.rule || s.child).length, deleted: catalogue.services.filter((s) => s.deleted).length },
    setupMs: { database: round(dbMs, 0), requests: round(performance.now() - t1, 0) },
  };
  writeFileSync(manifest, JSON.stringify(out, null, 2));
  return out;
}

async function main() {
  const lines = Number(option('lines', 1_000_000));
  const small = Number(option('small', Math.round(lines / 10)));
  const services = Number(option('services', 30_000));
  const acts = Number(option('acts', 2000));
  const jreSample = Math.min(lines, Number(option('jre-sample', 10_000)));
  const jreSingleSample = Math.min(lines, Number(option('jre-single-sample', 5)));
  const runs = new Set(String(option('runs', 'all,failed,small,serial')).split(','));
  const keep = option('dir', null);
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'nomen-engine-bench-'));
  mkdirSync(dir, { recursive: true });
  const log = (m) => process.stderr.write(`[bench] ${m}\n`);
  try {
    log(`workload in ${dir}`);
    const w = await prepare(dir, { lines, small, services, acts });
    log(`${w.reused ? 'reused' : 'generated'}: ${JSON.stringify(w.workload)}`);

    log('floor (JSON.parse + JSON.stringify)…');
    const fl = await timed([SELF, '--floor', w.file]);
    const nomen = (file, extra) => timed([BIN, 'check', '--ndjson', file, '--db', w.db, ...extra]);
    // the start-up (database load, rule compilation in every worker) on a one-line stream, to say where time goes
    const one = join(dir, 'one.ndjson');
    writeFileSync(one, readFileSync(w.smallFile, 'utf8').split('\n', 1)[0] + '\n');
    log('nomen start-up (one line)…');
    const start = await nomen(one, []);
    const result = {};
    if (runs.has('all')) { log(`nomen check --ndjson (reasons all), ${lines} lines…`); result.all = await nomen(w.file, []); }
    if (runs.has('failed')) { log(`nomen check --ndjson --reasons failed, ${lines} lines…`); result.failed = await nomen(w.file, ['--reasons', 'failed']); }
    if (runs.has('small')) { log(`nomen check --ndjson (reasons all), ${small} lines (memory check)…`); result.small = await nomen(w.smallFile, []); }
    if (runs.has('serial')) { log(`nomen check --ndjson --jobs 1 (one thread), ${lines} lines…`); result.serial = await nomen(w.file, ['--jobs', '1']); }

    log(`json-rules-engine on the first ${jreSample} lines…`);
    const ctx = await inProcessEngine(w.db);
    const jre = await jreBench(w.file, jreSample, ctx, 'per-code');
    log(`json-rules-engine, one engine with every rule, on the first ${jreSingleSample} lines…`);
    const jreSingle = await jreBench(w.file, jreSingleSample, ctx, 'single');

    const perLine = (ms, n) => round((ms * 1000) / n, 1);
    const run = (r, n) => r && { ms: round(r.ms, 0), usPerLine: perLine(r.ms, n), peakRssMiB: r.rssMiB, ratioToFloor: round(r.ms / fl.ms), stats: r.stderr.split('\n').filter((l) => l.startsWith('nomen:')).join(' ') };
    const allRun = run(result.all, lines);
    const failedRun = run(result.failed, lines);
    const serialRun = run(result.serial, lines);
    const jreUs = perLine(jre.ms, jre.lines);
    const summary = {
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      workload: { ...w.workload, generated: w.generated, setupMs: w.setupMs, reused: !!w.reused },
      floor: { ms: round(fl.ms, 0), usPerLine: perLine(fl.ms, lines), peakRssMiB: fl.rssMiB },
      nomenStartup: { ms: round(start.ms, 0), peakRssMiB: start.rssMiB },
      nomen: { jobs: (await import('node:os')).availableParallelism(), reasonsAll: allRun, reasonsFailed: failedRun, reasonsAllOneThread: serialRun },
      memory: result.small && result.all ? { lines: { small, large: lines }, peakRssMiB: { small: result.small.rssMiB, large: result.all.rssMiB }, growth: round(result.all.rssMiB / result.small.rssMiB) } : null,
      jsonRulesEngine: Object.fromEntries([['perCodeEngines', jre], ['singleEngine', jreSingle]].map(([k, j]) => {
        const us = perLine(j.ms, j.lines);
        return [k, {
          how: `${j.mode === 'single' ? 'one Engine with every expressible rule, each guarded by a condition on the code' : 'one Engine per code with only its rules (tuned)'}; in-process, the first ${j.lines} lines of the same stream (JSON.parse, decide, JSON.stringify), second pass timed (engines built, JIT warm), scaled per line; no process start or rule loading counted`,
          ms: round(j.ms, 0), usPerLine: us, engines: j.engines, rulesExpressed: j.rulesExpressed, agreementWithNomen: j.agreement,
          speedupOfNomenReasonsAll: allRun ? round(us / allRun.usPerLine, 1) : null,
          speedupOfNomenReasonsFailed: failedRun ? round(us / failedRun.usPerLine, 1) : null,
        }];
      })),
      targets: {
        endToEndAtMost3xFloor: allRun ? { reasonsAll: allRun.ratioToFloor <= 3, reasonsFailed: failedRun ? failedRun.ratioToFloor <= 3 : null, reasonsAllOneThread: serialRun ? serialRun.ratioToFloor <= 3 : null } : null,
        atLeast20xFasterThanJsonRulesEngine: allRun ? {
          singleEngine: { reasonsAll: perLine(jreSingle.ms, jreSingle.lines) / allRun.usPerLine >= 20, reasonsFailed: failedRun ? perLine(jreSingle.ms, jreSingle.lines) / failedRun.usPerLine >= 20 : null },
          perCodeEngines: { reasonsAll: jreUs / allRun.usPerLine >= 20, reasonsFailed: failedRun ? jreUs / failedRun.usPerLine >= 20 : null },
        } : null,
      },
    };
    console.log(JSON.stringify(summary, null, 2));
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--floor') await floor(process.argv[3]);
else await main();
