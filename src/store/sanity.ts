/**
 * What an ingest refuses as nonsense, before anything is written (issue 12, item 6):
 *  - values no act states: a relative value or coefficient that is not a positive decimal of
 *    reasonable size (−2,85 gave 587134 a fee of −1804.05; a 100,000-digit coefficient a
 *    100,006-character fee), dates outside 1900–2199;
 *  - a replacement that loses what the held text states (services, amendments, its entry into
 *    force): a copy cut short would otherwise move every amendment's entry into force;
 *  - a convention with the title of another held convention (a copy cut short of a convention
 *    has another content hash, hence another id: it would become a second document).
 * The last two pass with `force` (CLI --force, API ?force=true).
 */
import type { CodeSet, ParsedDocument, Provenance } from '../facts.js';
import { IngestRefused } from './refusal.js';

/** Bounds of a value as the acts write them: at most 6 digits before the decimal point and 8 after, above zero. */
const VALUE = /^\d{1,6}(\.\d{1,8})?$/;
const DATES = { from: '1900-01-01', to: '2199-12-31' };

const codesText = (c: CodeSet): string => (c.kind === 'pair' ? `${c.ambulatory}-${c.hospitalised}` : c.code);

function refuse(file: string, doc: ParsedDocument, p: Provenance | null, what: string): never {
  const where = p ? `${p.article}${p.text ? ` « ${p.text.length > 160 ? p.text.slice(0, 157) + '…' : p.text} »` : ''}` : 'its dates';
  throw new IngestRefused(`${file}: ${doc.id}, ${where}: ${what}; nothing was ingested`, file, p ? { document: doc.id, article: p.article, text: p.text } : null, 'implausible-value');
}

/** Refuses a document stating a value or date outside the bounds, naming its article and sentence. */
export function checkValues(file: string, doc: ParsedDocument): void {
  const value = (v: string, what: string, p: Provenance | null) => {
    if (!VALUE.test(v) || !/[1-9]/.test(v)) refuse(file, doc, p, `${what} "${v.length > 40 ? v.slice(0, 40) + '…' : v}" is not a positive number of at most 6 digits and 8 decimals`);
  };
  const date = (d: string | null | undefined, what: string, p: Provenance | null) => {
    if (d && (d < DATES.from || d > DATES.to)) refuse(file, doc, p, `${what} ${d} is not between ${DATES.from} and ${DATES.to}`);
  };
  for (const s of doc.services) if (s.value) value(s.value.relativeValue, `the relative value of ${codesText(s.codes)}`, s.provenance);
  for (const f of doc.fees) {
    value(f.relativeValue, `the relative value of ${codesText(f.codes)}`, f.provenance);
    value(f.coefficient, `the coefficient of ${codesText(f.codes)}`, f.provenance);
  }
  for (const a of doc.amendments) {
    date(a.effective, 'the entry into force', a.provenance);
    if (a.op === 'insert-service' && a.service.value) value(a.service.value.relativeValue, `the relative value of ${codesText(a.service.codes)}`, a.provenance);
    if (a.op === 'change-value') value(a.to.relativeValue, `the new relative value of ${codesText(a.codes)}`, a.provenance);
  }
  for (const c of doc.coefficients ?? []) {
    value(c.coefficient, `the coefficient of ${c.keyLetter}`, c.provenance);
    date(c.from, 'the first day', c.provenance);
    date(c.to, 'the last day', c.provenance);
  }
  // last: a document's dates come from the statements above, which name their sentence
  for (const [k, d] of Object.entries(doc.dates)) if (typeof d === 'string' && /^\d{4}-\d\d-\d\d$/.test(d)) date(d, `the date (${k})`, null);
}

/** What a document states that a replacement must keep: its services, amendments and entry into force, as readable keys. */
function statements(doc: ParsedDocument): { services: Set<string>; amendments: Set<string> } {
  const services = new Set(doc.services.map((s) => `service ${codesText(s.codes)}`));
  const amendments = new Set(
    doc.amendments.map((a) => {
      const codes = 'service' in a ? codesText(a.service.codes) : 'codes' in a ? (Array.isArray(a.codes) ? a.codes.join(' ') : codesText(a.codes)) : '';
      return `${a.op}${codes ? ` ${codes}` : ''} (${a.provenance.article})`;
    }),
  );
  return { services, amendments };
}

/** What replacing `before` by `after` would lose (empty: nothing). */
export function losses(before: ParsedDocument, after: ParsedDocument): string[] {
  const b = statements(before);
  const a = statements(after);
  const out = [...b.services].filter((s) => !a.services.has(s)).concat([...b.amendments].filter((s) => !a.amendments.has(s)).map((s) => `amendment ${s}`));
  const was = before.dates;
  const now = after.dates;
  if (was.entryIntoForce !== null && (was.entryIntoForce !== now.entryIntoForce || was.entryIntoForceBasis !== now.entryIntoForceBasis)) {
    out.push(`its entry into force ${was.entryIntoForce} (${was.entryIntoForceBasis}), which would become ${now.entryIntoForce ?? 'unknown'} (${now.entryIntoForceBasis})`);
  }
  return out;
}

/** Refuses a replacement that would lose statements of the held document, listing them. */
export function refuseLosses(file: string, before: ParsedDocument, after: ParsedDocument): void {
  const lost = losses(before, after);
  if (lost.length === 0) return;
  const shown = lost.slice(0, 20).join('; ') + (lost.length > 20 ? `; and ${lost.length - 20} more` : '');
  throw new IngestRefused(
    `${file}: replacing ${before.id} would lose ${lost.length} statement${lost.length > 1 ? 's' : ''} of the held text (${shown}); a copy cut short is refused: ingest the whole text, or --force (API: ?force=true) to replace it anyway; nothing was ingested`,
    file,
    null,
    'replacement-loses',
    lost,
  );
}

const folded = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

type Counts = Record<string, number>;

/** What a convention states, as counts, and how its entry into force was found. */
export interface Statement {
  counts: Counts;
  basis: string;
}

/**
 * True when `part` states no more than `whole` in any count, and less in one or not the same entry
 * into force: what a copy cut short gives (its last clauses, the entry into force and term among
 * them, are gone).
 */
const cutShort = (part: Statement, whole: Statement) =>
  Object.keys(whole.counts).every((k) => (part.counts[k] ?? 0) <= whole.counts[k]) &&
  (Object.keys(whole.counts).some((k) => (part.counts[k] ?? 0) < whole.counts[k]) || part.basis !== whole.basis);

/**
 * Refuses a convention that looks like a copy cut short of another held one: the same title, and
 * less of everything it states (another content, hence another id: it would become a second
 * document). A text of that title with other content (another version) is left to the other checks.
 */
export function refuseSecondConvention(file: string, doc: ParsedDocument, stated: Statement, held: { id: string; kind: string; title: string; stated: Statement | null }[]): void {
  if (doc.kind !== 'convention') return;
  const same = held.find((h) => h.kind === 'convention' && h.id !== doc.id && folded(h.title) === folded(doc.title) && h.stated !== null && cutShort(stated, h.stated));
  if (!same) return;
  const was = same.stated!;
  throw new IngestRefused(
    `${file}: a convention titled « ${doc.title} » is already held as ${same.id}, and this text states no more than it (${Object.entries(stated.counts).filter(([k, v]) => v !== was.counts[k]).map(([k, v]) => `${k} ${v} of ${was.counts[k]}`).join(', ') || 'as many statements'}; entry into force: ${stated.basis}): a copy cut short would become a second document; ingest the whole text, or --force (API: ?force=true) to keep both; nothing was ingested`,
    file,
    null,
    'second-convention',
    [same.id],
  );
}
