// Workload of the engine benchmark (issue 3, batch speed): deterministic (seeded), written to disk.
//
//  1. generateRuleActs(dir): a synthetic nomenclature of Justel-style amending acts, in the phrasing
//     of real acts (bench/corpus-gen.js's layout), whose services carry rules of application in the
//     phrasings the extractor reads: per day / per year / once / per stay, non-cumulation with a
//     neighbouring service, prerequisite, minimum interval, children under seven (from the label).
//     Some acts delete earlier services. Returns the catalogue the request generator draws from.
//  2. writeRequests(file, …): NDJSON check requests. Each beneficiary sends ~10 requests over time
//     (invoices); a request holds 1–3 new claim lines and the beneficiary's earlier lines as
//     history (at most 8), so ~10 lines per request split between history and claims. Most
//     beneficiaries are treated with generated codes; some follow the built-in corpus (ablation,
//     breast reconstruction, royal decree of 1994: frequency, cumulation and tier rules), using the
//     legal cases of test/cases/*.yaml as templates. Lines violate rules at realistic rates, and a
//     few lines are malformed (not JSON, or not the schema) to exercise the error path.
// Memory is constant: beneficiaries are generated in blocks and written through one buffer.
import { mkdirSync, writeFileSync, readFileSync, readdirSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

import { rng, withCheck, LETTERS, WORDS, actDates, actText } from './corpus-gen.js';

export { rng };

/**
 * Rule mix of the generated services, in the proportions of the real corpus (88 rules over ~110
 * codes: frequency first, then cumulation and prerequisites, few intervals and age limits).
 * Cumulative thresholds on one draw per service; 40 % of services have no rule of their own.
 */
const MIX = [
  [0.2, 'day'], [0.3, 'year'], [0.35, 'once'], [0.4, 'stay'], [0.48, 'nc'], [0.55, 'pre'], [0.58, 'interval'], [0.6, 'child'],
];

function sentenceOf(kind, s, other) {
  const p = `${s.amb}-${s.hos}`;
  switch (kind) {
    case 'day': return `L'intervention de l'assurance pour la prestation n° ${p} est limitée à une fois par jour.`;
    case 'year': return `L'intervention de l'assurance pour la prestation n° ${p} est limitée à une seule fois par an.`;
    case 'once': return `L'intervention de l'assurance pour la prestation ${p} peut être octroyée au maximum une fois.`;
    case 'stay': return `La prestation n° ${p} ne peut être portée en compte qu'une seule fois pendant la même période d'hospitalisation.`;
    case 'nc': return `La prestation n° ${p} n'est pas cumulable avec les prestations n°s ${other.amb}-${other.hos}.`;
    case 'pre': return `La prestation n° ${p} doit être précédée de la prestation ${other.amb}-${other.hos}.`;
    case 'interval': return `La répétition de la prestation n° ${p} ne peut être portée en compte qu'après une période de deux mois.`;
    default: return null;
  }
}

/**
 * Writes `acts` acts inserting `services` services (ambulatory/hospitalised pairs) with their rules
 * into `dir`, skipping the codes of `avoid` (the built-in corpus). Returns { files, services: [{ amb, hos, rule, other, deleted, child }], lastEntry }.
 */
export function generateRuleActs(dir, { services = 30000, acts = 2000, seed = 42, avoid = new Set() } = {}) {
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  const files = [];
  const catalogue = [];
  const perAct = Math.ceil(services / acts);
  let stem = 10000;
  let lastEntry = '1996-01-01';
  for (let a = 0; a < acts; a++) {
    const act = actDates(a, r);
    const { entry } = act;
    if (entry > lastEntry) lastEntry = entry;
    const points = [];
    const first = catalogue.length;
    for (let i = 0; i < perAct && a * perAct + i < services; i++) {
      // ~2.5 stems per service keeps 30,000 services within six digits; codes of the built-in corpus are skipped
      do stem += 2 + (r() < 0.5 ? 1 : 0); while (avoid.has(withCheck(stem)) || avoid.has(withCheck(stem + 1)));
      if (stem + 1 > 99999) throw new Error(`too many services for six-digit codes (${catalogue.length})`);
      const s = { amb: withCheck(stem), hos: withCheck(stem + 1), rule: null, other: null, deleted: false, child: false };
      const x = r();
      const kind = (MIX.find(([t]) => x < t) ?? [0, null])[1];
      // a cumulation or prerequisite names a service of the same act (inserted before this one)
      const others = catalogue.length - first;
      if ((kind === 'nc' || kind === 'pre') && others > 0) { s.rule = kind; s.other = catalogue[first + Math.floor(r() * others)]; }
      else if (kind === 'child') s.child = true;
      else if (kind !== 'nc' && kind !== 'pre') s.rule = kind;
      const letter = LETTERS[Math.floor(r() * LETTERS.length)];
      const value = Math.floor(r() * 900) + 5;
      const words = `${WORDS[Math.floor(r() * WORDS.length)]} ${WORDS[Math.floor(r() * WORDS.length)]}`;
      const label = s.child ? `${words} chez l'enfant de moins de sept ans, n° ${a}-${i}` : `${words} de contrôle n° ${a}-${i}`;
      points.push(`${points.length + 1}° la prestation suivante est insérée :\n\n" ${s.amb}-${s.hos}\n\n${label[0].toUpperCase()}${label.slice(1)} ${letter} ${value}. "`);
      const sentence = s.rule ? sentenceOf(s.rule, s, s.other) : null;
      if (sentence) points.push(`${points.length + 1}° la règle d'application suivante est ajoutée après la prestation n° ${s.amb}-${s.hos} :\n\n" ${sentence} "`);
      catalogue.push(s);
    }
    // Some acts also change values and delete services inserted by earlier acts.
    if (a > 10 && first > 50) {
      const v = catalogue[Math.floor(r() * first)];
      points.push(`${points.length + 1}° la valeur relative "K 40" de la prestation n° ${v.amb}-${v.hos} est remplacée par "K 50";`);
      const victim = catalogue[Math.floor(r() * first)];
      if (!victim.deleted) {
        victim.deleted = true;
        points.push(`${points.length + 1}° la prestation n° ${victim.amb}-${victim.hos} est supprimée.`);
      }
    }
    const text = actText(act, points);
    const file = join(dir, `act-${String(a).padStart(4, '0')}.md`);
    writeFileSync(file, text);
    files.push(file);
  }
  return { files, services: catalogue, lastEntry };
}

// --- requests -------------------------------------------------------------------------------

const CASES_DIR = fileURLToPath(new URL('../test/cases/', import.meta.url));

/** The legal cases as complete requests (defaults merged as test/cases/cases.test.ts does). */
export function caseRequests(dir = CASES_DIR) {
  const out = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml')).sort()) {
    const data = parse(readFileSync(join(dir, f), 'utf8'));
    const d = data.defaults ?? {};
    const merge = (line) => {
      const o = { ...(d.claim ?? {}) };
      for (const [k, v] of Object.entries(line)) { if (v === null) delete o[k]; else o[k] = v; }
      return o;
    };
    for (const c of data.cases) {
      if (c.locale) continue; // one locale per batch run
      const r = c.request;
      const req = {};
      const b = r.beneficiary === null ? undefined : (r.beneficiary ?? d.beneficiary);
      if (b) req.beneficiary = b;
      const inst = r.institutions === null ? undefined : (r.institutions ?? d.institutions);
      if (inst) req.institutions = inst;
      if (r.history) req.history = r.history.map(merge);
      req.claims = r.claims.map(merge);
      out.push({ name: `${f}: ${c.name}`, request: req });
    }
  }
  return out;
}

function isoOf(dayNumber) {
  return new Date(dayNumber * 86400000).toISOString().slice(0, 10);
}
const dayOf = (iso) => Math.floor(Date.parse(iso) / 86400000);

const SPECIALTIES = ['general-medicine', 'surgery', 'internal-medicine', 'radiodiagnosis', 'cardiology', 'paediatrics'];
const SERVICES = ['C', 'D', 'E', 'G', 'M', 'N'];

/**
 * Writes `lines` NDJSON requests to `file` (and the first `prefixLines` of them to `prefixFile`
 * too, when given). `catalogue` is what generateRuleActs returned. Returns counts.
 */
export function writeRequests(file, { lines, catalogue, seed = 7, builtinShare = 0.15, malformedEvery = 20000, prefixFile = null, prefixLines = 0 }) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const live = catalogue.services.filter((s) => !s.deleted);
  const dead = catalogue.services.filter((s) => s.deleted);
  const templates = caseRequests();
  const start = dayOf(catalogue.lastEntry) + 31;
  const stats = { lines: 0, beneficiaries: 0, claims: 0, history: 0, builtin: 0, malformed: 0, bytes: 0 };

  const fd = openSync(file, 'w');
  const pfd = prefixFile ? openSync(prefixFile, 'w') : null;
  let buf = [];
  let size = 0;
  const flush = () => {
    if (!buf.length) return;
    const text = buf.join('');
    writeSync(fd, text);
    if (pfd !== null && stats.lines - buf.length < prefixLines) {
      // the prefix ends inside this buffer: write only its first lines
      const keep = prefixLines - (stats.lines - buf.length);
      writeSync(pfd, keep >= buf.length ? text : buf.slice(0, keep).join(''));
    }
    buf = [];
    size = 0;
  };
  const emit = (text) => {
    buf.push(text + '\n');
    size += text.length + 1;
    stats.lines++;
    stats.bytes += Buffer.byteLength(text) + 1;
    if (size >= 1 << 20) flush();
  };

  /** One claim line on a generated code, for a beneficiary. */
  const lineOn = (b, s, day, id, opts = {}) => {
    const stayed = opts.stay ?? (b.stay !== null && day >= b.stay.day && day < b.stay.day + 10);
    // 3 % of lines use the wrong twin (setting violation); 0.5 % a deleted code; 0.2 % a mistyped check digit
    const x = r();
    let code = stayed ? s.hos : s.amb;
    if (x < 0.03) code = stayed ? s.amb : s.hos;
    else if (x < 0.035 && dead.length) code = pick(dead).amb;
    else if (x < 0.037) code = code.slice(0, 5) + String((Number(code[5]) + 1) % 10);
    const c = { id, code, date: isoOf(day), provider: b.provider };
    if (stayed) c.stay = { id: b.stay.id, admission: isoOf(b.stay.day), service: b.stay.service };
    if (r() < 0.05) c.units = 2;
    return c;
  };

  const BLOCK = 1000;
  const perBeneficiary = 10;
  const total = Math.ceil(lines / perBeneficiary);
  for (let b0 = 0; b0 < total && stats.lines < lines; b0 += BLOCK) {
    const block = [];
    for (let k = b0; k < Math.min(total, b0 + BLOCK); k++) {
      const birth = start - Math.floor(r() * 90 * 365);
      const ben = { id: `B${String(k).padStart(7, '0')}`, birthDate: isoOf(birth), sex: r() < 0.52 ? 'F' : 'M', preferential: r() < 0.2 };
      const b = {
        ben,
        builtin: r() < builtinShare,
        day: start + Math.floor(r() * 365 * 6),
        services: [pick(live), pick(live), pick(live)],
        provider: { id: `P${Math.floor(r() * 50000)}`, specialty: pick(SPECIALTIES) },
        stay: null,
        past: [],
        n: 0,
      };
      block.push(b);
      stats.beneficiaries++;
    }
    for (let round = 0; round < perBeneficiary; round++) {
      for (const b of block) {
        if (stats.lines >= lines) break;
        if (malformedEvery && (stats.lines + 1) % malformedEvery === 0) {
          stats.malformed++;
          emit(stats.malformed % 2 ? `{"beneficiary":{"id":"${b.ben.id}"},"claims":[{"id":"x","code":"587134","date":"2024-11-` : JSON.stringify({ beneficiary: b.ben, claims: [{ id: 'x', code: '587134', date: '2024-02-30' }] }));
          continue;
        }
        if (b.builtin) {
          // a legal case as it stands, for this beneficiary (its own dates, history and institutions)
          const t = pick(templates).request;
          stats.builtin++;
          stats.claims += t.claims.length;
          stats.history += t.history?.length ?? 0;
          emit(JSON.stringify({ ...t, beneficiary: { ...(t.beneficiary ?? {}), id: b.ben.id } }));
          continue;
        }
        b.day += 1 + Math.floor(r() * 40);
        if (b.stay === null && r() < 0.15) b.stay = { id: `S${b.n}`, day: b.day, service: pick(SERVICES) };
        else if (b.stay !== null && b.day >= b.stay.day + 10) b.stay = null;
        const claims = [];
        const nClaims = 1 + (r() < 0.35 ? 1 : 0) + (r() < 0.1 ? 1 : 0);
        for (let i = 0; i < nClaims; i++) {
          const s = pick(b.services);
          // a prerequisite is usually billed first (earlier request or earlier line); 15 % miss it
          if (s.rule === 'pre' && r() < 0.85 && !b.past.some((l) => l.code === s.other.amb || l.code === s.other.hos)) claims.push(lineOn(b, s.other, b.day, `c${b.n++}`));
          claims.push(lineOn(b, s, b.day, `c${b.n++}`));
          // the same service again the same day (frequency), or its non-cumulable partner
          if (r() < 0.06) claims.push(lineOn(b, s, b.day, `c${b.n++}`));
          if (s.rule === 'nc' && r() < 0.1) claims.push(lineOn(b, s.other, b.day, `c${b.n++}`));
        }
        const history = b.past.slice(-8).map((l, i) => ({ ...l, id: `h${i}` }));
        const req = { beneficiary: b.ben };
        if (history.length) req.history = history;
        req.claims = claims;
        stats.claims += claims.length;
        stats.history += history.length;
        emit(JSON.stringify(req));
        for (const c of claims) b.past.push(c);
        if (b.past.length > 16) b.past.splice(0, b.past.length - 8);
      }
    }
  }
  flush();
  closeSync(fd);
  if (pfd !== null) closeSync(pfd);
  return stats;
}
