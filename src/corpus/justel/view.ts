/**
 * Compact, complete views of the facts of a parsed act (everything but the provenance spans),
 * for golden tests and for reading a parse by eye.
 */
import type { Amendment, CodeSet, RuleText, Value } from '../../facts.js';

/** "474552-474563" or "599001". */
export function codesText(c: CodeSet): string {
  return c.kind === 'pair' ? `${c.ambulatory}-${c.hospitalised}` : c.code;
}

/** "K 30", "C 21.5", or null. */
export function valueText(v: Value | null): string | null {
  return v ? `${v.keyLetter} ${v.relativeValue}` : null;
}

/** Every field of an amendment except its provenance span and text (its note is kept). */
export function amendmentView(a: Amendment): Record<string, unknown> {
  const base = { id: a.id, source: a.source, target: a.target, effective: a.effective, op: a.op };
  const note = a.provenance.note ?? null;
  switch (a.op) {
    case 'insert-service':
      return {
        ...base, codes: codesText(a.service.codes), value: valueText(a.service.value), label: a.service.label,
        heading: a.service.heading ?? null, nomenclatureArticle: a.service.nomenclatureArticle, after: a.after, note,
      };
    case 'delete-service':
      return { ...base, codes: codesText(a.codes), note };
    case 'change-value':
      return { ...base, codes: codesText(a.codes), from: valueText(a.from), to: valueText(a.to), note };
    case 'change-label':
      return { ...base, codes: codesText(a.codes), label: a.label, note };
    case 'insert-rule':
    case 'replace-rule':
      return { ...base, codes: a.codes, replaces: a.replaces, text: a.text, note };
    case 'repeal-rule':
      return { ...base, codes: a.codes, text: a.text, note };
    case 'replace-text':
      return { ...base, old: a.old, new: a.new, codes: a.codes, note };
    case 'remove-codes-from-text':
      return { ...base, codes: a.codes, note };
  }
}

/** Every field of a rule text except its provenance span and text (its note is kept). */
export function ruleView(r: RuleText): Record<string, unknown> {
  return { id: r.id, article: r.article, codes: r.codes, ranges: r.ranges, text: r.text, note: r.provenance.note ?? null };
}
