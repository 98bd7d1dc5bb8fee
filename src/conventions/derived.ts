/**
 * Values derived from a code's key letter and relative value on a date:
 *
 * - surgical assistance (royal decree of 12 August 1994, Art. 6, replacing art. 16, § 5 of the
 *   nomenclature from 1995-01-01): for a procedure of at least K 120, N 200 or I 200, the
 *   assistant's fee is 10 % of the procedure's relative value;
 * - the anaesthesia category of the ablation convention (4.1.3): a procedure whose relative
 *   value is at least K 400, N 600 or I 600.
 */
import { cmp, dec, fmtShort, money, mul, percentOf } from '../decimal.js';
import type { IsoDate } from '../date.js';
import type { CodeState, Nomenclature } from '../nomenclature/types.js';
import { BREAST, CITE, type Citation } from './sources.js';

/** A threshold by key letter: the minimum relative value for each letter it names. */
export interface LetterThreshold {
  id: string;
  title: string;
  minimum: Record<string, string>;
  /** First day the threshold applies (inclusive), or null. */
  from: IsoDate | null;
  source: Citation;
}

/** Decree 1994, Art. 6 (in force 1995-01-01): K 120, N 200, I 200. */
export const SURGICAL_ASSISTANCE: LetterThreshold = {
  id: 'surgical-assistance',
  title: 'Surgical assistance: 10 % of the relative value of a procedure of at least K 120, N 200 or I 200',
  minimum: { K: '120', N: '200', I: '200' },
  from: '1995-01-01',
  source: CITE.decreeAssistance,
};

/** Ablation convention, 4.1.3: anaesthesia during a procedure of at least K 400, N 600 or I 600. */
export const ANAESTHESIA_THRESHOLD: LetterThreshold = {
  id: 'anaesthesia-k400',
  title: 'Anaesthesia category: procedure of at least K 400, N 600 or I 600',
  minimum: { K: '400', N: '600', I: '600' },
  from: null,
  source: CITE.ablationAnaesthesia,
};

/** The share of the relative value paid for surgical assistance (Art. 6: "10 p.c."). */
export const ASSISTANCE_PERCENT = '10';

export type DerivedStatus = 'applies' | 'does-not-apply' | 'unknown';

export interface ThresholdAnswer {
  id: string;
  status: DerivedStatus;
  /** The minimum for the code's key letter ("K 120"), or null when the letter is not named. */
  threshold: string | null;
  reason: string;
  source: Citation;
}

export interface AssistanceAnswer extends ThresholdAnswer {
  /** The assistant's relative value ("K 63.3"), when it applies. */
  value: string | null;
  /** value × the coefficient of the code's key letter on the date, rounded half-up to the cent; null when unknown. */
  fee: string | null;
  feeBasis: string | null;
  /** What cannot be decided from the code alone. */
  warnings: { text: string; source: Citation }[];
}

export interface DerivedValues {
  code: string;
  at: IsoDate;
  status: CodeState['status'];
  keyLetter: string | null;
  relativeValue: string | null;
  coefficient: string | null;
  surgicalAssistance: AssistanceAnswer;
  anaesthesia: ThresholdAnswer;
}

function compare(t: LetterThreshold, state: CodeState): { status: DerivedStatus; threshold: string | null; reason: string } {
  const { keyLetter: k, relativeValue: rv } = state;
  if (state.status === 'unknown') return { status: 'unknown', threshold: null, reason: `${state.code} is unknown to the nomenclature` };
  if (!k || !rv) return { status: 'unknown', threshold: null, reason: `the key letter and relative value of ${state.code} on ${state.at} are unknown (${state.status})` };
  const min = t.minimum[k];
  if (min === undefined) return { status: 'does-not-apply', threshold: null, reason: `key letter ${k}: the threshold names only ${Object.keys(t.minimum).join(', ')}` };
  const ok = cmp(dec(rv), dec(min)) >= 0;
  return {
    status: ok ? 'applies' : 'does-not-apply',
    threshold: `${k} ${min}`,
    reason: `${k} ${fmtShort(dec(rv))} ${ok ? '≥' : '<'} ${k} ${min}`,
  };
}

/** Surgical assistance and anaesthesia threshold of a code in a given state. */
export function derivedFromState(state: CodeState): DerivedValues {
  const warnings: AssistanceAnswer['warnings'] = [];
  let a = compare(SURGICAL_ASSISTANCE, state);
  if (SURGICAL_ASSISTANCE.from && state.at < SURGICAL_ASSISTANCE.from) {
    a = { status: 'unknown', threshold: a.threshold, reason: `before ${SURGICAL_ASSISTANCE.from}, art. 16, § 5 read otherwise (the text replaced by the decree of 12 August 1994 is not in the corpus)` };
  }
  let value: string | null = null;
  let fee: string | null = null;
  let feeBasis: string | null = null;
  if (a.status === 'applies') {
    const v = percentOf(state.relativeValue!, ASSISTANCE_PERCENT);
    value = `${state.keyLetter} ${fmtShort(v)}`;
    if (state.coefficient) {
      fee = money(mul(v, dec(state.coefficient)));
      feeBasis = `${fmtShort(v)} × ${state.coefficient} (coefficient of ${state.keyLetter} for ${state.code} on ${state.at}), rounded half-up to the cent`;
    } else {
      feeBasis = `the coefficient of ${state.keyLetter} for ${state.code} on ${state.at} is unknown`;
    }
    warnings.push({ text: 'only for surgical procedures or interventional procedures under imaging control', source: CITE.decreeAssistance });
    warnings.push({ text: 'not reimbursed for diagnostic endoscopy nor for non-bloody interventions (not decidable from the code alone)', source: CITE.decreeAssistanceExclusion });
    if (state.convention === BREAST) {
      a = { ...a, status: 'does-not-apply', reason: `${a.reason}, but the breast reconstruction fee already covers the surgical assistance` };
      warnings.push({ text: 'the breast reconstruction fees cover the surgeon and the surgical assistance', source: CITE.breastFeeCoversAssistance });
      value = null;
      fee = null;
      feeBasis = null;
    }
  }
  const an = compare(ANAESTHESIA_THRESHOLD, state);
  return {
    code: state.code,
    at: state.at,
    status: state.status,
    keyLetter: state.keyLetter,
    relativeValue: state.relativeValue,
    coefficient: state.coefficient,
    surgicalAssistance: { id: SURGICAL_ASSISTANCE.id, ...a, source: SURGICAL_ASSISTANCE.source, value, fee, feeBasis, warnings },
    anaesthesia: { id: ANAESTHESIA_THRESHOLD.id, ...an, source: ANAESTHESIA_THRESHOLD.source },
  };
}

/** Surgical assistance and anaesthesia threshold of `code` on `at`. */
export function derivedValues(nomenclature: Nomenclature, code: string, at: IsoDate): DerivedValues {
  return derivedFromState(nomenclature.state(code, at));
}

const S: Record<DerivedStatus, string> = { applies: 'yes', 'does-not-apply': 'no', unknown: 'unknown' };

/** Readable rendering. */
export function renderDerived(d: DerivedValues): string {
  const out: string[] = [];
  out.push(`${d.code} on ${d.at}: ${d.keyLetter && d.relativeValue ? `${d.keyLetter} ${d.relativeValue}` : 'value unknown'} (${d.status})`);
  const a = d.surgicalAssistance;
  out.push(`  surgical assistance: ${S[a.status]} — ${a.reason}`);
  if (a.value) out.push(`    value ${a.value}${a.fee ? `, fee ${a.fee} EUR (${a.feeBasis})` : ` (${a.feeBasis})`}`);
  out.push(`    [${a.source.document}, ${a.source.article}] « ${a.source.text} »`);
  for (const w of a.warnings) out.push(`    note: ${w.text} [${w.source.document}, ${w.source.article}]`);
  const n = d.anaesthesia;
  out.push(`  anaesthesia category ≥ K 400 / N 600 / I 600: ${S[n.status]} — ${n.reason}`);
  out.push(`    [${n.source.document}, ${n.source.article}] « ${n.source.text} »`);
  return out.join('\n');
}
