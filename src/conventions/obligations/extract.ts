/**
 * Recognisers: obligations read from a convention's own sentences, as claim rules are (the
 * phrasings recur across conventions of a family). A volume of services over a transition
 * period then per year ("au minimum 60 ablations … sur une période de 3 ans (période
 * transitoire)", "Après la période de transition …, au moins 30 ablations … par an"), and a
 * billing delay ("facturer les prestations d'ablation … dans les deux mois suivant la
 * réalisation de la prestation"). Each obligation cites its sentence and the clause that states
 * the figure; a sentence that is not one of these phrasings gives no obligation (never a guess).
 */
import { isValidCode } from '../../code.js';
import type { ParsedDocument } from '../../facts.js';
import { fold } from '../../text.js';
import { frenchNumber } from '../../corpus/convention/terms.js';
import type { Citation } from '../sources.js';
import type { BillingDelayParams, VolumeParams } from './kinds.js';
import type { Obligation } from './types.js';

/** The codes a sentence names (both codes of each pair), and how it writes them. */
export function codesIn(text: string): { codes: string[]; written: string[] } {
  const codes: string[] = [];
  const written: string[] = [];
  for (const m of text.matchAll(/\b(\d{6})(?:\s*-\s*(\d{6}))?\b/g)) {
    const pair = [m[1], m[2]].filter((c): c is string => c !== undefined && isValidCode(c));
    if (pair.length === 0) continue;
    for (const c of pair) if (!codes.includes(c)) codes.push(c);
    written.push(pair.join('-'));
  }
  return { codes, written };
}

/** "ablations percutanées" → "ablation": the first word, singular. */
export function nounOf(phrase: string): string {
  const w = fold(phrase).replace(/[’']/g, ' ').trim().split(/\s+/)[0] ?? 'service';
  return w.replace(/s$/, '') || 'service';
}

const TRANSITION = /au (?:minimum|moins) (\d+) ([^\d()]+?) (?:sur|pendant|au cours d['’]une) (?:une )?période de (\S+) ans \(période (?:transitoire|de transition)\)/i;
const YEARLY = /au (?:moins|minimum) (\d+) ([^\d()]+?) par (?:an|année)\b/i;
const AFTER_TRANSITION = /après la période (?:de transition|transitoire)/i;
const BILLING = /factur\S* les prestations (?:d['’]|de |des |du )(.+?) dans les (\S+) mois (?:suivant|qui suivent) la réalisation de la prestation/i;

/** The obligations the sentences of one convention state in a recognised phrasing. */
export function extractObligations(doc: ParsedDocument): Obligation[] {
  if (doc.kind !== 'convention') return [];
  const convention = doc.convention ?? doc.id;
  const cite = (article: string, text: string, clause?: string): Citation => ({ document: doc.id, article, text, ...(clause ? { clause } : {}) });
  const out: Obligation[] = [];

  // Volume: a transition period and a yearly minimum over the services the sentences name.
  let transition: { years: number; min: number; citation: Citation; noun: string; codes: ReturnType<typeof codesIn> } | null = null;
  let yearly: { min: number; citation: Citation; noun: string; codes: ReturnType<typeof codesIn> } | null = null;
  for (const r of doc.rules) {
    const t = TRANSITION.exec(r.text);
    const years = t ? frenchNumber(t[3]) : null;
    if (t && years !== null && !transition) {
      transition = { years, min: Number(t[1]), citation: cite(r.article, r.text, t[0]), noun: nounOf(t[2]), codes: codesIn(r.text) };
      continue;
    }
    const y = AFTER_TRANSITION.test(r.text) || !TRANSITION.test(r.text) ? YEARLY.exec(r.text) : null;
    if (y && !yearly && /\bcentre\b/i.test(r.text)) yearly = { min: Number(y[1]), citation: cite(r.article, r.text, y[0]), noun: nounOf(y[2]), codes: codesIn(r.text) };
  }
  const volumeCodes = (transition ?? yearly)?.codes ?? null;
  if (transition || yearly) {
    const noun = (transition ?? yearly)!.noun;
    const params: VolumeParams = {
      transition: transition ? { years: transition.years, min: [{ from: null, value: transition.min, citation: transition.citation }], citation: transition.citation } : null,
      yearly: yearly ? { min: [{ from: null, value: yearly.min, citation: yearly.citation }], citation: yearly.citation } : null,
    };
    out.push({
      id: `${noun}.volume`, kind: 'volume', convention, services: volumeCodes!.codes, servicesText: volumeCodes!.written.join(', '), noun, params,
      // Each period's figure cites its own sentence (the transition's, or the yearly one's).
      citation: (transition ?? yearly)!.citation, origin: 'extracted',
    });
  }

  // Billing delay: the services are those whose label is what the sentence bills.
  for (const u of doc.unparsed) {
    const text = u.text.replace(/^\s*\d+°\s*/, '');
    const b = BILLING.exec(text);
    const months = b ? frenchNumber(b[2]) : null;
    if (!b || months === null) continue;
    const what = fold(b[1]).replace(/[’']/g, ' ').replace(/\s+/g, ' ').trim();
    // A service is one of them when its label starts with the words billed ("Ablation percutanée d'une …"), not when it merely mentions them.
    const named = doc.services.filter((s) => s.label !== null && fold(s.label).replace(/[’']/g, ' ').replace(/\s+/g, ' ').trim().startsWith(what));
    const codes = named.length ? codesIn(named.map((s) => (s.codes.kind === 'pair' ? `${s.codes.ambulatory}-${s.codes.hospitalised}` : s.codes.code)).join(' ')) : volumeCodes;
    if (!codes) continue;
    const noun = nounOf(b[1]);
    const citation = cite(u.where, text);
    const params: BillingDelayParams = { months: [{ from: null, value: months, citation }] };
    out.push({ id: `${noun}.billing-delay`, kind: 'billing-delay', convention, services: codes.codes, servicesText: codes.written.join(', '), noun, params, citation, origin: 'extracted' });
    break;
  }
  return out;
}
