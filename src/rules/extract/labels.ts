/**
 * Rules that follow from a service's label (or the heading its label continues): "chez
 * l'enfant de moins de sept ans" (age), "chez un patient séjournant au service N ou n" (hospital
 * service), "à l'occasion des prestations …" (same-day prerequisite), "du sixième au
 * soixantième jour inclus, par jour" (tier of the stay), "par un médecin spécialiste en …"
 * (provider). Labels come from the documents' services and from insert-service / change-label
 * amendments; the rule cites the label (or heading) as the act writes it. Drafts that differ only
 * by their service (a heading shared by several codes) become one rule.
 */
import type { CodeSet, ParsedDocument } from '../../facts.js';
import type { CodeRef } from '../types.js';
import type { Draft } from './pattern.js';
import { fold, numberWord, readCodes } from './sentences.js';

export interface LabelText {
  /** The label or heading, as written. */
  text: string;
  folded: string;
  /** Whether `text` is a heading shared by several services. */
  heading: boolean;
  codes: CodeRef;
  article: string;
}

export interface LabelPattern {
  id: string;
  description: string;
  examples: string[];
  match(l: LabelText): Draft[] | null;
}

// Maps, not objects: a word of the text such as "constructor" must not find Object.prototype's.
const STEMS = new Map<string, number>(Object.entries({
  prem: 1, un: 1, deux: 2, trois: 3, quatr: 4, cinqu: 5, six: 6, sept: 7, huit: 8, neuv: 9, dix: 10, onz: 11, douz: 12,
  treiz: 13, quatorz: 14, quinz: 15, seiz: 16, vingt: 20, trent: 30, quarant: 40, cinquant: 50, soixant: 60,
}));
const CARDINALS = new Map<string, number>(Object.entries({
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12,
  treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
}));

/** Reads a French ordinal in words or digits: "sixième" 6, "soixante et unième" 61, "1er" 1, "treizième" 13. */
export function ordinalWords(words: string): number | null {
  const w = fold(words).replace(/-/g, ' ').trim();
  if (/^1(?:er|re)$/.test(w) || w === 'premier' || w === 'premiere') return 1;
  const d = /^(\d+)(?:e|eme|ieme)?$/.exec(w);
  if (d) return Number(d[1]);
  let total = 0;
  for (const t of w.split(/\s+/)) {
    if (t === 'et') continue;
    if (t.endsWith('ieme')) {
      const v = STEMS.get(t.slice(0, -4));
      if (v === undefined) return null;
      total += v;
    } else {
      const v = CARDINALS.get(t);
      if (v === undefined) return null;
      total += v;
    }
  }
  return total || null;
}

/** French specialty names → the contract's vocabulary. */
const SPECIALTIES: [RegExp, string][] = [
  [/^neuropsychiatrie/, 'neuropsychiatry'],
  [/^psychiatrie/, 'psychiatry'],
  [/^radiodiagnostic/, 'radiodiagnosis'],
  [/^urologie/, 'urology'],
  [/^chirurgie orthopedique/, 'orthopaedic-surgery'],
  [/^chirurgie plastique/, 'plastic-surgery'],
  [/^neurochirurgie/, 'neurosurgery'],
  [/^chirurgie/, 'surgery'],
  [/^pneumologie/, 'pneumology'],
  [/^gastro-?enterologie/, 'gastroenterology'],
  [/^oncologie medicale/, 'medical-oncology'],
  [/^anesthesi/, 'anaesthesiology'],
  [/^medecine generale/, 'general-practice'],
];

export function specialtyOf(folded: string): string | null {
  for (const [re, s] of SPECIALTIES) if (re.test(folded.trim())) return s;
  return null;
}

/** Hospital service letters (A, C, … N, n, Sp, Tf): a capital with an optional small letter, or "n". */
const letters = (s: string) => s.split(/\s*,\s*|\s+ou\s+|\s+et\s+/).map((x) => x.trim()).filter((x) => /^(?:[A-Z][a-z]?|n)$/.test(x));

const childUnder: LabelPattern = {
  id: 'label-child-under',
  description: 'a label restricting the service to children under n years (age in completed years on the date of the service)',
  examples: ["Ponction d'ascite chez l'enfant de moins de sept ans", "Biopsies du duodénum …, chez un enfant de moins de sept ans", "… avec tunnellisation chez l'enfant de moins de 7 ans"],
  match(l) {
    const m = /\bchez (?:l'|un |une )enfant de moins de (\w+) ans\b/.exec(l.folded);
    const n = m ? numberWord(m[1]) : null;
    if (n === null) return null;
    return [{
      kind: 'patient',
      slug: `under-${n}`,
      scope: l.codes,
      params: { age: { under: n } },
      interpretation: `age in completed years on the date of the service: under ${n} means up to the day before the ${n}th birthday (interpretation of the label)`,
    }];
  },
};

const patientInService: LabelPattern = {
  id: 'label-patient-in-service',
  description: 'a label for a patient staying in given hospital services (and, for some, a family setting the request cannot express)',
  examples: [
    'Supplément pour aspiration tracheobronchique réalisée chez un patient séjournant au service N ou n, a l\'occasion des prestations n°s 211013-211024, 211035-211046',
    "Honoraires de surveillance d'un patient séjournant dans un service Tf ou dans un milieu familial, exécutes par un médecin …",
    'Honoraires de surveillance du bénéficiaire hospitalise dans un service Sp quelle que soit la qualification du médecin auquel ils sont dus',
  ],
  match(l) {
    const a = /\b(?:chez un|d'un) patient sejournant (?:au|dans un) service ((?:[a-z]{1,3})(?:(?:, | ou | et )[a-z]{1,3})*)(?=[ ,]|$)( ou dans un milieu familial)?/d.exec(l.folded);
    const b = a ? null : /\b(?:du|le) beneficiaire hospitalise dans un service ([a-z]{1,3})\b/d.exec(l.folded);
    const m = a ?? b;
    if (!m || !m.indices?.[1]) return null;
    // letters from the original text (N and n are different services); folding keeps positions
    const [start, end] = m.indices[1];
    const allowed = letters(l.text.slice(start, end));
    if (!allowed.length) return null;
    const family = !!a?.[2];
    return [{
      kind: 'patient',
      slug: `in-service-${allowed.join('')}`.toLowerCase(),
      scope: l.codes,
      params: {
        services: {
          allowed,
          requireStay: !family,
          otherwise: family ? 'warning' : 'violated',
          ...(family
            ? { note: { en: 'the text also allows a family setting (milieu familial), which a stay\'s service letter cannot express', fr: 'le texte permet aussi un milieu familial, que la lettre du service ne peut exprimer', nl: 'de tekst laat ook een gezinsmilieu toe, dat de dienstletter niet kan uitdrukken' } }
            : {}),
        },
      },
      interpretation: family
        ? `the hospital service of the stay must be ${allowed.join(' or ')}; another service gives a warning (family setting possible), no stay is not refused by this rule`
        : `the patient must stay in service ${allowed.join(' or ')} (case matters): an ambulatory line or another service is refused`,
    }];
  },
};

const onOccasion: LabelPattern = {
  id: 'label-on-occasion',
  description: '"à l\'occasion des prestations …": a supplement due only with one of the services the same day',
  examples: ['… séjournant au service N ou n, a l\'occasion des prestations n°s 211013-211024, 211035-211046'],
  match(l) {
    const m = /\ba l'occasion (?:des prestations|de la prestation|d'une des prestations) (.+)$/.exec(l.folded);
    if (!m) return null;
    return codesDraft(m[1], (oneOf, first) => ({
      kind: 'prerequisite',
      slug: `requires-${first}`,
      scope: l.codes,
      params: { oneOf, count: 1, timing: 'same-day', sameStay: false, ambulatory: false },
      interpretation: '"à l\'occasion de": one of the services the same day, accepted earlier in decision order or in history',
    }));
  },
};

const tier: LabelPattern = {
  id: 'label-tier',
  description: 'a per-day fee for given days of the stay (day 1 = admission day; "to the end of the n-th month" by month arithmetic)',
  examples: [
    'les cinq premiers jours, par jour',
    'du sixième au soixantième jour inclus, par jour',
    "du soixante et unième jour à la fin du sixième mois d'hospitalisation, par jour",
    'du treizième jour, jusqu\'a la fin du sixième mois, par jour',
    "a partir du 1er jour, pendant toute l'hospitalisation, par jour",
  ],
  match(l) {
    if (l.heading || !/\bpar jour\b/.test(l.folded)) return null;
    let from: number | null = null;
    let to: number | null = null;
    let eom: number | null = null;
    let m: RegExpExecArray | null;
    if ((m = /\bles (\w+) premiers jours\b/.exec(l.folded))) { from = 1; to = numberWord(m[1]); }
    else if ((m = /\bdu ([a-z0-9 -]+?) au ([a-z0-9 -]+?) jour\b/.exec(l.folded))) { from = ordinalWords(m[1]); to = ordinalWords(m[2]); }
    else if ((m = /\bdu ([a-z0-9 -]+?) jour,? (?:a|jusqu'a) la fin du (\w+) mois\b/.exec(l.folded))) { from = ordinalWords(m[1]); eom = ordinalWords(m[2]); }
    else if ((m = /\ba partir du ([a-z0-9 -]+?) jour, pendant toute l'hospitalisation\b/.exec(l.folded))) { from = ordinalWords(m[1]); }
    else return null;
    if (from === null || (m[2] !== undefined && to === null && eom === null)) return null;
    return [{
      kind: 'tier',
      slug: `day-${from}-${to ?? (eom ? `end-of-month-${eom}` : 'on')}`,
      scope: l.codes,
      params: { fromDay: from, toDay: to, endOfMonth: eom },
      interpretation: `day 1 is the admission day${eom ? `; the ${eom}th month of the stay ends the day before admission + ${eom} calendar months` : ''}`,
    }];
  },
};

const providerSpecialty: LabelPattern = {
  id: 'label-provider',
  description: '"par un médecin (agréé comme) spécialiste en X ou en Y": the provider\'s specialty',
  examples: ['… exécutes par un médecin agrée comme spécialiste en neuropsychiatrie ou en psychiatrie', "… par un médecin spécialiste en neuropsychiatrie ou en psychiatrie au sein du service …"],
  match(l) {
    const m = /\bpar un medecin (?:agree comme )?specialiste en ([a-z -]+?)(?: ou en ([a-z -]+?))?(?=[,.;]| sur | au | avec |$)/.exec(l.folded);
    if (!m) return null;
    const specialty = [m[1], m[2]].filter((x): x is string => !!x).map(specialtyOf);
    if (!specialty.length || specialty.some((s) => s === null)) return null;
    return [{
      kind: 'provider',
      slug: `by-${(specialty as string[]).join('-or-')}`,
      scope: l.codes,
      params: { alternatives: [{ specialty, qualifications: [], collaborator: null }] },
      interpretation: 'the provider\'s specialty (contract vocabulary), read from the label',
    }];
  },
};

const hospitalisedPatient: LabelPattern = {
  id: 'label-hospitalised-patient',
  description: '"au sein du service où séjourne un bénéficiaire hospitalisé / le patient": the line must be in a stay',
  examples: ["Honoraires pour le premier examen psychiatrique, effectue au sein du service ou séjourne un bénéficiaire hospitalise, par un médecin …"],
  match(l) {
    if (!/\bau sein du service ou sejourne (?:un beneficiaire hospitalise|le patient)\b/.test(l.folded)) return null;
    return [{
      kind: 'patient',
      slug: 'hospitalised',
      scope: l.codes,
      params: { services: { requireStay: true, otherwise: 'violated' } },
      interpretation: 'performed in the service where the beneficiary is hospitalised: an ambulatory line is refused',
    }];
  },
};

function codesDraft(phrase: string, make: (oneOf: CodeRef, first: string) => Draft): Draft[] | null {
  const r = readCodes(phrase);
  const first = r.ref.pairs?.[0]?.[0] ?? r.ref.codes?.[0];
  return r.empty || !first ? null : [make(r.ref, first)];
}

export const LABEL_PATTERNS: readonly LabelPattern[] = [childUnder, patientInService, onOccasion, tier, providerSpecialty, hospitalisedPatient];

function refOf(codes: CodeSet): CodeRef {
  return codes.kind === 'pair' ? { pairs: [[codes.ambulatory, codes.hospitalised]] } : { codes: [codes.code] };
}

/** The labels (and headings) of a document's services, as the act writes them. */
export function labelsOf(doc: ParsedDocument): LabelText[] {
  const out: LabelText[] = [];
  const add = (text: string | null | undefined, heading: boolean, codes: CodeSet, article: string) => {
    if (!text) return;
    out.push({ text, folded: fold(text), heading, codes: refOf(codes), article });
  };
  for (const s of doc.services) {
    add(s.label, false, s.codes, s.provenance.article);
    add(s.heading, true, s.codes, s.provenance.article);
  }
  for (const a of doc.amendments) {
    if (a.op === 'insert-service') {
      add(a.service.label, false, a.service.codes, a.source);
      add(a.service.heading, true, a.service.codes, a.source);
    } else if (a.op === 'change-label') {
      add(a.label, false, a.codes, a.source);
    }
  }
  return out;
}
