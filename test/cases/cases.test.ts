/**
 * The legal case suite: every test/cases/*.yaml file holds cases (request → expected decisions)
 * for the numbered rules of the three source documents, on both sides of each boundary. They run
 * against the built-in corpus (builtinNomenclature + the rules extracted from builtinDocuments
 * and curated in rules/*.yaml).
 *
 * File format:
 *   corpus: [test/fixtures/…]                          # optional: documents added to the built-in corpus
 *   defaults: { beneficiary, institutions, claim }   # merged into every case (claim: into every line)
 *   cases:
 *     - name, seed (the numbered rule of seed-rules.md), request, expect
 * `expect` maps a claim id to `accepted` / `rejected`, or to an object:
 *   { status, violated: [...], warning: [...], satisfied: [...], notViolated: [...], fee, reimbursement,
 *     keyLetter, relativeValue, setting, message }
 * where list items are rule ids or contract kinds. A claim field set to null in a case removes the default.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createEngine, decide, validateRequest, type CheckResponse, type Decision } from '../../src/engine/index.js';
import { builtinDocuments, builtinNomenclature, MemoryNomenclature } from '../../src/nomenclature/index.js';
import { decodeText, parseDocument } from '../../src/corpus/detect.js';
import { CONTRACT_KINDS } from '../../src/rules/types.js';

type Obj = Record<string, unknown>;
interface Expectation {
  status?: 'accepted' | 'rejected';
  violated?: string[];
  warning?: string[];
  satisfied?: string[];
  notViolated?: string[];
  absent?: string[];
  fee?: string | null;
  reimbursement?: string | null;
  keyLetter?: string | null;
  relativeValue?: string | null;
  setting?: string;
  message?: string;
  /** The eFact codes of the violated reasons, in order (null: none applies). */
  efact?: (string | null)[];
  /** The eTarif refusal values of the violated reasons, in order. */
  etarif?: (string | null)[];
}
interface Case {
  name: string;
  seed?: string;
  request: Obj;
  expect: Record<string, 'accepted' | 'rejected' | Expectation>;
  locale?: 'en' | 'fr' | 'nl';
}
interface CaseFile {
  corpus?: string[];
  defaults?: { beneficiary?: Obj; institutions?: unknown[]; claim?: Obj };
  cases: Case[];
}

const dir = fileURLToPath(new URL('./', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const engine = createEngine({ nomenclature: builtinNomenclature(), documents: builtinDocuments() });
const KINDS = new Set<string>(CONTRACT_KINDS);
const root = fileURLToPath(new URL('../../', import.meta.url));

/** The engine of a case file: the built-in corpus, plus the file's own documents when it names some. */
function engineOf(data: CaseFile) {
  if (!data.corpus?.length) return engine;
  const docs = [...builtinDocuments(), ...data.corpus.map((f) => parseDocument(decodeText(readFileSync(root + f), f), f))];
  return createEngine({ nomenclature: MemoryNomenclature.fromDocuments(docs), documents: docs });
}

function withDefaults(line: Obj, defaults: Obj | undefined): Obj {
  const out: Obj = { ...(defaults ?? {}) };
  for (const [k, v] of Object.entries(line)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

function build(c: Case, d: CaseFile['defaults']): Obj {
  const r = c.request;
  const req: Obj = {};
  const beneficiary = r.beneficiary === null ? undefined : (r.beneficiary ?? d?.beneficiary);
  if (beneficiary) req.beneficiary = beneficiary;
  const institutions = r.institutions === null ? undefined : (r.institutions ?? d?.institutions);
  if (institutions) req.institutions = institutions;
  if (r.history) req.history = (r.history as Obj[]).map((l) => withDefaults(l, d?.claim));
  req.claims = (r.claims as Obj[]).map((l) => withDefaults(l, d?.claim));
  return req;
}

function matches(reason: Decision['reasons'][number], key: string): boolean {
  return KINDS.has(key) ? reason.kind === key : reason.rule === key;
}

function check(decision: Decision, e: Expectation | 'accepted' | 'rejected') {
  const exp: Expectation = typeof e === 'string' ? { status: e } : e;
  const where = `${decision.claim} (${decision.code}): ${JSON.stringify(decision.reasons.map((r) => [r.rule, r.outcome, r.message]), null, 1)}`;
  if (exp.status) expect(decision.status, where).toBe(exp.status);
  for (const [list, outcome] of [[exp.violated, 'violated'], [exp.warning, 'warning'], [exp.satisfied, 'satisfied']] as const) {
    for (const key of list ?? []) {
      expect(decision.reasons.some((r) => r.outcome === outcome && matches(r, key)), `${outcome} ${key} in ${where}`).toBe(true);
    }
  }
  for (const key of exp.notViolated ?? []) {
    expect(decision.reasons.some((r) => r.outcome === 'violated' && matches(r, key)), `not violated ${key} in ${where}`).toBe(false);
  }
  for (const key of exp.absent ?? []) {
    expect(decision.reasons.some((r) => matches(r, key)), `absent ${key} in ${where}`).toBe(false);
  }
  if ('fee' in exp) expect(decision.fee, `fee of ${decision.claim}`).toBe(exp.fee);
  if ('reimbursement' in exp) expect(decision.reimbursement, `reimbursement of ${decision.claim}`).toBe(exp.reimbursement);
  if ('keyLetter' in exp) expect(decision.keyLetter).toBe(exp.keyLetter);
  if ('relativeValue' in exp) expect(decision.relativeValue).toBe(exp.relativeValue);
  if (exp.setting) expect(decision.setting).toBe(exp.setting);
  if (exp.message) expect(decision.reasons.map((r) => r.message).join(' | ')).toContain(exp.message);
  const violated = decision.reasons.filter((r) => r.outcome === 'violated');
  if (exp.efact) expect(violated.map((r) => r.efact?.code ?? null), `eFact codes of ${where}`).toEqual(exp.efact);
  if (exp.etarif) expect(violated.map((r) => r.etarif ?? null), `eTarif values of ${where}`).toEqual(exp.etarif);
}

/** What every response must satisfy, whatever the case. */
function invariants(request: Obj, response: CheckResponse) {
  const claims = request.claims as Obj[];
  expect(response.decisions.map((d) => d.claim)).toEqual(claims.map((c) => c.id));
  for (const d of response.decisions) {
    const violated = d.reasons.filter((r) => r.outcome === 'violated');
    expect(d.status === 'rejected', `${d.claim}: rejected iff a violated reason`).toBe(violated.length > 0);
    for (const r of d.reasons) {
      expect(r.source.document.length, `${d.claim} ${r.rule}: source`).toBeGreaterThan(0);
      expect(r.source.text.length, `${d.claim} ${r.rule}: source text`).toBeGreaterThan(0);
      expect(r.message.length).toBeGreaterThan(0);
      // v1.1: a violated reason carries both refusal codes, a null one with its reason; others none
      if (r.outcome === 'violated') {
        expect(r.efact === null ? typeof r.efactReason : typeof r.efact, `${d.claim} ${r.rule}: efact`).toMatch(/string|object/);
        expect(r.etarif === null ? typeof r.etarifReason : typeof r.etarif, `${d.claim} ${r.rule}: etarif`).toBe('string');
      } else expect([r.efact, r.etarif], `${d.claim} ${r.rule}: no refusal code`).toEqual([undefined, undefined]);
    }
    for (const m of [d.fee, d.reimbursement]) if (m !== null) expect(m).toMatch(/^\d+\.\d\d$/);
  }
}

let total = 0;
for (const file of files) {
  const data = parse(readFileSync(dir + file, 'utf8')) as CaseFile;
  describe(file, () => {
    const engine = engineOf(data);
    for (const c of data.cases) {
      total++;
      it(`${c.seed ? `[${c.seed}] ` : ''}${c.name}`, () => {
        const request = build(c, data.defaults);
        const v = validateRequest(request);
        expect(v.ok ? [] : v.errors, 'request is valid').toEqual([]);
        if (!v.ok) return;
        const res = decide(v.request, c.locale ? { ...engine, locale: c.locale } : engine);
        invariants(request, res);
        for (const [id, e] of Object.entries(c.expect)) {
          const d = res.decisions.find((x) => x.claim === id);
          expect(d, `decision for ${id}`).toBeDefined();
          check(d!, e);
        }
      });
    }
  });
}

describe('the case suite', () => {
  it('has cases', () => {
    expect(total).toBeGreaterThan(50);
  });
});
