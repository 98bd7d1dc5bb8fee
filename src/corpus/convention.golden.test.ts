/**
 * Golden tests: the two seed conventions, parsed in full. Every list is asserted whole
 * (services, fees, rules, issues, unparsed, dates), and every span is checked against the raw text.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CodeSet, ParsedDocument, Provenance } from '../facts.js';
import { isConventionText, parseConvention } from './convention.js';

const seed = (name: string) => readFileSync(new URL(`../../corpus/${name}`, import.meta.url), 'utf8');
const codes = (c: CodeSet) => (c.kind === 'pair' ? `${c.ambulatory}-${c.hospitalised}` : c.code);

/** The facts in a compact, comparable form. */
function summary(doc: ParsedDocument) {
  return {
    services: doc.services.map((s) => [codes(s.codes), s.value ? `${s.value.keyLetter} ${s.value.relativeValue}` : null, s.nomenclatureArticle, s.provenance.article, s.label]),
    fees: doc.fees.map((r) => [
      codes(r.codes), r.keyLetter, r.coefficient, r.relativeValue, r.fee,
      [r.reimbursement.ambulatoryPreferential, r.reimbursement.ambulatoryStandard, r.reimbursement.hospitalisedPreferential, r.reimbursement.hospitalisedStandard],
      r.provenance.article, r.provenance.note,
    ]),
    rules: doc.rules.map((r) => [r.article, r.text]),
    ruleCodes: doc.rules.map((r) => r.codes),
    unparsed: doc.unparsed.map((u) => [u.where, u.text]),
  };
}

/** The raw text under a span, with line breaks, hyphens and spaces removed, equals the provenance text so normalised. */
function expectSpansMatch(raw: string, provenances: Provenance[]) {
  const bare = (s: string) => s.replace(/[\s\-]/g, '');
  for (const p of provenances) {
    expect(p.span, p.text).not.toBeNull();
    const [a, b] = p.span!;
    expect(bare(raw.slice(a, b)), p.text).toBe(bare(p.text));
    expect(raw.slice(a, b)).toBe(raw.slice(a, b).trim());
  }
}

function allProvenances(doc: ParsedDocument): Provenance[] {
  return [...doc.services, ...doc.fees, ...doc.rules].map((f) => f.provenance);
}

describe('golden: percutaneous tumour ablation (000_03aa16b1e0318a25)', () => {
  const raw = seed('000_03aa16b1e0318a25.txt');
  const doc = parseConvention(raw);
  const s = summary(doc);

  it('identity, title and dates', () => {
    expect(isConventionText(raw)).toBe(true);
    expect(doc.id).toBe('conv-' + createHash('sha256').update(raw).digest('hex').slice(0, 16));
    expect(doc.kind).toBe('convention');
    expect(doc.format).toBe('inami-convention-text');
    expect(doc.convention).toBe('percutaneous-tumour-ablation');
    expect(doc.url).toBeNull();
    expect(doc.amendments).toEqual([]);
    expect(doc.title).toBe(
      'CONVENTION ENTRE LE COMITÉ DE L’ASSURANCE DU SERVICE DES SOINS DE SANTÉ DE L’INAMI ET L’ÉTABLISSEMENT HOSPITALIER DE REMBOURSEMENT DE L’ABLATION PERCUTANÉE SOUS GUIDAGE TOMODENSITOMÉTRIQUE DE TUMEURS RÉNALES, HÉPATIQUES, PULMONAIRES ET OSSEUSES',
    );
    expect(doc.dates).toEqual({
      signed: null, version: null, published: null,
      entryIntoForce: '2024-11-01',
      entryIntoForceBasis: 'fixed date in the clause: 2024-11-01 (10.1: "La présente convention entre en vigueur le 1 novembre 2024.")',
      validUntil: '2029-10-31',
    });
  });

  it('services', () => {
    expect(s.services).toEqual([
      ['587134-587145', 'I 633', '4.1.1', '4.1.1', 'Ablation percutanée d’une ou plusieurs tumeurs rénales sous guidage tomodensitométrique'],
      ['587156-587160', 'I 633', '4.1.1', '4.1.1', 'Ablation percutanée d’une ou plusieurs tumeurs hépatiques sous guidage tomodensitométrique'],
      ['587171-587182', 'I 633', '4.1.1', '4.1.1', 'Ablation percutanée d’une ou plusieurs tumeurs pulmonaires sous guidage tomodensitométrique'],
      ['587193-587204', 'I 601', '4.1.1', '4.1.1', 'Ablation percutanée d’une ou plusieurs tumeurs osseuses sous guidage tomodensitométrique'],
      ['350755-350766', 'K 121', '4.2.1', '4.2.1', 'Intervention globale pour la consultation multidisciplinaire (CM) dans le cadre de la discussion d’une tumeur osseuse bénigne pour laquelle une ablation percutanée de la tumeur peut être envisagée'],
      ['350770-350781', 'K 17', '4.2.1', '4.2.1', 'Participation à la consultation multidisciplinaire (CM) par le médecin spécialiste référent qui ne fait pas partie du staff du centre dans le cadre de la discussion d’une tumeur osseuse bénigne pour laquelle une ablation percutanée de la tumeur peut être envisagée'],
      ['350792-350803', 'K 17', '4.2.1', '4.2.1', 'Participation à la consultation multidisciplinaire par le médecin généraliste traitant dans le cadre de la discussion d’une tumeur osseuse bénigne pour laquelle une ablation percutanée de la tumeur peut être envisagée'],
    ]);
  });

  it('fee rows, the displaced Dutch table attached to 4.2', () => {
    expect(s.fees).toEqual([
      ['587134-587145', 'I', '2.801231', '633', '1773.18', ['1773.18', '1773.18', '1773.18', '1773.18'], '4.1.3', undefined],
      ['587156-587160', 'I', '2.801231', '633', '1773.18', ['1773.18', '1773.18', '1773.18', '1773.18'], '4.1.3', undefined],
      ['587171-587182', 'I', '2.801231', '633', '1773.18', ['1773.18', '1773.18', '1773.18', '1773.18'], '4.1.3', undefined],
      ['587193-587204', 'I', '2.801231', '601', '1683.54', ['1683.54', '1683.54', '1683.54', '1683.54'], '4.1.3', undefined],
      ['350755-350766', 'K', '1.465095', '121', '177.28', ['177.28', '177.28', '177.28', '177.28'], '4.2.3', 'printed within 5.2 by the page layout; table headers in Dutch'],
      ['350770-350781', 'K', '1.465095', '17', '24.91', ['24.91', '24.91', '24.91', '24.91'], '4.2.3', 'printed within 5.2 by the page layout; table headers in Dutch'],
      ['350792-350803', 'K', '1.465095', '17', '24.91', ['24.91', '24.91', '24.91', '24.91'], '4.2.3', 'printed within 5.2 by the page layout; table headers in Dutch'],
    ]);
    expect(doc.fees.every((f) => f.validFrom === null && f.validTo === null)).toBe(true);
  });

  it('rules, one per normative sentence naming a code', () => {
    expect(s.rules).toEqual([
      ['4.1.2', 'Les prestations 587134-587145, 587156-587160, 587171-587182 et 587193-587204 ne peuvent être remboursées que si elles sont effectuées par un médecin spécialiste en radiodiagnostic avec une expérience en radiologie interventionnelle OU par un médecin spécialiste de l’une des disciplines suivantes si elles sont effectuées en collaboration avec un médecin spécialiste en radiodiagnostic avec une expérience en radiologie interventionnelle : o un médecin spécialiste en urologie o un médecin spécialiste en chirurgie o un médecin spécialiste en chirurgie orthopédique o un médecin spécialiste en neurochirurgie o un médecin spécialiste en pneumologie possédant une qualification professionnelle particulière en oncologie o un médecin spécialiste en gastroentérologie possédant une qualification professionnelle particulière en oncologie'],
      ['4.1.2', 'Les prestations 587134-587145, 587156-587160, 587171-587182 et 587193-587204 peuvent être attestées une fois par jour.'],
      ['4.1.2', 'Les prestations 587134-587145, 587156-587160, 587171-587182 et 587193-587204 ne peuvent pas être répétées pour une même lésion dans une période de 3 mois, à moins qu’une motivation figure dans le dossier médical du patient.'],
      ['4.1.2', 'Les prestations 587134-587145, 587156-587160, 587171-587182 et 587193-587204 couvrent toutes les prestations et contrôles médicaux effectués tout au long de l’intervention, ainsi que l’ensemble du matériel utilisé à l’exception des aiguilles, des dispositifs médicaux, des produits pharmaceutiques et de contraste.'],
      ['4.1.2', 'Les prestations 587134-587145, 587156-587160, 587171-587182, 587193-587204 concernent les types d’ablation suivants : thermoablation (ablation au laser, par radiofréquence, par micro-ondes, cryoablation) et ablation par électroporation.'],
      ['4.1.2', 'Les prestations 587134-587145, 587156-587160, 587171-587182 et 587193-587204 ne peuvent pas être cumulées avec celles des articles 17, 17 bis, 17 ter et 17 quater lors d’une même intervention.'],
      ['4.1.2', 'Les prestations 587134-587145, 587156-587160, 587171-587182 et 587193-587204 ne peuvent être remboursées que si une consultation de pré-ablation est prévue chez un radiologue interventionnel ou un médecin spécialiste qui effectuera l’ablation (comme défini au paragraphe 1er des règles d’application).'],
      ['4.1.2', 'Les prestations 587134-587145, 587156-587160, 587171-587182 et 587193-587204 ne peuvent être remboursées que si elles sont discutées et approuvées lors d’une COM/CM.'],
      ['4.2.2', 'La prestation 350792-350803 couvre également les frais de déplacement éventuels.'],
      ['4.2.2', 'Les prestations 350770-350781 et 350792-350803 ne peuvent être attestées qu’une seule fois, et ce uniquement à la suite de la prestation 350755-350766.'],
      ['4.2.2', 'La prestation 350755-350766 ne peut pas être cumulée avec les prestations 350372-350383, 350276-350280, 350291-350302, 105291-105302, 105313-105324, 105335-105345 et 105350-105361 de la nomenclature.'],
      ['5.4', 'À partir de l’entrée en vigueur de la convention, le centre doit réaliser au minimum 60 ablations percutanées sur une période de 3 ans (période transitoire) (prestations 587134-587145 ; 587156-587160 ; 587171-587182 ; 587193-587204).'],
      ['5.4', 'Après la période de transition de 3 ans, le centre doit effectuer au moins 30 ablations percutanées par an (prestations 587134-587145 ; 587156-587160 ; 587171-587182 ; 587193-587204).'],
    ]);
    expect(s.ruleCodes).toEqual([
      ['587134', '587145', '587156', '587160', '587171', '587182', '587193', '587204'],
      ['587134', '587145', '587156', '587160', '587171', '587182', '587193', '587204'],
      ['587134', '587145', '587156', '587160', '587171', '587182', '587193', '587204'],
      ['587134', '587145', '587156', '587160', '587171', '587182', '587193', '587204'],
      ['587134', '587145', '587156', '587160', '587171', '587182', '587193', '587204'],
      ['587134', '587145', '587156', '587160', '587171', '587182', '587193', '587204'],
      ['587134', '587145', '587156', '587160', '587171', '587182', '587193', '587204'],
      ['587134', '587145', '587156', '587160', '587171', '587182', '587193', '587204'],
      ['350792', '350803'],
      ['350770', '350781', '350792', '350803', '350755', '350766'],
      ['350755', '350766', '350372', '350383', '350276', '350280', '350291', '350302', '105291', '105302', '105313', '105324', '105335', '105345', '105350', '105361'],
      ['587134', '587145', '587156', '587160', '587171', '587182', '587193', '587204'],
      ['587134', '587145', '587156', '587160', '587171', '587182', '587193', '587204'],
    ]);
    expect(doc.rules.map((r) => r.id)).toEqual([
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `${doc.id}:4.1.2:${n}`),
      ...[1, 2, 3].map((n) => `${doc.id}:4.2.2:${n}`),
      `${doc.id}:5.4:1`, `${doc.id}:5.4:2`,
    ]);
  });

  it('issues: a caption whose row was lost, the orphan table and the misprinted 105345', () => {
    expect(doc.issues).toEqual([
      {
        severity: 'warning', code: 'other', where: '4.1.3',
        message: 'text in a fee section outside any table row or rule (a table row may have been lost in the PDF extraction): "Anesthésie réalisée au cours d’une prestation dont la valeur relative est égale ou supérieure à K 400, N 600 ou I 600"',
      },
      {
        severity: 'warning', code: 'orphan-table', where: '4.2.1',
        message: 'fee table row 200093-200104 (K 198 × 2.824045 = 559.16; reimbursements 559.16, 559.16) belongs to no service of this convention; its headers are in Dutch (Honoraria AMB HOS Rechthebbenden met voorkeurregeling Rechthebbenden zonder voorkeurregeling TegemoetkomingCodenummer)',
      },
      {
        severity: 'error', code: 'invalid-check-digit', where: '4.2.2', proposal: '105346',
        message: '105345 (in 105335-105345): invalid check digit (10534 mod 7 = 6); proposal 105346, which is also the hospitalised twin of 105335',
      },
    ]);
  });

  it('unparsed normative sentences', () => {
    expect(s.unparsed).toEqual([
      ['Art. 1', 'Les soins spécialisés ne peuvent être dispensés de manière qualitative que dans un établissement hospitalier qui dispose d’une expertise suffisante, appliquée et améliorée en permanence.'],
      ['Art. 1', 'C’est pourquoi une ablation percutanée sous guidage tomodensitométrique d’une tumeur rénale, hépatique, pulmonaire ou osseuse est limitée aux centres spécialisés dans l’ablation tumorale percutanée qui peuvent offrir des soins multidisciplinaires de qualité dans les domaines de la radiologie interventionnelle, de la chirurgie, des soins intensifs, de l’anesthésie, des soins infirmiers et autres disciplines médicales 24 heures sur 24 et 7 jours sur 7.'],
      ['Art. 2', 'Pour l’application de la présente convention, il convient d’entendre par :'],
      ['Art. 2, 1°', "1° Nomenclature : la nomenclature des prestations de santé telle que visée à l’annexe à l’arrêté royal du 14 septembre 1984 établissant la nomenclature des prestations de santé en matière d'assurance obligatoire soins de santé et indemnités."],
      ['Art. 2, 2°', '2° Rapport de pré-ablation : un rapport écrit du radiologue interventionnel et/ou médecin spécialiste qui effectuera l’ablation, rédigé à la suite d’une consultation avec le patient (renvoyé pour une ablation), évaluant l’indication et la faisabilité de l’ablation sur la base des données médicales disponibles. Lorsqu’une ablation est effectivement retenue comme possibilité de traitement, une approbation doit faire suite à une consultation oncologique multidisciplinaire (COM1) ou une consultation pour ablation percutanée multidisciplinaire (CM2). Le rapport de pré-ablation doit être disponible au moment de la COM et de la CM.'],
      ['Art. 2', "1 Les tumeurs malignes susceptibles d’entrer en ligne de compte pour une ablation percutanée sous guidage tomodensitométrique doivent être examinées lors d'une consultation oncologique multidisciplinaire (COM)."],
      ['Art. 2', "2 Les tumeurs osseuses bénignes susceptibles d’entrer en ligne de compte pour une ablation percutanée sous guidage tomodensitométrique doivent être examinées lors d'une consultation multidisciplinaire en vue d'une ablation percutanée (CM)."],
      ['Art. 3', 'Les prestations définies dans la présente convention s’appliquent aux bénéficiaires atteints : • d’une ou de plusieurs tumeurs malignes des reins, du foie ou des poumons • d’une ou de plusieurs tumeurs bénignes ou malignes des os et qui répondent à l’une des indications ci-dessous :'],
      ['Art. 3, 1°', '1° Reins • Carcinome rénal T catégorie 1a en combinaison avec l’un des critères suivants : a. rein unique b. insuffisance rénale/mauvaise fonction rénale (GFR < 60 ml/min) c. le patient est inéligible à la chirurgie • En raison d’une prédisposition spécifique (à spécifier), le patient présente un risque accru de développer de multiples tumeurs rénales malignes au cours de sa vie (notamment von Hippel-Lindau…).'],
      ['Art. 3, 2°', '2° Foie • Carcinome hépatocellulaire a. Tumeur unique < 2 cm b. 1 à max 3 tumeurs ≤ 3 cm chez un patient inéligible à la chirurgie • Cholangiocarcinome intrahépatique : tumeur unique ≤ 3 cm chez un patient inéligible à la chirurgie • Métastase(s) colorectale(s) du foie jusque max 5 métastases ≤ 3 cm • Métastase(s) hépatique(s) de tumeurs neuroendocriniennes comme alternative au traitement systémique des oligométastases • Oligométastases (≤ 3 métastases de < 3 cm) d’autres tumeurs primaires'],
      ['Art. 3, 3°', '3° Poumons • Tumeur pulmonaire primaire (≤ 2 cm) de stade TNM T1 (T1a ou T1b) lorsqu’il existe une contre-indication à la chirurgie ou à la radiothérapie stéréotaxique (RST) • Métastases pulmonaires (≤ 3 métastases de ≤ 2 cm) telles que des oligométastases d’un carcinome colorectal par exemple'],
      ['Art. 3, 4°', '4° Os • Tumeur bénigne a. ostéome ostéoïde b. ostéoblastome c. granulome éosinophile d. kyste osseux anévrismal e. chondroblastome • Tumeur maligne à croissance lente (< 3 cm) chez les patients inéligibles à la chirurgie • Contrôle palliatif de la douleur et réduction de volume en cas de progression de la tumeur près de structures critiques (principalement en cas de lésions spinales) • En combinaison avec d’autres traitements tels que la prévention/le traitement de fractures pathologiques (ablation de la tumeur et prévention/traitement d’une fracture avec du ciment par exemple)'],
      ['4.1.2', 'Si un examen d’imagerie médicale est nécessaire le jour même, il doit être motivé dans le dossier médical et être à la disposition du médecin-conseil.'],
      ['4.1.2', 'La consultation de pré-ablation doit avoir lieu avant une consultation (oncologique) multidisciplinaire (COM/CM) et le rapport de pré-ablation doit être mis à la disposition de la COM/CM.'],
      ['4.1.2', 'La consultation de pré-ablation, l’intervention (ablation tumorale percutanée sous guidage tomodensitométrique) et le suivi post-interventionnel jusqu’à la sortie ne peuvent avoir lieu que dans un centre d’ablation tumorale percutanée.'],
      ['4.1.2', 'L’indication et l’argumentation sont clairement détaillées dans le rapport COM/CM.'],
      ['4.1.2', 'Si l’indication pour une ablation n’est pas mentionnée à l’article 3, la COM/CM doit justifier, par écrit, la décision prise au moyen d’un lien disponible vers les directives internationales les plus récentes publiées dans un « peer-reviewed journal » et sur lesquelles la décision est basée.'],
      ['4.1.2', 'La COM/CM peut se faire dans l’établissement hospitalier référent ou dans le centre d’ablation tumorale percutanée.'],
      ['4.1.2', 'Le radiologue interventionnel ou le médecin spécialiste qui effectuera l’ablation (comme défini au paragraphe 1er des règles d’application) participe à la COM/CM, en présentiel ou par vidéoconférence.'],
      ['4.2.2', 'L’intervention couvre les honoraires de tous les médecins spécialistes du centre d’ablation percutanée ou de l’établissement hospitalier référent qui participent à la CM, ainsi que les frais de coordination, d’organisation, de rapport avec description du diagnostic et du plan de traitement.'],
      ['4.2.2', 'Au moins trois médecins de spécialités différentes (orthopédie ou neurochirurgie) et le radiologue interventionnel participent à une CM.'],
      ['4.2.2', 'Au moins l’un d’entre eux : o possède une expérience particulière en chirurgie oncologique o ou est agréé en tant que médecin spécialiste en oncologie médicale o ou en radiothérapie-oncologie o ou est porteur d’un titre professionnel particulier en : o hématologie clinique o hématologie et oncologie pédiatriques'],
      ['4.2.2', 'La consultation multidisciplinaire est demandée par écrit par :'],
      ['4.2.2, 1°', "1° soit le médecin spécialiste traitant, à l’exception du radiologue interventionnel ou du médecin spécialiste qui effectuera l'ablation, du centre d'ablation percutanée si le patient s'est directement présenté au centre ou si le patient a été directement renvoyé par le médecin généraliste ;"],
      ['4.2.2, 2°', "2° soit le médecin spécialiste traitant, à l’exception du radiologue interventionnel ou du médecin spécialiste qui effectuera l'ablation, de l'établissement hospitalier référent."],
      ['4.2.2', "Le centre d'ablation percutanée ou l'établissement hospitalier référent est responsable de l'organisation de la CM."],
      ['4.2.2', 'La CM peut se dérouler par vidéoconférence.'],
      ['4.3', "Les montants des interventions visées aux articles 4.1.3 et 4.2.3 sont indexés annuellement au 1er janvier conformément au règlement d'indexation concernant l'indice santé lissé déterminé en vertu de l'article 207bis de la loi relative à l'assurance obligatoire soins de santé et indemnités, coordonnée le 14 juillet 1994."],
      ['4.3', 'La commission médico-mutualiste décide de l’utilisation de l’indice de masse.'],
      ['5.1', 'Au sein du centre, il faut pouvoir faire appel aux médecins spécialistes suivants :'],
      ['5.1, a.', 'a. au moins deux médecins spécialistes en radiodiagnostic possédant une expertise en radiologie interventionnelle ;'],
      ['5.1, b.', 'b. au moins deux médecins spécialistes dans chacune des disciplines suivantes : Urologie, chirurgie, chirurgie orthopédique, oncologie médicale.'],
      ['5.1, c.', 'c. au moins 1 médecin spécialiste en pneumologie ayant une compétence professionnelle particulière en oncologie ou spécialiste en gastro-entérologie ayant une compétence professionnelle particulière en oncologie.'],
      ['5.1, d.', 'd. au moins deux médecins spécialistes portant le titre professionnel particulier en soins intensifs et au moins deux médecins spécialistes en anesthésie-réanimation.'],
      ['5.2', 'Un service de radiologie interventionnelle de garde doit être à la disposition de l’hôpital où est effectuée l’intervention et ce, 24 heures sur 24 et 7 jours sur 7, pour pouvoir traiter d’éventuelles complications telles que des saignements ou la formation/collection de pus... par des techniques minimales invasives et/ou endovasculaires.'],
      ['5.2', "Une liste des radiologues interventionnels qui assurent la garde doit être déposée mensuellement auprès du directeur médical/médecin en chef de l'hôpital."],
      ['5.2', "Les listes doivent être conservées pendant 5 ans et être mises à la disposition des organes de contrôle (le Service d'évaluation et de contrôle médicaux de l'INAMI ou le médecin-conseil de l'organisme assureur)."],
      ['5.2', "Le médecin en chef est responsable de l'exactitude des listes."],
      ['5.3', "Un établissement hospitalier introduit sa candidature d'adhésion à cette convention au moyen d'un formulaire d’enregistrement (voir annexe 2) disponible sur le site Web de l'INAMI, et ce au plus tard le 15 septembre 2024."],
      ['5.3', 'Si la candidature est approuvée, une convention sera conclue avec le centre au plus tard le 31 octobre 2024.'],
      ['Art. 6', 'Le centre d’ablation percutanée s’engage à :'],
      ['Art. 6, 1°', "1° conclure des accords formels avec les établissements hospitaliers référents afin de respecter les engagements énoncés aux articles 4, 5, et 6. Il s'agit d’accords de collaboration fonctionnels entre le centre d'ablation percutanée et les établissements hospitaliers référents selon le modèle des soins partagés, combinant l'expertise et les soins à proximité du domicile dans le cadre de la dispense de soins ;"],
      ['Art. 6, 2°', "2° convenir de procédures claires pour une consultation pré-ablation au centre d'ablation percutanée ;"],
      ['Art. 6, 3°', "3° convenir de procédures claires pour la COM/CM dans l'établissement hospitalier référent (qui peut déjà impliquer le centre d'ablation percutanée) ;"],
      ['Art. 6, 4°', '4° garantir la qualité des soins selon le plus haut degré de preuve (« level of evidence ») de la médecine factuelle (« evidence-based medicine ») ;'],
      ['Art. 6, 5°', '5° respecter le libre choix du patient ou du référent en ce qui concerne le centre d’ablation percutanée où il/elle souhaite aller ;'],
      ['Art. 6, 6°', "6° facturer les prestations d'ablation percutanée dans les deux mois suivant la réalisation de la prestation."],
      ['7.1', 'L’AIM soumettra le rapport d’évaluation à la CNMM au plus tard le 15 septembre 2029.'],
      ['7.1', 'Après prise de connaissance par la CNMM, le rapport d’évaluation sera soumis au Comité de l’assurance au plus tard le 15 octobre 2029.'],
      ['7.1', 'Dans l’attente du rapport d’évaluation, les conventions conclues avec les centres d’ablation percutanée de tumeurs restent d’application à condition que le centre continue à remplir les critères de l’article 5.'],
      ['7.2', "A tout moment, le Service des soins de santé de l'INAMI peut proposer qu'un contrôle ad hoc soit réalisé par le Service d'évaluation et de contrôle médicaux dans le centre d'ablation percutanée concernant le respect de la présente convention."],
      ['Art. 8', 'Seuls les tribunaux de Bruxelles sont compétents pour régler tout litige entre les parties qui concerne la présente convention.'],
      ['Art. 9', "L'exécution de la présente convention ne peut en aucun cas engager la responsabilité de l’INAMI pour tout accident ou, de manière générale, tout dommage causé aux personnes et biens qui résultent directement ou indirectement de la présente convention."],
      ['10.2', "La présente convention peut être résiliée à tout moment par le Comité de l’assurance, sur proposition du Service des soins de santé de l'INAMI, s'il est établi, sur la base du contrôle visé à l'article 7.2, que les dispositions de la présence convention ne sont pas respectées."],
      ['10.2', 'Dans ce cas, la convention cesse d’exister à compter du premier jour du deuxième mois qui suit la constatation par le Comité de l’assurance.'],
    ]);
  });

  it('spans point into the raw text', () => {
    expectSpansMatch(raw, allProvenances(doc));
    const row = doc.fees[4].provenance;
    expect(raw.slice(...row.span!)).toBe('K = 1,465095 350755 350766 = K 121 177,28 177,28 177,28 177,28 177,28');
    expect(doc.services[0].provenance.text).toBe('587134-587145 Ablation percutanée d’une ou plusieurs tumeurs rénales sous guidage tomodensitométrique I633');
    expect(doc.rules[0].provenance).toMatchObject({ document: doc.id, article: '4.1.2' });
  });
});

describe('golden: breast reconstruction (002_f97d77b6772efff9)', () => {
  const raw = seed('002_f97d77b6772efff9.txt');
  const doc = parseConvention(raw);
  const s = summary(doc);

  it('identity, title and dates', () => {
    expect(isConventionText(raw)).toBe(true);
    expect(doc.id).toBe('conv-' + createHash('sha256').update(raw).digest('hex').slice(0, 16));
    expect(doc.convention).toBe('breast-reconstruction');
    expect(doc.title).toBe(
      "Convention entre le Comité de l'assurance du Service de soins de santé de l'INAMI et des établissements de soins pour le remboursement de la reconstruction mammaire unilatérale ou bilatérale totale (version 24/10/2016)",
    );
    expect(doc.dates).toEqual({
      signed: null, version: '2016-10-24', published: null,
      entryIntoForce: null,
      entryIntoForceBasis: 'first day of the month after the signature (Art. 16); the signature date is per institution and not in the text',
      validUntil: null,
    });
  });

  it('services (labels give no value)', () => {
    expect(s.services).toEqual([
      ['252652-252663', null, 'Art. 3', 'Art. 3, a)', 'Reconstruction mammaire unilatérale au moyen de la chirurgie reconstructive après une opération par lambeau libre microchirurgical perforant (y compris la fermeture du site donneur)'],
      ['252674-252685', null, 'Art. 3', 'Art. 3, a)', 'Reconstruction mammaire bilatérale au moyen de la chirurgie reconstructive après une opération par lambeau libre microchirurgical perforant, (y compris la fermeture du site donneur)'],
      ['252696-252700', null, 'Art. 3', 'Art. 3, a)', "Reconstruction mammaire unilatérale au moyen de la chirurgie reconstructive après une opération par lambeau libre microchirurgical perforant (y compris la fermeture du site donneur), après accord du Collège des médecins-directeurs préalablement à l'intervention"],
      ['252711-252722', null, 'Art. 3', 'Art. 3, a)', "Reconstruction mammaire bilatérale au moyen de la chirurgie reconstructive après une opération par lambeau libre microchirurgical perforant (y compris la fermeture du site donneur), après accord du Collège des médecins-directeurs préalablement à l'intervention"],
      ['252733-252744', null, 'Art. 4', 'Art. 4, a)', "Reconstruction unilatérale de la plaque aréolo-mamelonnaire et remodelage d'un ou de deux seins par plastie mammaire, y compris l'implantation éventuelle d'un implant mammaire ou d'un expanseur tissulaire mammaire"],
      ['252755-252766', null, 'Art. 4', 'Art. 4, a)', "Reconstruction bilatérale de la plaque aréolo-mamelonnaire et remodelage d'un ou de deux seins par plastie mammaire, y compris l'implantation éventuelle d'un implant mammaire ou d'un expanseur tissulaire mammaire"],
      ['252770-252781', null, 'Art. 4', 'Art. 4, a)', "Remodelage complémentaire d'un ou de deux seins par plastie mammaire, y compris l'implantation éventuelle d'un implant mammaire ou d'un expanseur tissulaire mammaire"],
      ['252792-252803', null, 'Art. 5', 'Art. 5, a)', 'Tatouage unilatéral de la région aréolaire par le chirurgien plasticien ou sous sa supervision'],
      ['252814-252825', null, 'Art. 5', 'Art. 5, a)', 'Tatouage bilatéral de la région aréolaire par le chirurgien plasticien ou sous sa supervision'],
    ]);
  });

  it('fee rows with French number formats and per-row coefficients', () => {
    expect(s.fees).toEqual([
      ['252652-252663', 'K', '2.035887', '1517', '3088.44', ['3088.44', '3088.44', '3088.44', '3088.44'], 'Art. 3, d)', undefined],
      ['252696-252700', 'K', '2.035887', '1517', '3088.44', ['3088.44', '3088.44', '3088.44', '3088.44'], 'Art. 3, d)', undefined],
      ['252674-252685', 'K', '2.036035', '2305', '4693.06', ['4693.06', '4693.06', '4693.06', '4693.06'], 'Art. 3, d)', undefined],
      ['252711-252722', 'K', '2.036035', '2305', '4693.06', ['4693.06', '4693.06', '4693.06', '4693.06'], 'Art. 3, d)', undefined],
      ['252733-252744', 'K', '2.036315', '336', '684.20', ['684.20', '684.20', '684.20', '684.20'], 'Art. 4, c)', undefined],
      ['252755-252766', 'K', '2.036315', '391', '796.20', ['796.20', '796.20', '796.20', '796.20'], 'Art. 4, c)', undefined],
      ['252770-252781', 'K', '2.036315', '168', '342.10', ['342.10', '342.10', '342.10', '342.10'], 'Art. 4, c)', undefined],
      ['252792-252803', 'K', '1.349114', '72', '97.14', ['97.14', '97.14', '97.14', '97.14'], 'Art. 5, c)', undefined],
      ['252814-252825', 'K', '1.349114', '144', '194.27', ['194.27', '194.27', '194.27', '194.27'], 'Art. 5, c)', undefined],
    ]);
  });

  it('rules', () => {
    expect(s.rules).toEqual([
      ['Art. 3, a)', "Les lambeaux libres micro-chirurgicaux suivants entrent en ligne de compte pour une intervention de l'assurance via les codes de prestation 252652-252663, 252674-252685, 252696-252700 et 252711-252722: DIEP Deep Inferior Epigastric Artery Perforator Flap SIEP Superficial Epigastric Artery Perforator Flap SGAP Superior Gluteal Artery Perforator Flap IGAP Inferior Gluteal Artery Perforator Flap LAP Lumbar Artery Artery Perforator Flap DCIAP Deep Circumflex Iliac Artery Perforator Flap TUG Transverse Upper Gracilis Artery Perforator Flap (medial thigh) PFAP Profunda Femoris Artery Perforator Flap (posterior thigh) TFLAP Tensor fascia lata Artery Perforator Flap (lateral thigh) ALT Antero-lateral Thigh Artery Perforator Flap"],
      ['Art. 3, b)', "Les prestations 252652-252663 et 252674-252685 n'entrent en ligne de compte pour un remboursement que si la reconstruction mammaire est réalisée après une intervention mutilante sur un ou deux seins à la suite d'un cancer du sein ou après mastectomie préventive en raison d'une prédisposition génétique au cancer du sein (mutation)."],
      ['Art. 3, b)', "L'intervention de l'assurance pour la prestation 252652-252663 peut être octroyée au maximum une fois par sein et n'est due que si une des prestations 227636-227640 ou 227651-227662 ou 227673-227684 ou 227695-227706 ou 227710-227721 ou 227894-227905 a été remboursée au préalable ou simultanément."],
      ['Art. 3, b)', "L'intervention de l'assurance pour la prestation 252674-252685 peut être octroyée au maximum une fois et n'est due que si deux des prestations suivantes, identiques ou différentes, ont été remboursées au préalable ou simultanément : 227636-227640 ou 227651-227662 ou 227673-227684 ou 227695-227706 ou 227710-227721 ou 227894-227905."],
      ['Art. 3, b)', "Les prestations 252696-252700 et 252711-252722 n'entrent en ligne de compte pour un remboursement qu'après accord du Collège des médecins-directeurs obtenu conformément à la procédure mentionnée au point c) et si la reconstruction mammaire est faite : 1. suite à l’absence de tissu mammaire causé par le syndrome de Poland ; 2. suite à la perte totale du tissu mammaire : - après traumatisme sévère ; - après une nécrose si le rapport du chirurgien démontre la faisabilité de l’intervention ; - après une mastectomie totale comme traitement pour une infection sévère ; - après une mastectomie totale suite à des tumeurs bénignes volumineuses ou la maladie de Reclus."],
      ['Art. 3, b)', "L'intervention de l'assurance pour la prestation 252696-252700 peut être accordée au maximum une fois par sein."],
      ['Art. 3, b)', "L'intervention de l'assurance pour la prestation 252711-252722 peut être octroyée au maximum une fois."],
      ['Art. 3, b)', "Les prestations 252652-252663, 252674-252685, 252696-252700 et 252711-252722 ne peuvent pas être cumulées avec les prestations suivantes de l'art. 14, c) NPS : 250176-250180, 250191-250202, 251856-251860, 251871-251882, 251893-251904, 251812-251823, 251834-251845, 251952-251963, 252571-252582."],
      ['Art. 3, c)', "L'intervention de l'assurance pour les prestations 252696-252700 et 252711-252722 n'est possible qu'après l'accord préalable du Collège des médecins-directeurs."],
      ['Art. 4, b)', "L'intervention de l'assurance pour la prestation 252733-252744 est unique et ne peut être octroyée que si une des prestations 252652-252663 ou 252696-252700 a été effectuée au préalable ou simultanément."],
      ['Art. 4, b)', "L'intervention de l'assurance pour la prestation 252755-252766 est unique et ne peut être accordée que si une des prestations 252674-252685 ou 252711-252722 a été remboursée au préalable."],
      ['Art. 4, b)', "L'intervention de l'assurance pour la prestation 252770-252781 est unique et ne peut être accordée que si une des prestations 252733-252744 ou 252755-252766 a été remboursée au préalable."],
      ['Art. 4, b)', 'Les prestations 252733-252744, 252755-252766 en 252770-252781 ne peuvent pas être cumulées avec les prestations 251672-251683, 251716-251720, 252490-252501, 252512-252523, 252571-252582 et/ou 252593-252604.'],
      ['Art. 5, b)', "L'intervention de l'assurance pour la prestation 252792-252803 est unique et ne peut être accordée que si une des prestations 252652-252663 ou 252696-252700 a été remboursée au préalable."],
      ['Art. 5, b)', "L'intervention de l'assurance pour la prestation 252814-252825 est unique et ne peut être accordée que si une des prestations 252674-252685 ou 252711-252722 a été remboursée au préalable."],
      ['Art. 5, b)', 'Les prestations 252792-252803 et 252814-252825 ne peuvent pas être cumulées avec la prestation 252615-252626'],
    ]);
    expect(s.ruleCodes).toEqual([
      ['252652', '252663', '252674', '252685', '252696', '252700', '252711', '252722'],
      ['252652', '252663', '252674', '252685'],
      ['252652', '252663', '227636', '227640', '227651', '227662', '227673', '227684', '227695', '227706', '227710', '227721', '227894', '227905'],
      ['252674', '252685', '227636', '227640', '227651', '227662', '227673', '227684', '227695', '227706', '227710', '227721', '227894', '227905'],
      ['252696', '252700', '252711', '252722'],
      ['252696', '252700'],
      ['252711', '252722'],
      ['252652', '252663', '252674', '252685', '252696', '252700', '252711', '252722', '250176', '250180', '250191', '250202', '251856', '251860', '251871', '251882', '251893', '251904', '251812', '251823', '251834', '251845', '251952', '251963', '252571', '252582'],
      ['252696', '252700', '252711', '252722'],
      ['252733', '252744', '252652', '252663', '252696', '252700'],
      ['252755', '252766', '252674', '252685', '252711', '252722'],
      ['252770', '252781', '252733', '252744', '252755', '252766'],
      ['252733', '252744', '252755', '252766', '252770', '252781', '251672', '251683', '251716', '251720', '252490', '252501', '252512', '252523', '252571', '252582', '252593', '252604'],
      ['252792', '252803', '252652', '252663', '252696', '252700'],
      ['252814', '252825', '252674', '252685', '252711', '252722'],
      ['252792', '252803', '252814', '252825', '252615', '252626'],
    ]);
    expect(doc.rules.map((r) => r.id.slice(doc.id.length + 1))).toEqual([
      'Art. 3, a):1', 'Art. 3, b):1', 'Art. 3, b):2', 'Art. 3, b):3', 'Art. 3, b):4', 'Art. 3, b):5', 'Art. 3, b):6', 'Art. 3, b):7',
      'Art. 3, c):1', 'Art. 4, b):1', 'Art. 4, b):2', 'Art. 4, b):3', 'Art. 4, b):4', 'Art. 5, b):1', 'Art. 5, b):2', 'Art. 5, b):3',
    ]);
  });

  it('issues: the entry into force depends on an unknown signature date', () => {
    expect(doc.issues).toEqual([
      {
        severity: 'warning', code: 'entry-into-force-unknown', where: 'Art. 16',
        message: 'the convention takes effect on the first day of the month after its signature ("La présente convention, dûment signée, produit ses effets le 1er jour du mois qui suit celui de la signature"); the signature date is per institution and not in the text, so the entry into force is unknown',
      },
    ]);
  });

  it('unparsed normative sentences', () => {
    expect(s.unparsed).toEqual([
      ['Art. 1', 'La présente convention prévoit une intervention de l\'assurance pour la reconstruction mammaire unilatérale ou bilatérale totale par lambeau libre microchirurgical perforant et détermine les conditions et les modalités d\'intervention de façon à réaliser les objectifs suivants : - limiter les contributions personnelles (ticket modérateur + supplément) pour les patients à un montant raisonnable; - la facturation des suppléments "esthétiques" lors de ces interventions est impossible, même en chambres à deux lits; - les honoraires de l\'équipe de chirurgiens plasticiens sont adaptés à la durée et à la complexité de l\'opération et à l\'intensité du suivi postopératoire ; - garantir qu’en moyenne dans au moins 40% des interventions aucun supplément n’est attesté.'],
      ['Art. 3, b)', "L'indication de chirurgie ablative est posée dans le cadre d'une Consultation oncologique multidisciplinaire (COM)."],
      ['Art. 3, b)', 'La décision de procéder à une reconstruction primaire est prise simultanément en concertation avec le chirurgien plasticien.'],
      ['Art. 3, b)', "En cas de reconstructions secondaire et tertiaire, le dossier médical comporte le dernier rapport COM disponible et un rapport d'une consultation oncologique en vue de l'intervention."],
      ['Art. 3, c)', "A cette fin, l'hôpital envoie par la poste le formulaire de demande standard dûment complété et signé, dont le modèle est établi par le Collège des médecins-directeurs, à l'organisme assureur du patient ainsi qu'au Collège des médecins-directeurs."],
      ['Art. 3, c)', 'Le formulaire destiné au Collège des médecins-directeurs doit être accompagné de photographies dont les lignes directrices sont basées sur celles de la Plastic Surgery Educational Foundation (PSEF).'],
      ['Art. 3, c)', "La décision prise par le Collège des médecins-directeurs est envoyée via la poste à l'organisme assureur et à l'hôpital."],
      ['Art. 3, c)', 'Si la décision est positive, la prestation peut être exécutée et facturée.'],
      ['Art. 3, d)', "Les honoraires pour les prestations concernant la reconstruction mammaire couvrent l’indemnisation pour le médecin pratiquant l’intervention et pour l'aide opératoire, en ce compris tous les actes en rapport avec le lipofilling et la liposuccion."],
      ['Art. 3, d)', "Les dispositions relatives à l'anesthésiologie de l'art. 12 de la nomenclature des prestations de santé restent intégralement applicables aux prestations susmentionnées, en fonction de leur catégorie (valeur K)."],
      ['Art. 4, c)', "Les honoraires pour ces prestations couvrent l’indemnisation pour le médecin pratiquant l’intervention et pour l'aide opératoire, en ce compris tous les actes en rapport avec le lipofilling et la liposuccion."],
      ['Art. 4, c)', "Les dispositions relatives à l'anesthésiologie de l'art. 12 de la nomenclature des prestations de santé restent intégralement applicables aux prestations susmentionnées, en fonction de leur catégorie (valeur K)."],
      ['Art. 4, c)', "L'implant mammaire peut être porté en compte conformément aux dispositions de la Liste des prestations d'implants et de dispositifs médicaux invasifs remboursables."],
      ['Art. 6', "Seuls les établissements de soins disposant d'une clinique du sein coordinatrice agréée telle que visée à l'arrêté royal du 26 avril 2007 fixant les normes auxquelles le programme de soins oncologiques spécialisé pour le cancer du sein et le programme de soins oncologiques spécialisé pour le cancer du sein doivent répondre pour être agréés peuvent adhérer à la présente convention."],
      ['Art. 6', 'Les prestations mentionnées aux articles 3, 4 et 5 peuvent également être effectuées dans les cliniques du sein satellite, agréées conformément à l’AR du 26 avril 2007 susmentionné, qui a conclu un accord de collaboration avec la clinique du sein coordinatrice d’un centre qui a adhéré à la convention, à condition que le responsable du pouvoir organisateur de l’hôpital disposant d’une clinique du sein satellite, cosigne la présente convention et que le chirurgien en charge de l’intervention soit lié au centre coordinateur et respecte toutes les conditions mentionnées dans la présente convention.'],
      ['Art. 6', "En outre, l'établissement de soins doit disposer d'un contrôle de qualité interne et externe assorti d'une évaluation obligatoire de la satisfaction des patients."],
      ['Art. 6', "L'établissement de soins dispose au moins deux médecins spécialistes en chirurgie plastique, reconstructive et esthétique en service qui satisfont aux critères mentionnés à l'article 7."],
      ['Art. 7', 'Les prestations de la présente convention ne peuvent être portées en compte que par les médecins qui sont agréés comme médecin spécialiste en chirurgie plastique, reconstructive et esthétique et qui sur la base de leur CV peuvent prouver une qualification particulière en reconstructions mammaires selon la méthode du lambeau libre perforant.'],
      ['Art. 7', "La qualification particulière doit être démontrée dans une déclaration sur l'honneur de la part du chirurgien dans laquelle il précise les points suivants :"],
      ['Art. 7, a)', "a) le nombre d'interventions visées à l'article 3 qu'il/elle a exécutées lui-même/elle-même."],
      ['Art. 7, b)', "b) le nombre d'interventions visées à l'article 3 qu'il/elle a exécutées en tant qu'assistant(e)."],
      ['Art. 7', "Outre le nombre minimum d'interventions mentionné aux points a) et b) du présent article, il y a lieu accessoirement de démontrer et de préciser un des deux points suivants :"],
      ['Art. 7, c)', "c) les formations en lambeaux libres microchirurgicaux perforants suivies à l'intérieur du pays et/ou à l'étranger;"],
      ['Art. 7, d)', 'd) les éventuelles publications et/ou la collaboration à des publications concernant la reconstruction mammaire (et en particulier les lambeaux libres microchirurgicaux perforants dans une revue évaluée par des pairs).'],
      ['Art. 7', "L'établissement de soins communique au plus tard le jour de la signature au Service des soins de santé de lINAMI les noms des médecins spécialistes mentionnés à l'art. 7, avec les déclarations sur l'honneur concernant leur qualification particulière et la justification de leur activité effective comme mentionné à l’article 6.."],
      ['Art. 7', 'Toute modification concernant le statut de ces médecins spécialistes est communiquée au Fonctionnaire dirigeant du Service des soins de santé.'],
      ['Art. 8', "Le Service s'engage à publier le contenu de la présente convention via le site web de l'INAMI et, après évaluation, la liste des établissements de soins contractants qui satisfont aux critères mentionnés à l'article 6, ainsi que des chirurgiens plasticiens y attachés qui ont apporté la preuve de leur qualification, tel que le mentionne l'article 7."],
      ['Art. 9', "Les honoraires supplémentaires (non remboursables par l'assurance maladie obligatoire) pour les médecins spécialistes qui procèdent et assistent à l'opération d'une patiente en chambre individuelle peuvent s'élever à maximum 100 % des honoraires mentionnés à l’article 3."],
      ['Art. 9', "Conformément à l'art. 152, § 2, 2°, de la Loi sur les hôpitaux, les honoraires supplémentaires visés au précédent alinéa sont fixés dans la réglementation générale de l'hôpital contractant."],
      ['Art. 9', 'L’hôpital démontre également que dans la réglementation générale, les honoraires supplémentaires pour les prestations relatives aux interventions visées dans la présente convention ne sont pas augmentés.'],
      ['Art. 9', 'Les extraits correspondants sont ajoutés en annexe à la présente convention.'],
      ['Art. 9', "Pour les prestations couvertes par les honoraires mentionnés aux articles 3, 4 et 5, aucun autre supplément d'honoraires ne peut être porté en compte en dehors du supplément maximum mentionné à l'alinéa 1er, que la reconstruction ait été exécutée en un seul temps ou en plusieurs temps opératoires."],
      ['Art. 10', 'En aucune manière il ne peut être fait pression sur la patiente pour se faire hospitaliser dans une chambre individuelle.'],
      ['Art. 10', 'L’hôpital ajoute en annexe à la présente convention, les données suivantes par rapport à l’année précédent la signature de la présente convention : - le nombre de patients qui ont demandé à être hospitalisé dans une chambre commune ou à deux lits ; - le nombre de patients qui ont demandé à être hospitalisé dans une chambre individuelle.'],
      ['Art. 10', "Les suppléments en chambre ordinaire visés à l'article 97 de la Loi sur les hôpitaux sont d’application."],
      ['Art. 11', "La patiente doit donner son consentement éclairé préalablement à l'intervention."],
      ['Art. 12', 'Un devis écrit et un projet de formulaire d’admission sont remis à la patiente au plus tard 7 jours avant l’intervention.'],
      ['Art. 12', "Lors de l'établissement de ce devis, il est tenu compte du choix de la chambre et des dispositions de l'article 9 ('honoraires supplémentaires') de la présente convention."],
      ['Art. 13', "Sans préjudice des dispositions dans la convention entre les établissements hospitaliers et les organismes assureurs par rapport aux acomptes pour les frais de séjour, les acomptes sur les honoraires ne peuvent être réclamés que s'ils sont mentionnés dans le devis écrit et uniquement sur les montants à charge du patient à raison de maximum 50% du supplément d’honoraire et avec un m maximum de 1250 euros."],
      ['Art. 14', 'Après évaluation, le Collège des médecins directeurs peut proposer d’adapter la liste des affections exceptionnelles, reprise dans l’article 3, b) de la présente convention, en fonction des demandes introduites qui ont été approuvées pour le remboursement sur base de leur caractère particulièrement digne d’intérêt, et qui ont un caractère répétitif.'],
      ['Art. 15', 'La CNMM prend connaissance de tout type de différend ou de désaccord relatif à la reconstruction mammaire autologue et peut être saisi par les patients, les organismes assureurs et les hôpitaux pour les résoudre.'],
      ['Art. 16', 'La présente convention est conclue pour une période à durée indéterminée.'],
      ['Art. 16', "Elle peut être dénoncée par toutes les parties moyennant le respect d'un préavis de 6 mois prenant cours le premier jour du mois qui suit la date d'envoi de la lettre recommandée."],
      ['Art. 16', "Elle prend fin directement à partir du moment où le centre ne répond plus aux critères mentionnés à l'article 6."],
    ]);
  });

  it('spans point into the raw text', () => {
    expectSpansMatch(raw, allProvenances(doc));
  });
});
