/**
 * Variants of amending acts (fixtures in test/fixtures/justel/): the phrasings, number formats,
 * key letters, identities and entry-into-force clauses the seed does not show. Each fixture's
 * full extracted result is asserted; the provenance of every fact is checked against its span.
 *
 * 01 value changes: "est remplacée par" / "est modifiée en" / "est portée à", « » and " quotes,
 *    K 21,40 / K 32,50 / E 1.517, key letters M, L, E, several changes in one sentence, proper n°/§;
 *    "le premier jour du mois qui suit celui de sa publication".
 * 02 insertions: "insérée / introduite / ajoutée après", "insérée avant", no anchor, single codes,
 *    a heading over tiers with a rule after them, key letters B, D, Q, R, U, decimals D 45,5 / R 12,75;
 *    "produit ses effets le 1er juillet 2003" (before publication).
 * 02 (nl) the same act in Dutch: "wordt na de verstrekking nr. X de volgende verstrekking ingevoegd",
 *    "worden … toegevoegd", "vóór de verstrekking", "heeft uitwerking met ingang van 1 juli 2003".
 * 03 deletions in an OCR-damaged code block ("n  ", "n s", "Au   1er", lost degree signs),
 *    "supprimée / abrogées", "les numéros … sont supprimés", ranges "598006 à 599023"; no clause (tenth day).
 * 04 "entre en vigueur le 1er janvier 2001" with one article dated apart, a front matter that
 *    disagrees, a misprinted single code, an unrecognised normative sentence.
 * 05 no NUMAC (id from the ELI), words replaced and deleted, a rule replaced by an article dated on
 *    its own ("Le présent article produit ses effets …"), a rule repealed, "Art. 2bis", tenth day clause.
 * 06 no NUMAC and no URL (content hash), plain 1° / a) points, rule inserted and repealed, words added,
 *    "le texte commençant par … et se terminant par …", a single code inserted; an unreadable clause.
 * 07 label series with codes outside the quotes, label and value, label only, C 21,5;
 *    "le premier jour du deuxième mois qui suit celui de sa publication".
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DocumentDates, Provenance, SourceIssue, Unparsed } from '../facts.js';
import { isJustelMarkdown, parseJustel } from './justel.js';
import { sourceText } from './justel/normalise.js';
import { amendmentView, ruleView } from './justel/view.js';

const DIR = fileURLToPath(new URL('../../test/fixtures/justel/', import.meta.url));

interface Expected {
  id: string;
  title: string;
  url: string | null;
  dates: DocumentDates;
  amendments: Record<string, unknown>[];
  rules: Record<string, unknown>[];
  issues: SourceIssue[];
  unparsed: Unparsed[];
}

const EXPECTED: Record<string, Expected> = {
  '01-value-changes.md': {
    id: '2003022401',
    title: "Arrêté royal modifiant, en ce qui concerne les valeurs relatives, l'annexe à l'arrêté royal du 14 septembre 1984 établissant la nomenclature des prestations de santé.",
    url: 'https://www.ejustice.just.fgov.be/eli/arrete/2003/04/10/2003022401/justel',
    dates: { signed: '2003-04-10', version: null, published: '2003-05-20', entryIntoForce: '2003-06-01', entryIntoForceBasis: 'Art. 4: first day of month 1 after the month of publication (2003-05-20) = 2003-06-01', validUntil: null },
    amendments: [
      { id: '2003022401#1', source: 'Art. 1er, 1°', target: '11, § 1er', effective: '2003-06-01', op: 'change-value', codes: '355751-355762', from: 'K 30', to: 'K 32.50', note: null },
      { id: '2003022401#2', source: 'Art. 1er, 2°', target: '11, § 1er', effective: '2003-06-01', op: 'change-value', codes: '354012-354023', from: 'K 21.40', to: 'K 25', note: null },
      { id: '2003022401#3', source: 'Art. 1er, 3°', target: '11, § 1er', effective: '2003-06-01', op: 'change-value', codes: '354196-354200', from: null, to: 'K 40', note: null },
      { id: '2003022401#4', source: 'Art. 2', target: '7, § 1er', effective: '2003-06-01', op: 'change-value', codes: '560011', from: 'M 24', to: 'M 26.5', note: null },
      { id: '2003022401#5', source: 'Art. 2', target: '7, § 1er', effective: '2003-06-01', op: 'change-value', codes: '560033', from: 'M 24', to: 'M 26.5', note: null },
      { id: '2003022401#6', source: 'Art. 2', target: '7, § 1er', effective: '2003-06-01', op: 'change-value', codes: '560055', from: 'M 24', to: 'M 26.5', note: null },
      { id: '2003022401#7', source: 'Art. 3', target: '36, § 2', effective: '2003-06-01', op: 'change-value', codes: '711012', from: 'L 12', to: 'L 13.5', note: null },
      { id: '2003022401#8', source: 'Art. 3', target: '36, § 2', effective: '2003-06-01', op: 'change-value', codes: '411014-411025', from: 'E 1517', to: 'E 1600', note: null },
    ],
    rules: [],
    issues: [],
    unparsed: [],
  },
  '02-insertions.md': {
    id: '2003022777',
    title: "Arrêté royal modifiant l'annexe à l'arrêté royal du 14 septembre 1984 établissant la nomenclature des prestations de santé en matière d'assurance obligatoire soins de santé et indemnités.",
    url: 'https://www.ejustice.just.fgov.be/eli/arrete/2003/09/22/2003022777/justel',
    dates: { signed: '2003-09-22', version: null, published: '2003-10-15', entryIntoForce: '2003-07-01', entryIntoForceBasis: 'Art. 4: fixed date in the clause: 2003-07-01', validUntil: null },
    amendments: [
      { id: '2003022777#1', source: 'Art. 1er', target: '3, § 1er, A', effective: '2003-07-01', op: 'insert-service', codes: '540035', value: 'B 250', label: 'Dosage de la vitamine D (25-OH)', heading: null, nomenclatureArticle: '3, § 1er, A', after: '540013', note: null },
      { id: '2003022777#2', source: 'Art. 2, 1°', target: '24, § 1er', effective: '2003-07-01', op: 'insert-service', codes: '555030-555041', value: 'D 45.5', label: "Perfusion d'un médicament par pompe implantée", heading: null, nomenclatureArticle: '24, § 1er', after: '555015', note: null },
      { id: '2003022777#3', source: 'Art. 2, 2°', target: '24, § 1er', effective: '2003-07-01', op: 'insert-service', codes: '555052', value: 'Q 120', label: 'premier mois, par mois', heading: "Surveillance d'un patient sous ventilation à domicile", nomenclatureArticle: '24, § 1er', after: '555030', note: "in: les prestations et la règle d'application suivantes sont ajoutées après la prestation n° 555030-555041" },
      { id: '2003022777#4', source: 'Art. 2, 2°', target: '24, § 1er', effective: '2003-07-01', op: 'insert-service', codes: '555074', value: 'Q 60', label: 'à partir du deuxième mois, par mois', heading: "Surveillance d'un patient sous ventilation à domicile", nomenclatureArticle: '24, § 1er', after: '555030', note: "in: les prestations et la règle d'application suivantes sont ajoutées après la prestation n° 555030-555041" },
      { id: '2003022777#5', source: 'Art. 2, 2°', target: '24, § 1er', effective: '2003-07-01', op: 'insert-rule', codes: ['555074', '555052'], replaces: null, text: "La prestation n° 555074 ne peut être portée en compte qu'après la prestation n° 555052.", note: "in: les prestations et la règle d'application suivantes sont ajoutées après la prestation n° 555030-555041" },
      { id: '2003022777#6', source: 'Art. 2, 3°', target: '24, § 1er', effective: '2003-07-01', op: 'insert-service', codes: '555096-555100', value: 'R 12.75', label: 'Radiographie du thorax en urgence', heading: null, nomenclatureArticle: '24, § 1er', after: null, note: 'inserted before 555015' },
      { id: '2003022777#7', source: 'Art. 3', target: '18, § 2, B, e)', effective: '2003-07-01', op: 'insert-service', codes: '461016-461020', value: 'U 30', label: "Examen échographique des deux hanches chez l'enfant de moins de trois mois", heading: null, nomenclatureArticle: '18, § 2, B, e)', after: null, note: null },
    ],
    rules: [
      { id: '2003022777:Art. 2, 2°:1', article: 'Art. 2, 2°', codes: ['555074', '555052'], ranges: [], text: "La prestation n° 555074 ne peut être portée en compte qu'après la prestation n° 555052.", note: 'text of the nomenclature, art. 24, § 1er' },
    ],
    issues: [],
    unparsed: [],
  },
  // The realistic Dutch text of the act above: the same facts, Dutch labels and drafting (verb first, "nr.", "heeft uitwerking met ingang van").
  '02-insertions.nl.md': {
    id: "2003022777",
    title: "Koninklijk besluit tot wijziging van de bijlage bij het koninklijk besluit van 14 september 1984 tot vaststelling van de nomenclatuur van de geneeskundige verstrekkingen inzake verplichte verzekering voor geneeskundige verzorging en uitkeringen.",
    url: "https://www.ejustice.just.fgov.be/eli/besluit/2003/09/22/2003022777/justel",
    dates: {signed: "2003-09-22", version: null, published: "2003-10-15", entryIntoForce: "2003-07-01", entryIntoForceBasis: "Art. 4: fixed date in the clause: 2003-07-01", validUntil: null},
    amendments: [
      {id: "2003022777#1", source: "Art. 1", target: "3, § 1, A", effective: "2003-07-01", op: "insert-service", codes: "540035", value: "B 250", label: "Dosering van vitamine D (25-OH)", heading: null, nomenclatureArticle: "3, § 1, A", after: "540013", note: null},
      {id: "2003022777#2", source: "Art. 2, 1°", target: "24, § 1", effective: "2003-07-01", op: "insert-service", codes: "555030-555041", value: "D 45.5", label: "Perfusie van een geneesmiddel met een geïmplanteerde pomp", heading: null, nomenclatureArticle: "24, § 1", after: "555015", note: null},
      {id: "2003022777#3", source: "Art. 2, 2°", target: "24, § 1", effective: "2003-07-01", op: "insert-service", codes: "555052", value: "Q 120", label: "eerste maand, per maand", heading: "Toezicht op een patiënt met thuisbeademing", nomenclatureArticle: "24, § 1", after: "555030", note: "in: na de verstrekking nr. 555030-555041 worden de volgende verstrekkingen en toepassingsregel toegevoegd"},
      {id: "2003022777#4", source: "Art. 2, 2°", target: "24, § 1", effective: "2003-07-01", op: "insert-service", codes: "555074", value: "Q 60", label: "vanaf de tweede maand, per maand", heading: "Toezicht op een patiënt met thuisbeademing", nomenclatureArticle: "24, § 1", after: "555030", note: "in: na de verstrekking nr. 555030-555041 worden de volgende verstrekkingen en toepassingsregel toegevoegd"},
      {id: "2003022777#5", source: "Art. 2, 2°", target: "24, § 1", effective: "2003-07-01", op: "insert-rule", codes: ["555074","555052"], replaces: null, text: "De verstrekking nr. 555074 mag slechts worden aangerekend na de verstrekking nr. 555052.", note: "in: na de verstrekking nr. 555030-555041 worden de volgende verstrekkingen en toepassingsregel toegevoegd"},
      {id: "2003022777#6", source: "Art. 2, 3°", target: "24, § 1", effective: "2003-07-01", op: "insert-service", codes: "555096-555100", value: "R 12.75", label: "Dringende radiografie van de thorax", heading: null, nomenclatureArticle: "24, § 1", after: null, note: "inserted before 555015"},
      {id: "2003022777#7", source: "Art. 3", target: "18, § 2, B, e)", effective: "2003-07-01", op: "insert-service", codes: "461016-461020", value: "U 30", label: "Echografisch onderzoek van beide heupen bij een kind jonger dan drie maanden", heading: null, nomenclatureArticle: "18, § 2, B, e)", after: null, note: null},
    ],
    rules: [
      {id: "2003022777:Art. 2, 2°:1", article: "Art. 2, 2°", codes: ["555074","555052"], ranges: [], text: "De verstrekking nr. 555074 mag slechts worden aangerekend na de verstrekking nr. 555052.", note: "text of the nomenclature, art. 24, § 1"},
    ],
    issues: [],
    unparsed: [],
  },
  '03-deletions-ocr.md': {
    id: '1996022187',
    title: "Arrêté royal modifiant les articles 25 et 26 de l'annexe à l'arrêté royal du 14 septembre 1984 établissant la nomenclature des prestations de santé.",
    url: 'https://www.ejustice.just.fgov.be/eli/arrete/1996/03/04/1996022187/justel',
    dates: { signed: '1996-03-04', version: null, published: '1996-03-30', entryIntoForce: '1996-04-09', entryIntoForceBasis: 'no clause: tenth day after publication (1996-03-30 + 10 days)', validUntil: null },
    amendments: [
      { id: '1996022187#1', source: 'Art. 1er, 1°, 1.', target: '25, § 1er', effective: '1996-04-09', op: 'delete-service', codes: '599023', note: null },
      { id: '1996022187#2', source: 'Art. 1er, 1°, 2.', target: '25, § 1er', effective: '1996-04-09', op: 'delete-service', codes: '599244', note: null },
      { id: '1996022187#3', source: 'Art. 1er, 1°, 2.', target: '25, § 1er', effective: '1996-04-09', op: 'delete-service', codes: '599266', note: null },
      { id: '1996022187#4', source: 'Art. 1er, 2°', target: '25, § 3', effective: '1996-04-09', op: 'delete-service', codes: '598102-598113', note: null },
      { id: '1996022187#5', source: 'Art. 2', target: '26, § 4, alinéa 1er', effective: '1996-04-09', op: 'remove-codes-from-text', codes: ['474574', '474585', '477396', '477400'], note: null },
      { id: '1996022187#6', source: 'Art. 3', target: '25, § 2, a), 4°', effective: '1996-04-09', op: 'replace-text', old: null, new: '4° Les honoraires de surveillance prévus sous les n°s 598006 à 599023 et 599126 à 599163 ne sont pas cumulables entre eux. Une seule de ces prestations peut être portée en compte par jour.', codes: ['598006', '599023', '599126', '599163'], note: 'replaces the whole of 4°' },
    ],
    rules: [
      { id: '1996022187:Art. 3:1', article: 'Art. 3', codes: [], ranges: [['598006', '599023'], ['599126', '599163']], text: '4° Les honoraires de surveillance prévus sous les n°s 598006 à 599023 et 599126 à 599163 ne sont pas cumulables entre eux.', note: 'text of the nomenclature, art. 25, § 2, a), 4°' },
      { id: '1996022187:Art. 3:2', article: 'Art. 3', codes: [], ranges: [['598006', '599023'], ['599126', '599163']], text: 'Une seule de ces prestations peut être portée en compte par jour.', note: 'text of the nomenclature, art. 25, § 2, a), 4°; codes of the preceding sentence, to which this one refers' },
    ],
    issues: [],
    unparsed: [],
  },
  '04-fixed-date-mismatch.md': {
    id: '2000022990',
    title: "Arrêté royal modifiant l'article 2 de l'annexe à l'arrêté royal du 14 septembre 1984 établissant la nomenclature des prestations de santé.",
    url: 'https://www.ejustice.just.fgov.be/eli/arrete/2000/12/18/2000022990/justel',
    dates: { signed: '2000-12-18', version: null, published: '2000-12-29', entryIntoForce: '2001-01-01', entryIntoForceBasis: 'Art. 4: fixed date in the clause: 2001-01-01', validUntil: null },
    amendments: [
      { id: '2000022990#1', source: 'Art. 1er', target: '2, B', effective: '2001-01-01', op: 'delete-service', codes: '101076-101080', note: null },
      { id: '2000022990#2', source: 'Art. 2', target: '2, A', effective: '2000-07-01', op: 'change-value', codes: '102772', from: 'N 10', to: 'N 12', note: null },
    ],
    rules: [],
    issues: [
      { severity: 'error', code: 'entry-into-force-mismatch', where: 'Art. 4', message: 'the entry into force computed from the act is 2001-01-01 (fixed date in the clause: 2001-01-01), the front matter says starts: 2001-02-01; the computed date is kept' },
      { severity: 'error', code: 'invalid-check-digit', where: 'Art. 2', message: '102772: invalid check digit (10277 mod 7 = 1, written 2)', proposal: '102771' },
    ],
    unparsed: [
      { where: 'Art. 3', text: "A l'article 2, I, de la même annexe, un médecin généraliste ne peut attester que deux consultations par jour pour un même bénéficiaire." },
    ],
  },
  '05-eli-guillemets.md': {
    id: '2010022311',
    title: "Arrêté royal modifiant l'article 14 de l'annexe à l'arrêté royal du 14 septembre 1984 établissant la nomenclature des prestations de santé.",
    url: 'https://www.ejustice.just.fgov.be/eli/arrete/2010/06/15/2010022311/justel',
    dates: { signed: '2010-06-15', version: null, published: '2010-06-30', entryIntoForce: '2010-07-10', entryIntoForceBasis: 'Art. 3: day 10 after the publication (2010-06-30) = 2010-07-10', validUntil: null },
    amendments: [
      { id: '2010022311#1', source: 'Art. 1er', target: '14, k)', effective: '2010-07-10', op: 'replace-text', old: 'spécialiste en chirurgie orthopédique', new: 'médecin spécialiste en orthopédie', codes: [], note: null },
      { id: '2010022311#2', source: 'Art. 1er', target: '14, k)', effective: '2010-07-10', op: 'replace-text', old: 'ou en chirurgie', new: '', codes: [], note: 'words deleted' },
      { id: '2010022311#3', source: 'Art. 2', target: '14, l)', effective: '2010-05-01', op: 'replace-rule', codes: ['317295', '317306', '317310', '317321'], replaces: "la règle d'application qui suit la prestation n° 317295-317306", text: "Les prestations n°s 317295-317306 et 317310-317321 ne peuvent être cumulées. Ces prestations ne sont remboursables qu'une fois par an.", note: null },
      { id: '2010022311#4', source: 'Art. 2bis', target: '14, l)', effective: '2010-07-10', op: 'repeal-rule', codes: ['317310', '317321'], text: null, note: "repeals la règle d'application qui suit la prestation n° 317310-317321" },
    ],
    rules: [
      { id: '2010022311:Art. 2:1', article: 'Art. 2', codes: ['317295', '317306', '317310', '317321'], ranges: [], text: 'Les prestations n°s 317295-317306 et 317310-317321 ne peuvent être cumulées.', note: 'text of the nomenclature, art. 14, l)' },
      { id: '2010022311:Art. 2:2', article: 'Art. 2', codes: ['317295', '317306', '317310', '317321'], ranges: [], text: "Ces prestations ne sont remboursables qu'une fois par an.", note: 'text of the nomenclature, art. 14, l); codes of the preceding sentence, to which this one refers' },
    ],
    issues: [],
    unparsed: [],
  },
  '06-hash-unreadable.md': {
    id: 'sha256:99a828e318d3a0f2',
    title: "Arrêté royal modifiant l'article 20 de l'annexe à l'arrêté royal du 14 septembre 1984 établissant la nomenclature des prestations de santé.",
    url: null,
    dates: { signed: '2015-11-20', version: null, published: '2015-12-01', entryIntoForce: '2016-01-01', entryIntoForceBasis: 'Art. 4: clause not understood: Le présent arrêté entre en vigueur à une date fixée par Notre Ministre.; front matter "starts" used: 2016-01-01', validUntil: null },
    amendments: [
      { id: 'sha256:99a828e318d3a0f2#1', source: 'Art. 1er, 1°, a)', target: '20, § 1er, b)', effective: '2016-01-01', op: 'insert-rule', codes: ['470433', '470444'], replaces: null, text: "La prestation n° 470433-470444 n'est remboursable que sur prescription d'un médecin spécialiste en cardiologie.", note: 'inserted after service 470433-470444' },
      { id: 'sha256:99a828e318d3a0f2#2', source: 'Art. 1er, 1°, b)', target: '20, § 1er, b)', effective: '2016-01-01', op: 'repeal-rule', codes: ['470455', '470466'], text: null, note: "repeals la règle d'application qui suit la prestation n° 470455-470466" },
      { id: 'sha256:99a828e318d3a0f2#3', source: 'Art. 1er, 2°', target: '20, § 1er, f), alinéa 1er', effective: '2016-01-01', op: 'replace-text', old: null, new: 'ou en pédiatrie', codes: [], note: 'words added at the end' },
      { id: 'sha256:99a828e318d3a0f2#4', source: 'Art. 2', target: '20, § 2', effective: '2016-01-01', op: 'replace-text', old: 'Le médecin traitant … du bénéficiaire.', new: 'Le médecin traitant conserve le protocole dans le dossier médical du bénéficiaire.', codes: [], note: null },
      { id: 'sha256:99a828e318d3a0f2#5', source: 'Art. 3', target: '20, § 1er, f)', effective: '2016-01-01', op: 'insert-service', codes: '477912', value: 'K 40', label: 'Enregistrement Holter de 24 heures au moins', heading: null, nomenclatureArticle: '20, § 1er, f)', after: '477396', note: null },
    ],
    rules: [
      { id: 'sha256:99a828e318d3a0f2:Art. 1er, 1°, a):1', article: 'Art. 1er, 1°, a)', codes: ['470433', '470444'], ranges: [], text: "La prestation n° 470433-470444 n'est remboursable que sur prescription d'un médecin spécialiste en cardiologie.", note: 'text of the nomenclature, art. 20, § 1er, b)' },
      { id: 'sha256:99a828e318d3a0f2:Art. 2:1', article: 'Art. 2', codes: [], ranges: [], text: 'Le médecin traitant conserve le protocole dans le dossier médical du bénéficiaire.', note: 'text of the nomenclature, art. 20, § 2' },
    ],
    issues: [
      { severity: 'warning', code: 'entry-into-force-unknown', where: 'Art. 4', message: "the entry into force cannot be computed (clause not understood: Le présent arrêté entre en vigueur à une date fixée par Notre Ministre.); the front matter's starts (2016-01-01) is used" },
    ],
    unparsed: [],
  },
  '07-labels.md': {
    id: '2012022015',
    title: "Arrêté royal modifiant les articles 22 et 25 de l'annexe à l'arrêté royal du 14 septembre 1984 établissant la nomenclature des prestations de santé.",
    url: 'https://www.ejustice.just.fgov.be/eli/arrete/2012/01/10/2012022015/justel',
    dates: { signed: '2012-01-10', version: null, published: '2012-01-31', entryIntoForce: '2012-03-01', entryIntoForceBasis: 'Art. 3: first day of month 2 after the month of publication (2012-01-31) = 2012-03-01', validUntil: null },
    amendments: [
      { id: '2012022015#1', source: 'Art. 1er, 1°', target: '22, I', effective: '2012-03-01', op: 'change-label', codes: '558014-558025', label: "Séance de kinésithérapie chez l'enfant de moins de sept ans", note: 'in: les libellés des prestations suivantes sont modifiés comme suit' },
      { id: '2012022015#2', source: 'Art. 1er, 1°', target: '22, I', effective: '2012-03-01', op: 'change-label', codes: '558036-558040', label: "Séance de rééducation chez l'enfant de moins de sept ans", note: 'in: les libellés des prestations suivantes sont modifiés comme suit' },
      { id: '2012022015#3', source: 'Art. 1er, 2°', target: '22, I', effective: '2012-03-01', op: 'change-label', codes: '558633-558644', label: 'Examen tridimensionnel du rachis', note: null },
      { id: '2012022015#4', source: 'Art. 1er, 2°', target: '22, I', effective: '2012-03-01', op: 'change-value', codes: '558633-558644', from: null, to: 'N 55', note: null },
      { id: '2012022015#5', source: 'Art. 1er, 3°', target: '22, I', effective: '2012-03-01', op: 'change-label', codes: '558810-558821', label: 'Rééducation cardiaque en groupe, par séance', note: null },
      { id: '2012022015#6', source: 'Art. 2', target: '25, § 1er', effective: '2012-03-01', op: 'change-value', codes: '599325', from: 'C 16', to: 'C 21.5', note: null },
    ],
    rules: [],
    issues: [],
    unparsed: [],
  },
};

describe('Justel variants (fixtures)', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.md')).sort();

  it('has an expectation for every fixture', () => {
    expect(files).toEqual(Object.keys(EXPECTED));
  });

  for (const file of files) {
    describe(file, () => {
      const raw = readFileSync(DIR + file, 'utf8');
      const doc = parseJustel(raw);
      const want = EXPECTED[file];

      it('is detected and identified', () => {
        expect(isJustelMarkdown(raw)).toBe(true);
        expect({ id: doc.id, title: doc.title, url: doc.url, kind: doc.kind, format: doc.format }).toEqual({
          id: want.id, title: want.title, url: want.url, kind: 'royal-decree', format: 'justel-markdown',
        });
      });

      it('reads the dates', () => {
        expect(doc.dates).toEqual(want.dates);
      });

      it('extracts every amendment', () => {
        expect(doc.amendments.map(amendmentView)).toEqual(want.amendments);
      });

      it('extracts every rule sentence', () => {
        expect(doc.rules.map(ruleView)).toEqual(want.rules);
      });

      it('reports the issues and the unparsed sentences', () => {
        expect(doc.issues).toEqual(want.issues);
        expect(doc.unparsed).toEqual(want.unparsed);
      });

      it('gives every fact a provenance whose span covers its text', () => {
        const provenances: [string, Provenance][] = [
          ...doc.amendments.map((a): [string, Provenance] => [a.source, a.provenance]),
          ...doc.rules.map((r): [string, Provenance] => [r.article, r.provenance]),
        ];
        for (const [article, p] of provenances) {
          expect(p.document).toBe(doc.id);
          expect(p.article).toBe(article);
          const [s, e] = p.span!;
          expect(p.text).toBe(sourceText(raw, s, e));
        }
      });
    });
  }
});
