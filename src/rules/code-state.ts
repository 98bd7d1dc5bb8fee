/**
 * The generic checks every line goes through, as rule kinds like the others:
 * unknown-code (not six digits, invalid check digit, never seen), not-in-force (deleted, not
 * yet inserted; `referenced` gives a warning and the line goes on to its rules), and setting
 * (an ambulatory code during a stay, a hospitalised code without one: the right twin is named).
 */
import { isValidCode, withCheckDigit } from '../code.js';
import type { PeriodState, SourceRef } from '../nomenclature/types.js';
import type { CurrentLine, EvalContext } from './context.js';
import type { CompiledRule, RuleKind } from './kind.js';
import type { Detail, Outcome } from './outcomes.js';
import type { NoParams } from './params.js';

/** Six ASCII digits (no regex on the hot path). */
function sixDigits(c: string): boolean {
  if (c.length !== 6) return false;
  for (let i = 0; i < 6; i++) {
    const d = c.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return true;
}

/** The act behind a state, as a source (memoised per state: states are cached by the engine). */
const memo = new WeakMap<PeriodState, { first?: Outcome['source']; last?: Outcome['source'] }>();
function sourceOf(state: PeriodState, prefer: 'first' | 'last'): Outcome['source'] {
  let m = memo.get(state);
  if (m === undefined) { m = {}; memo.set(state, m); }
  if (!(prefer in m)) m[prefer] = pickSource(state, prefer);
  return m[prefer];
}

/** The last (or first) source with a sentence, else the last (first) one. */
function pickSource(state: PeriodState, prefer: 'first' | 'last'): Outcome['source'] {
  const list: SourceRef[] = state.sources;
  if (list.length === 0) return undefined;
  const withText = list.filter((s) => s.text);
  const pick = prefer === 'first' ? (withText[0] ?? list[0]) : (withText[withText.length - 1] ?? list[list.length - 1]);
  return { document: pick.document, article: pick.article, text: pick.text ?? pick.note ?? '' };
}

/** The detail of a line on a date inside the window of a change of unknown date. */
function uncertainDetail(line: CurrentLine, st: PeriodState): Extract<Detail, { code: 'code.uncertain' }> {
  const candidates = (st.candidates ?? []).map((c) => ({ status: c.status, keyLetter: c.keyLetter, relativeValue: c.relativeValue, fee: c.fee }));
  return { code: 'code.uncertain', service: line.code, date: line.date, candidates, earliest: st.window?.earliest ?? null, latest: st.window?.latest ?? null };
}

export const unknownCode: RuleKind<NoParams, null> = {
  name: 'unknown-code',
  reports: () => 'unknown-code',
  compile: () => null,
  alsoIndexOn: () => 'every-line',
  evaluate(line: CurrentLine): Outcome | null {
    const c = line.code;
    if (!sixDigits(c)) return { outcome: 'violated', halt: true, detail: { code: 'code.not-a-code', service: c } };
    if (!isValidCode(c)) {
      return { outcome: 'violated', halt: true, detail: { code: 'code.invalid-check-digit', service: c, expected: withCheckDigit(Number(c.slice(0, 5))) } };
    }
    if (line.state.status === 'unknown') return { outcome: 'violated', halt: true, detail: { code: 'code.unknown', service: c, date: line.date } };
    return null;
  },
};

export const notInForce: RuleKind<NoParams, null> = {
  name: 'not-in-force',
  reports: () => 'not-in-force',
  compile: () => null,
  alsoIndexOn: () => 'every-line',
  evaluate(line: CurrentLine): Outcome | null {
    const st = line.state;
    switch (st.status) {
      case 'deleted':
        return { outcome: 'violated', halt: true, source: sourceOf(st, 'last'), detail: { code: 'code.deleted', service: line.code, date: line.date, reason: st.statusReason } };
      case 'not-yet-in-force':
        return { outcome: 'violated', halt: true, source: sourceOf(st, 'first'), detail: { code: 'code.not-yet-in-force', service: line.code, date: line.date, reason: st.statusReason } };
      case 'referenced':
        return { outcome: 'warning', source: sourceOf(st, 'first'), detail: { code: 'code.referenced', service: line.code, date: line.date } };
      case 'uncertain':
        // A change of unknown date may be in force: a warning naming each possibility, never a silent fee.
        return { outcome: 'warning', source: sourceOf(st, 'last'), detail: uncertainDetail(line, st) };
      default:
        return null;
    }
  },
};

export const setting: RuleKind<NoParams, null> = {
  name: 'setting',
  reports: () => 'setting',
  compile: () => null,
  alsoIndexOn: () => 'every-line',
  evaluate(line: CurrentLine, _ctx: EvalContext, _rule: CompiledRule<NoParams, null>): Outcome | null {
    const st = line.state;
    if (st.setting === 'ambulatory' && line.stay !== null) {
      return {
        outcome: 'violated',
        source: sourceOf(st, 'first'),
        detail: { code: 'setting.ambulatory-code-in-stay', service: line.code, twin: st.pair ? st.pair.hospitalised : null, stay: line.stay, admission: line.admission! },
      };
    }
    if (st.setting === 'hospitalised' && line.stay === null) {
      return {
        outcome: 'violated',
        source: sourceOf(st, 'first'),
        detail: { code: 'setting.hospitalised-code-without-stay', service: line.code, twin: st.pair ? st.pair.ambulatory : null },
      };
    }
    return null;
  },
};
