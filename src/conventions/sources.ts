/**
 * The documents the conventions module cites, and the citation type every threshold and
 * figure carries: {document, article, text}, where `text` is the exact sentence of the act,
 * whitespace-normalised (and with the PDF's end-of-line hyphenation undone).
 */

/** A citation: which document, which article, and the exact sentence. */
export interface Citation {
  document: string;
  article: string;
  text: string;
  /** A shorter, exact fragment of `text` that states the very condition (a sub-item, a threshold). */
  clause?: string;
}

/**
 * The source documents, by role: the document id used in citations (the id the parsers give the
 * built-in document: NUMAC for an act, "conv-" + the first 16 hex digits of the text's sha256 for a
 * convention; tested against builtinDocuments()), the convention's machine name and the built-in file.
 */
export const DOCUMENTS = {
  ablation: {
    id: 'conv-fc467a2e32d3c4b9',
    convention: 'percutaneous-tumour-ablation',
    file: '000_03aa16b1e0318a25.txt',
    title: "Convention INAMI – établissement hospitalier : ablation percutanée sous guidage tomodensitométrique de tumeurs rénales, hépatiques, pulmonaires et osseuses",
  },
  breast: {
    id: 'conv-587d207f7f422251',
    convention: 'breast-reconstruction',
    file: '002_f97d77b6772efff9.txt',
    title: "Convention INAMI – établissements de soins : reconstruction mammaire unilatérale ou bilatérale totale (version 24/10/2016)",
  },
  decree1994: {
    id: '1994022370',
    convention: null,
    file: '004_41601e86ba046398.txt',
    title: "Arrêté royal du 12 août 1994 modifiant l'annexe à l'arrêté royal du 14 septembre 1984 (nomenclature)",
  },
} as const;

export const ABLATION = DOCUMENTS.ablation.convention;
export const BREAST = DOCUMENTS.breast.convention;

/**
 * The normal form of a source text used to quote it: the PDF's end-of-line hyphenation undone
 * ("tu-\nmeurs" → "tumeurs"; a code pair split at its hyphen "587134-\n587145" → "587134-587145"),
 * then every run of white space collapsed into one space.
 */
export function normaliseSourceText(raw: string): string {
  return raw
    .replace(/(\p{L})-[ \t]*\r?\n\s*(\p{Ll})/gu, '$1$2')
    .replace(/(\d)-[ \t]*\r?\n\s*(\d)/g, '$1-$2')
    .replace(/\s+/g, ' ')
    .trim();
}

const a = DOCUMENTS.ablation.id;
const b = DOCUMENTS.breast.id;
const d = DOCUMENTS.decree1994.id;

/**
 * The sentences the staffing criteria and derived values cite, by key (exact, tested against the
 * corpus). A convention's terms, obligations and indications cite their own sentences as data.
 */
export const CITE = {
  ablationAnaesthesia: { document: a, article: '4.1.3', text: 'Anesthésie réalisée au cours d’une prestation dont la valeur relative est égale ou supérieure à K 400, N 600 ou I 600' },


  decreeAssistance: {
    document: d, article: 'Art. 6',
    text: "Pour l'aide opératoire au cours des prestations chirurgicales ou des prestations interventionnelles sous contrôle d'imagerie médicale dont la valeur relative est égale ou supérieure à K 120 ou N 200 ou I 200, les honoraires sont forfaitairement fixés à 10 p.c. de la valeur relative de la prestation effectuée, quelle que soit la qualification du médecin qui aide à l'intervention.",
  },
  decreeAssistanceExclusion: {
    document: d, article: 'Art. 6',
    text: 'Les honoraires pour l\'aide opératoire ne peuvent être remboursés ni pour les actes endoscopiques diagnostiques, ni pour les interventions non sanglantes.',
  },
  breastFeeCoversAssistance: {
    document: b, article: 'Art. 3, d)',
    text: 'Les honoraires pour les prestations concernant la reconstruction mammaire couvrent l’indemnisation pour le médecin pratiquant l’intervention et pour l\'aide opératoire, en ce compris tous les actes en rapport avec le lipofilling et la liposuccion.',
  },
} satisfies Record<string, Citation>;

/** Text of one citation for a readable report: `[document, article] « text »`. */
export function citeLine(c: Citation): string {
  return `[${c.document}, ${c.article}] « ${c.clause ?? c.text} »`;
}
