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

/** Every sentence this module cites, by key. Texts are exact (tested against the corpus). */
export const CITE = {
  ablationEntryIntoForce: { document: a, article: '10.1', text: 'La présente convention entre en vigueur le 1 novembre 2024.' },
  ablationValidUntil: { document: a, article: '10.3', text: 'La présente convention est valable jusqu’au 31 octobre 2029 inclus et n’est pas reconduite tacitement.' },
  ablationVolumeTransition: {
    document: a, article: '5.4',
    text: 'À partir de l’entrée en vigueur de la convention, le centre doit réaliser au minimum 60 ablations percutanées sur une période de 3 ans (période transitoire) (prestations 587134-587145 ; 587156-587160 ; 587171-587182 ; 587193-587204).',
    clause: 'au minimum 60 ablations percutanées sur une période de 3 ans (période transitoire)',
  },
  ablationVolumeYearly: {
    document: a, article: '5.4',
    text: 'Après la période de transition de 3 ans, le centre doit effectuer au moins 30 ablations percutanées par an (prestations 587134-587145 ; 587156-587160 ; 587171-587182 ; 587193-587204).',
    clause: 'au moins 30 ablations percutanées par an',
  },
  ablationBillingDelay: { document: a, article: 'Art. 6, 6°', text: "facturer les prestations d'ablation percutanée dans les deux mois suivant la réalisation de la prestation." },
  ablationNotListed: {
    document: a, article: '4.1.2',
    text: 'Si l’indication pour une ablation n’est pas mentionnée à l’article 3, la COM/CM doit justifier, par écrit, la décision prise au moyen d’un lien disponible vers les directives internationales les plus récentes publiées dans un « peer-reviewed journal » et sur lesquelles la décision est basée.',
  },
  ablationApproval: {
    document: a, article: '4.1.2',
    text: 'Les prestations 587134-587145, 587156-587160, 587171-587182 et 587193-587204 ne peuvent être remboursées que si elles sont discutées et approuvées lors d’une COM/CM.',
  },
  ablationAnaesthesia: { document: a, article: '4.1.3', text: 'Anesthésie réalisée au cours d’une prestation dont la valeur relative est égale ou supérieure à K 400, N 600 ou I 600' },
  ablationStaffingIntro: { document: a, article: '5.1', text: 'Au sein du centre, il faut pouvoir faire appel aux médecins spécialistes suivants :' },

  breastEffect: { document: b, article: 'Art. 16', text: 'La présente convention, dûment signée, produit ses effets le 1er jour du mois qui suit celui de la signature' },
  breastIndefinite: { document: b, article: 'Art. 16', text: 'La présente convention est conclue pour une période à durée indéterminée.' },
  breastNotice: {
    document: b, article: 'Art. 16',
    text: "Elle peut être dénoncée par toutes les parties moyennant le respect d'un préavis de 6 mois prenant cours le premier jour du mois qui suit la date d'envoi de la lettre recommandée.",
  },
  breastCriteriaEnd: { document: b, article: 'Art. 16', text: 'Elle prend fin directement à partir du moment où le centre ne répond plus aux critères mentionnés à l\'article 6.' },
  breastShareWithoutSupplement: { document: b, article: 'Art. 1', text: 'garantir qu’en moyenne dans au moins 40% des interventions aucun supplément n’est attesté.' },
  breastNoAestheticSupplement: { document: b, article: 'Art. 1', text: 'la facturation des suppléments "esthétiques" lors de ces interventions est impossible, même en chambres à deux lits;' },
  breastSupplementCap: {
    document: b, article: 'Art. 9',
    text: "Les honoraires supplémentaires (non remboursables par l'assurance maladie obligatoire) pour les médecins spécialistes qui procèdent et assistent à l'opération d'une patiente en chambre individuelle peuvent s'élever à maximum 100 % des honoraires mentionnés à l’article 3.",
    clause: 'peuvent s\'élever à maximum 100 % des honoraires mentionnés à l’article 3',
  },
  breastNoOtherSupplement: {
    document: b, article: 'Art. 9',
    text: "Pour les prestations couvertes par les honoraires mentionnés aux articles 3, 4 et 5, aucun autre supplément d'honoraires ne peut être porté en compte en dehors du supplément maximum mentionné à l'alinéa 1er, que la reconstruction ait été exécutée en un seul temps ou en plusieurs temps opératoires.",
  },
  breastQuote: {
    document: b, article: 'Art. 12',
    text: 'Un devis écrit et un projet de formulaire d’admission sont remis à la patiente au plus tard 7 jours avant l’intervention.',
    clause: 'au plus tard 7 jours avant l’intervention',
  },
  breastDeposit: {
    document: b, article: 'Art. 13',
    text: "Sans préjudice des dispositions dans la convention entre les établissements hospitaliers et les organismes assureurs par rapport aux acomptes pour les frais de séjour, les acomptes sur les honoraires ne peuvent être réclamés que s'ils sont mentionnés dans le devis écrit et uniquement sur les montants à charge du patient à raison de maximum 50% du supplément d’honoraire et avec un m maximum de 1250 euros.",
  },
  breastSurgeons: {
    document: b, article: 'Art. 6',
    text: "L'établissement de soins dispose au moins deux médecins spécialistes en chirurgie plastique, reconstructive et esthétique en service qui satisfont aux critères mentionnés à l'article 7.",
  },

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
