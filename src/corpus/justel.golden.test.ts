/**
 * Golden test on the seed decree (royal decree of 12 August 1994, NUMAC 1994022370): the full
 * lists of amendments, rules, issues and unparsed sentences, cross-checked against the facts
 * the specification lists, and the provenance of every fact.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Amendment, Provenance } from '../facts.js';
import { isJustelMarkdown, parseJustel } from './justel.js';
import { sourceText } from './justel/normalise.js';
import { amendmentView, codesText, ruleView, valueText } from './justel/view.js';

const RAW = readFileSync(fileURLToPath(new URL('../../corpus/004_41601e86ba046398.txt', import.meta.url)), 'utf8');
const doc = parseJustel(RAW);
const of = <K extends Amendment['op']>(op: K) => doc.amendments.filter((a): a is Extract<Amendment, { op: K }> => a.op === op);

/** Every amendment of the seed, in document order (provenance spans are checked separately). */
const AMENDMENTS = [
  { id: '1994022370#1', source: 'Art. 1er', target: '10, § 1er', effective: '1995-01-01', op: 'replace-text', old: 'spécialiste en anesthésiologie', new: 'spécialiste en anesthésie-réanimation', codes: [], note: null },
  { id: '1994022370#2', source: 'Art. 1er', target: '10, § 1er', effective: '1995-01-01', op: 'replace-text', old: 'spécialiste en rééducation fonctionnelle', new: 'spécialiste en réadaptation fonctionnelle et professionnelle des handicapés', codes: [], note: null },
  { id: '1994022370#3', source: 'Art. 2, 1°', target: '11, § 1er', effective: '1995-01-01', op: 'insert-service', codes: '354255-354266', value: 'K 30', label: "Mise en place d'un catheter veineux central ou epicutaneo-cave, par denudation ou par ponction jugulaire (en dehors de la narcose) avec tunnellisation chez l'enfant de moins de 7 ans", heading: null, nomenclatureArticle: '11, § 1er', after: '354196', note: null },
  { id: '1994022370#4', source: 'Art. 2, 2°, 1.', target: '11, § 4', effective: '1995-01-01', op: 'change-value', codes: '355751-355762', from: 'K 30', to: 'K 50', note: null },
  { id: '1994022370#5', source: 'Art. 2, 2°, 2.', target: '11, § 4', effective: '1995-01-01', op: 'insert-service', codes: '355950-355961', value: 'K 100', label: "Gastrostomie percutanée sous contrôle endoscopique en vue du placement d'une sonde d'alimentation enterale", heading: null, nomenclatureArticle: '11, § 4', after: '355891', note: null },
  { id: '1994022370#6', source: 'Art. 3', target: '13, § 1er, alinéa 1er', effective: '1995-01-01', op: 'replace-text', old: null, new: 'ou neurologie', codes: [], note: 'words added at the end' },
  { id: '1994022370#7', source: 'Art. 4, 1°', target: '14, g)', effective: '1995-01-01', op: 'insert-service', codes: '432471-432482', value: 'K 120', label: 'Salpingotomie avec aspiration de trophoblaste, par laparoscopie', heading: null, nomenclatureArticle: '14, g)', after: '432331', note: null },
  { id: '1994022370#8', source: 'Art. 4, 2°', target: '14, i)', effective: '1995-01-01', op: 'insert-service', codes: '258915-258926', value: 'K 75', label: "Electrostimulation diagnostique du promontoire de l'oreille, en vue du placement d'un implant cochleaire", heading: null, nomenclatureArticle: '14, i)', after: '255312', note: null },
  { id: '1994022370#9', source: 'Art. 4, 3°, 1.', target: '14, k), I, § 2, C, 1°, c)', effective: '1995-01-01', op: 'insert-service', codes: '296715-296726', value: 'N 50', label: "Supplément pour la contention d'une fracture par broche", heading: null, nomenclatureArticle: '14, k), I, § 2, C, 1°, c)', after: null, note: null },
  { id: '1994022370#10', source: 'Art. 4, 3°, 2., a)', target: '14, k), III, b)', effective: '1995-01-01', op: 'insert-service', codes: '300370-300381', value: 'N 200', label: 'Arthroplastie arcromio-claviculaire', heading: null, nomenclatureArticle: '14, k), III, b)', after: '300333', note: null },
  { id: '1994022370#11', source: 'Art. 4, 3°, 2., b)', target: '14, k), III, b)', effective: '1995-01-01', op: 'replace-text', old: null, new: 'n° 300370-300381', codes: ['300370', '300381'], note: "completes la première règle d'application qui suit la prestation n° 300333-300344" },
  { id: '1994022370#12', source: 'Art. 4, 3°, 2., c)', target: '14, k), III, b)', effective: '1995-01-01', op: 'replace-text', old: null, new: 'n° 300370-300381', codes: ['300370', '300381'], note: "inserted after n° 300333-300344 in la deuxième règle d'application qui suit la prestation n° 300333-300344" },
  { id: '1994022370#13', source: 'Art. 4, 4°, 1.', target: '14, l)', effective: '1995-01-01', op: 'change-label', codes: '312152-312163', label: "Desinclusion et extraction d'une dent inclue par resection osseuse pericoronaire et/ou osteotomie dentaire avec ou sans trepanation préalable", note: null },
  { id: '1994022370#14', source: 'Art. 4, 4°, 1.', target: '14, l)', effective: '1995-01-01', op: 'change-value', codes: '312152-312163', from: null, to: 'K 120', note: null },
  { id: '1994022370#15', source: 'Art. 4, 4°, 2.', target: '14, l)', effective: '1995-01-01', op: 'change-value', codes: '317295-317306', from: 'K 450', to: 'K 500', note: null },
  { id: '1994022370#16', source: 'Art. 4, 5°', target: '14, m)', effective: '1995-01-01', op: 'replace-text', old: 'A la condition que le bénéficiaire … ont été effectués sur le donneur', new: "A la condition que le bénéficiaire soit inscrit avant la transplantation sur une liste d'attente tenue à jour par le Collège des médecins-directeurs au sein de l'Institut national d'assurance maladie-invalidité, le Collège peut accorder un complément d'intervention pour les frais supplémentaires éventuels relatifs au transport de l'organe prélevé à l'étranger vers le centre de transplantation et de l'équipe médicale qui prélève l'organe du donneur dans un établissement de soins étranger.\nUne intervention dans les frais relatifs au typage de donneurs potentiels effectué à l'étranger en vue de trouver un donneur compatible pour une transplantation de moelle osseuse peut être accordée par le Collège à la condition que le bénéficiaire ait été inscrit sur la liste précitée avant que ne commencent les typages à l'étranger, et à la condition qu'il soit fait état de ce que le registre national des candidats donneurs de moelle osseuse a été consulté.\nUne intervention dans les frais relatifs au transport ainsi qu'à l'assurance d'un donneur étranger de moelle osseuse peut être accordée dans les mêmes conditions.\nLe montant de l'intervention supplémentaire dans les frais est fixé par ledit Collège sur la base d'une demande individuelle introduite via l'organisme assureur, étayée par un rapport médical circonstancié et comprenant les états de frais détaillés. L'intervention ne peut pas couvrir les frais d'inscription à un registre de candidats receveurs.\nL'inscription du receveur comme candidat à une transplantation, sur la liste du Collège des médecins-directeurs est faite par le centre de transplantation au moyen d'une simple communication des données nécessaires relatives à l'identité du bénéficiaire et du centre et à la nature de la transplantation.\nLorsqu'il s'agit de reins prélevés sur des donneurs vivants, les prestations effectuées et les frais d'hospitalisation sont portés en compte au receveur étant entendu qu'il soit spécifié qu'ils sont relatifs au donneur. Il en est de même en cas de greffe de moelle osseuse.", codes: [], note: null },
  { id: '1994022370#17', source: 'Art. 5, 1.', target: '15, § 7', effective: '1995-01-01', op: 'replace-text', old: null, new: "Toutes les demandes relatives aux prothèses radifères, prothèses obturatrices, prothèses pour fracture et ankylose, prothèses maxillo-faciales, dilatateurs, mobilisateurs, doivent être adressées au Conseil technique dentaire, par la voie de l'organisme assureur, au moyen du formulaire complété et signé par le praticien et dont le modèle figure à l'annexe 72 de l'arrêté royal du 24 décembre 1963 portant règlement des prestations de santé en matière d'assurance obligatoire contre la maladie et l'invalidité. Elles ne peuvent être honorées que si elles ont été autorisées par le Conseil à concurrence du montant fixé par lui et dans les limites des montants fixés pour ces appareils.\nEn ce qui concerne les demandes relatives aux appareils destinés au traitement du syndrome algo-dysfonctionnel de l'articulation temporo-mandibulaire, l'intervention de l'assurance ne pourra être envisagée que si les moulages des arcades dentaires supérieure et inférieure pris avant le traitement, et le moulage de l'arcade dentaire munie de l'appareil correcteur sont tous les trois disponibles.\nLe Conseil technique dentaire peut exiger la communication de ces moulages, qui devront être conservés par le praticien.", codes: [], note: 'replaces the whole of § 7' },
  { id: '1994022370#18', source: 'Art. 5, 2.', target: '15, § 13, alinéa 2', effective: '1995-01-01', op: 'replace-text', old: null, new: "Toutes les demandes de remboursement relatives à la prestation n° 312756-312760 doivent être adressées au Collège des médecins-directeurs, par la voie de l'organisme assureur, au moyen d'un formulaire comportant une justification détaillée et une évaluation précise des frais du traitement chirurgical et des implants et dont le modèle est fixé par le Collège précité.", codes: ['312756', '312760'], note: 'replaces the whole of alinéa 2' },
  { id: '1994022370#19', source: 'Art. 6', target: '16, § 5, alinéas 1er et 2', effective: '1995-01-01', op: 'replace-text', old: null, new: "Pour l'aide opératoire au cours des prestations chirurgicales ou des prestations interventionnelles sous contrôle d'imagerie médicale dont la valeur relative est égale ou supérieure à K 120 ou N 200 ou I 200, les honoraires sont forfaitairement fixés à 10 p.c. de la valeur relative de la prestation effectuée, quelle que soit la qualification du médecin qui aide à l'intervention.\nLes honoraires pour l'aide opératoire ne peuvent être remboursés ni pour les actes endoscopiques diagnostiques, ni pour les interventions non sanglantes.", codes: [], note: 'replaces the whole of alinéas 1er et 2' },
  { id: '1994022370#20', source: 'Art. 7, 1°, a)', target: '20, § 1er, c)', effective: '1995-01-01', op: 'change-label', codes: '473712-473723', label: "Placement d'une prothèse de dilatation des voies biliaires par fibroduodenoscopie", note: null },
  { id: '1994022370#21', source: 'Art. 7, 1°, a)', target: '20, § 1er, c)', effective: '1995-01-01', op: 'change-value', codes: '473712-473723', from: null, to: 'K 270', note: null },
  { id: '1994022370#22', source: 'Art. 7, 1°, b)', target: '20, § 1er, c)', effective: '1995-01-01', op: 'replace-rule', codes: ['473712', '473723'], replaces: "la règle d'application qui suit la prestation n° 473712-473723", text: 'Les honoraires pour la prestation n° 473712-473723 ne couvrent pas les frais du stent endoluminal ou de la prothèse.', note: null },
  { id: '1994022370#23', source: 'Art. 7, 2°, a)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'change-label', codes: '474014-474025', label: "Ponction d'abcès froid chez l'enfant de moins de sept ans", note: 'in: les libelles des prestations suivantes sont modifies comme suit; label written with a leading "**" marker, removed' },
  { id: '1994022370#24', source: 'Art. 7, 2°, a)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'change-label', codes: '474036-474040', label: "Ponction d'ascite chez l'enfant de moins de sept ans", note: 'in: les libelles des prestations suivantes sont modifies comme suit; label written with a leading "**" marker, removed' },
  { id: '1994022370#25', source: 'Art. 7, 2°, a)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'change-label', codes: '474051-474062', label: "Ponction femorale, jugulaire ou du sinus longitudinal chez l'enfant de moins de sept ans", note: 'in: les libelles des prestations suivantes sont modifies comme suit; label written with a leading "**" marker, removed' },
  { id: '1994022370#26', source: 'Art. 7, 2°, a)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'change-label', codes: '474095-474106', label: "Ponction lombaire avec manometrie chez l'enfant de moins de sept ans", note: 'in: les libelles des prestations suivantes sont modifies comme suit; label written with a leading "**" marker, removed' },
  { id: '1994022370#27', source: 'Art. 7, 2°, a)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'change-label', codes: '474110-474121', label: "Ponction medullaire chez l'enfant de moins de sept ans", note: 'in: les libelles des prestations suivantes sont modifies comme suit; label written with a leading "**" marker, removed' },
  { id: '1994022370#28', source: 'Art. 7, 2°, a)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'change-label', codes: '474132-474143', label: "Ponction péricardique chez l'enfant de moins de sept ans", note: 'in: les libelles des prestations suivantes sont modifies comme suit; label written with a leading "**" marker, removed' },
  { id: '1994022370#29', source: 'Art. 7, 2°, a)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'change-label', codes: '474154-474165', label: "Ponction pleurale chez l'enfant de moins de sept ans", note: 'in: les libelles des prestations suivantes sont modifies comme suit; label written with a leading "**" marker, removed' },
  { id: '1994022370#30', source: 'Art. 7, 2°, a)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'change-label', codes: '474176-474180', label: "Ponction ventriculaire ou sous-durale avec ou sans injection chez l'enfant de moins de sept ans", note: 'in: les libelles des prestations suivantes sont modifies comme suit; label written with a leading "**" marker, removed' },
  { id: '1994022370#31', source: 'Art. 7, 2°, a)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'change-label', codes: '474191-474202', label: "Ponction artérielle ou veineuse, après dénudation du vaisseau, chez l'enfant de moins de sept ans", note: 'in: les libelles des prestations suivantes sont modifies comme suit; label written with a leading "**" marker, removed' },
  { id: '1994022370#32', source: 'Art. 7, 2°, a)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'change-label', codes: '474213-474224', label: "Ponction évacuatrice de plèvre ou du péritoine, avec ou sans lavage, avec ou sans injection, chez l'enfant de moins de sept ans", note: 'in: les libelles des prestations suivantes sont modifies comme suit; label written with a leading "**" marker, removed' },
  { id: '1994022370#33', source: 'Art. 7, 2°, a)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'change-label', codes: '474235-474246', label: "Ponction sous-occipitale ou cervicale, avec ou sans injection médicamenteuse chez l'enfant de moins de sept ans", note: 'in: les libelles des prestations suivantes sont modifies comme suit; label written with a leading "**" marker, removed' },
  { id: '1994022370#34', source: 'Art. 7, 2°, a)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'change-label', codes: '474250-474261', label: "Tubage gastrique chez l'enfant de moins de sept ans", note: 'in: les libelles des prestations suivantes sont modifies comme suit; label written with a leading "**" marker, removed' },
  { id: '1994022370#35', source: 'Art. 7, 2°, a)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'change-label', codes: '474272-474283', label: "Tubage duodénal chez l'enfant de moins de sept ans", note: 'in: les libelles des prestations suivantes sont modifies comme suit; label written with a leading "**" marker, removed' },
  { id: '1994022370#36', source: 'Art. 7, 2°, a)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'change-label', codes: '474294-474305', label: "Transfusion ou perfusion intraveineuse chez l'enfant de moins de sept ans", note: 'in: les libelles des prestations suivantes sont modifies comme suit; label written with a leading "**" marker, removed' },
  { id: '1994022370#37', source: 'Art. 7, 2°, a)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'change-label', codes: '474493-474504', label: "Biopsies du duodénum et/ou de l'intestin grêle par sonde, radioscopie comprise, chez un enfant de moins de sept ans", note: 'in: les libelles des prestations suivantes sont modifies comme suit' },
  { id: '1994022370#38', source: 'Art. 7, 2°, b)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'delete-service', codes: '474316-474320', note: null },
  { id: '1994022370#39', source: 'Art. 7, 2°, c)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'insert-service', codes: '474633-474644', value: 'K 35', label: "Supplément pour aspiration tracheobronchique réalisée chez un patient séjournant au service N ou n, a l'occasion des prestations n°s 211013-211024, 211035-211046", heading: null, nomenclatureArticle: '20, § 1er, d)', after: '474390', note: null },
  { id: '1994022370#40', source: 'Art. 7, 2°, c)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'insert-rule', codes: ['474633', '474644'], replaces: null, text: "L'intervention de l'assurance pour la prestation n° 474633-474644 est limitée à une fois par jour.", note: "in: la prestation et la règle d'application suivantes sont insérées après la prestation n° 474390-474401" },
  { id: '1994022370#41', source: 'Art. 7, 2°, d)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'change-label', codes: '474552-474563', label: "Enregistrement continu et simultané comprenant au moins l'EEG, l'EOG, l'ECG, l'oxymétrie continue et 2 paramètres respiratoires", note: 'the instruction writes 474552-475563 (see issues); the new wording gives 474552-474563' },
  { id: '1994022370#42', source: 'Art. 7, 2°, d)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'change-value', codes: '474552-474563', from: null, to: 'K 180', note: 'the instruction writes 474552-475563 (see issues); the new wording gives 474552-474563; value given in the new wording, although the instruction names only the label' },
  { id: '1994022370#43', source: 'Art. 7, 2°, e)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'insert-rule', codes: ['474552', '474563'], replaces: null, text: "L'intervention de l'assurance pour la prestation n° 474552-474563 est limitée à une seule fois par an, sauf pour le bénéficiaire chez lequel la prestation n° 474552-474563 a prouve la présence d'une pathologie manifeste nécessitant un monitoring apnéique.", note: 'inserted after service 474552-474563' },
  { id: '1994022370#44', source: 'Art. 7, 2°, f)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'delete-service', codes: '474574-474585', note: null },
  { id: '1994022370#45', source: 'Art. 7, 2°, g)', target: '20, § 1er, d)', effective: '1995-01-01', op: 'replace-rule', codes: ['474530', '474541', '474552', '474563', '211013', '211024', '211035', '211046', '211116', '211120', '211131', '211142', '212015', '212026', '212030', '212041', '212516', '212520', '212531', '212542', '213010', '213021', '213032', '213043', '214012', '214023', '214034', '214045', '214115', '214126', '477385'], replaces: "la règle d'application qui suit la prestation n° 474574-474585", text: "Les prestations n°s 474530-474541 et 474552-474563 ne sont pas cumulables avec les prestations n°s 211013-211024, 211035-211046, 211116-211120, 211131-211142, 212015-212026, 212030-212041, 212516-212520, 212531-212542, 213010-213021, 213032-213043, 214012-214023, 214034-214045, 214115-214126. Pendant une même période d'hospitalisation, une seule des prestations n°s 474541, 474563 et 477385 peut être portée en compte; la répétition de la prestation n° 474541 ne peut être portée en compte qu'après une période de deux mois.", note: null },
  { id: '1994022370#46', source: 'Art. 7, 3°', target: '20, § 1er, e)', effective: '1995-01-01', op: 'insert-service', codes: '476652-476663', value: 'K 150', label: 'Catheterisme cardiaque avec biopsie endomyocardique par voie veineuse', heading: null, nomenclatureArticle: '20, § 1er, e)', after: '476630', note: null },
  { id: '1994022370#47', source: 'Art. 7, 4°, a)', target: '20, § 1er, f)', effective: '1995-01-01', op: 'change-label', codes: '477374-477385', label: "Enregistrement continu et simultané comprenant au moins l'EEG, l'EOG, l'ECG, l'oxymétrie continue et 2 paramètres respiratoires", note: null },
  { id: '1994022370#48', source: 'Art. 7, 4°, a)', target: '20, § 1er, f)', effective: '1995-01-01', op: 'change-value', codes: '477374-477385', from: null, to: 'K 180', note: 'value given in the new wording, although the instruction names only the label' },
  { id: '1994022370#49', source: 'Art. 7, 4°, b)', target: '20, § 1er, f)', effective: '1995-01-01', op: 'insert-rule', codes: ['477374', '477385'], replaces: null, text: "L'intervention de l'assurance pour la prestation n° 477374-477385 est limitée à une fois par an.", note: 'inserted after service 477374-477385' },
  { id: '1994022370#50', source: 'Art. 7, 4°, c)', target: '20, § 1er, f)', effective: '1995-01-01', op: 'delete-service', codes: '477396-477400', note: null },
  { id: '1994022370#51', source: 'Art. 7, 4°, d)', target: '20, § 1er, f)', effective: '1995-01-01', op: 'replace-rule', codes: ['477374', '477385', '211013', '211024', '211035', '211046', '211116', '211120', '211131', '211142', '212015', '212026', '212030', '212041', '212516', '212520', '212531', '212542', '213010', '213021', '213032', '213043', '214012', '214023', '214034', '214045', '214115', '214126', '474541', '474563'], replaces: "la règle d'application qui suit la prestation n° 477396-477400", text: "La prestation n° 477374-477385 n'est pas cumulable avec les prestations n°s 211013-211024, 211035-211046, 211116-211120, 211131-211142, 212015-212026, 212030-212041, 212516-212520, 212531-212542, 213010-213021, 213032-213043, 214012-214023, 214034-214045, 214115-214126.\nPendant une même période d'hospitalisation, seule une des prestations n°s 474541, 474563 et 477385 peut être portée en compte; la répétition de la prestation n° 474541 ne peut être portée en compte qu'après une période de deux mois.", note: null },
  { id: '1994022370#52', source: 'Art. 8, 1°', target: '22, I', effective: '1995-01-01', op: 'change-value', codes: '558633-558644', from: 'K 65', to: 'K 50', note: null },
  { id: '1994022370#53', source: 'Art. 8, 2°', target: '22, I', effective: '1995-01-01', op: 'insert-service', codes: '558854-558865', value: 'K 50', label: "Etude tridimensionnelle par scanner optique d'une déformation démontrée du rachis, avec trace graphique et quantitatif des donnees", heading: null, nomenclatureArticle: '22, I', after: '558633', note: null },
  { id: '1994022370#54', source: 'Art. 8, 3°', target: '22, I', effective: '1995-01-01', op: 'replace-rule', codes: ['558633', '558644', '558854', '558865'], replaces: "la règle d'application qui suit la prestation n° 558633-558644", text: "Les prestations n°s 558633-558644 et 558854-558865 ne peuvent être portées en compte qu'une seule fois par an sauf accord préalable du médecin conseil.", note: null },
  { id: '1994022370#55', source: 'Art. 9, 1.', target: '23, § 6', effective: '1995-01-01', op: 'insert-rule', codes: ['558810', '558832'], replaces: null, text: "Le traitement visé aux prestations n°s 558810 et 558832 ne peut être entamé qu'après obtention de cet accord.", note: 'inserted after alinéa 1er' },
  { id: '1994022370#56', source: 'Art. 9, 2.', target: '23, § 6', effective: '1995-01-01', op: 'insert-rule', codes: ['558810', '558821', '558832', '558843'], replaces: null, text: 'Les honoraires pour les prestations n°s 558810-558821 et 558832-558843 ne peuvent être portés en compte pour la rééducation fonctionnelle de patients cardiaques.', note: 'inserted after alinéa 4' },
  { id: '1994022370#57', source: 'Art. 10, 1°, 1.', target: '25, § 1er', effective: '1995-01-01', op: 'change-label', codes: '599001', label: "a partir du 1er jour, pendant toute l'hospitalisation, par jour", note: null },
  { id: '1994022370#58', source: 'Art. 10, 1°, 1.', target: '25, § 1er', effective: '1995-01-01', op: 'change-value', codes: '599001', from: null, to: 'C 21.5', note: null },
  { id: '1994022370#59', source: 'Art. 10, 1°, 2.', target: '25, § 1er', effective: '1995-01-01', op: 'delete-service', codes: '599023', note: null },
  { id: '1994022370#60', source: 'Art. 10, 1°, 4.', target: '25, § 1er', effective: '1995-01-01', op: 'change-label', codes: '599222', label: "a partir du 1er jour, pendant toute l'hospitalisation, par jour", note: null },
  { id: '1994022370#61', source: 'Art. 10, 1°, 4.', target: '25, § 1er', effective: '1995-01-01', op: 'change-value', codes: '599222', from: null, to: 'C 21.5', note: null },
  { id: '1994022370#62', source: 'Art. 10, 1°, 4.', target: '25, § 1er', effective: '1995-01-01', op: 'delete-service', codes: '599244', note: null },
  { id: '1994022370#63', source: 'Art. 10, 1°, 4.', target: '25, § 1er', effective: '1995-01-01', op: 'delete-service', codes: '599266', note: null },
  { id: '1994022370#64', source: 'Art. 10, 1°, 5.', target: '25, § 1er', effective: '1995-01-01', op: 'insert-service', codes: '599325', value: 'C 16', label: 'les cinq premiers jours, par jour', heading: "Honoraires de surveillance d'un patient séjournant dans un service Tf ou dans un milieu familial, exécutes par un médecin agrée comme spécialiste en neuropsychiatrie ou en psychiatrie", nomenclatureArticle: '25, § 1er', after: '599266', note: 'in: les prestations suivantes sont ajoutées après la prestation n° 599266' },
  { id: '1994022370#65', source: 'Art. 10, 1°, 5.', target: '25, § 1er', effective: '1995-01-01', op: 'insert-service', codes: '599340', value: 'C 6', label: 'du sixième au soixantième jour inclus, par jour', heading: "Honoraires de surveillance d'un patient séjournant dans un service Tf ou dans un milieu familial, exécutes par un médecin agrée comme spécialiste en neuropsychiatrie ou en psychiatrie", nomenclatureArticle: '25, § 1er', after: '599266', note: 'in: les prestations suivantes sont ajoutées après la prestation n° 599266' },
  { id: '1994022370#66', source: 'Art. 10, 1°, 5.', target: '25, § 1er', effective: '1995-01-01', op: 'insert-service', codes: '599362', value: 'C 3', label: "du soixante et unième jour à la fin du sixième mois d'hospitalisation, par jour", heading: "Honoraires de surveillance d'un patient séjournant dans un service Tf ou dans un milieu familial, exécutes par un médecin agrée comme spécialiste en neuropsychiatrie ou en psychiatrie", nomenclatureArticle: '25, § 1er', after: '599266', note: 'in: les prestations suivantes sont ajoutées après la prestation n° 599266' },
  { id: '1994022370#67', source: 'Art. 10, 1°, 5.', target: '25, § 1er', effective: '1995-01-01', op: 'insert-service', codes: '599384', value: 'C 12', label: 'les cinq premiers jours, par jour', heading: 'Honoraires de surveillance du bénéficiaire hospitalise dans un service Sp quelle que soit la qualification du médecin auquel ils sont dus', nomenclatureArticle: '25, § 1er', after: '599266', note: 'in: les prestations suivantes sont ajoutées après la prestation n° 599266' },
  { id: '1994022370#68', source: 'Art. 10, 1°, 5.', target: '25, § 1er', effective: '1995-01-01', op: 'insert-service', codes: '599406', value: 'C 6', label: 'du sixième au douzième jour inclusivement, par jour', heading: 'Honoraires de surveillance du bénéficiaire hospitalise dans un service Sp quelle que soit la qualification du médecin auquel ils sont dus', nomenclatureArticle: '25, § 1er', after: '599266', note: 'in: les prestations suivantes sont ajoutées après la prestation n° 599266' },
  { id: '1994022370#69', source: 'Art. 10, 1°, 5.', target: '25, § 1er', effective: '1995-01-01', op: 'insert-service', codes: '599421', value: 'C 3', label: "du treizième jour, jusqu'a la fin du sixième mois, par jour", heading: 'Honoraires de surveillance du bénéficiaire hospitalise dans un service Sp quelle que soit la qualification du médecin auquel ils sont dus', nomenclatureArticle: '25, § 1er', after: '599266', note: 'in: les prestations suivantes sont ajoutées après la prestation n° 599266' },
  { id: '1994022370#70', source: 'Art. 10, 1°, 6.', target: '25, § 1er', effective: '1995-01-01', op: 'change-value', codes: '599303', from: 'C 20', to: 'C 27', note: null },
  { id: '1994022370#71', source: 'Art. 10, 1°, 7.', target: '25, § 1er', effective: '1995-01-01', op: 'insert-service', codes: '599443', value: 'C 30', label: 'Honoraires pour le premier examen psychiatrique, effectue au sein du service ou séjourne un bénéficiaire hospitalise, par un médecin spécialiste en neuropsychiatrie ou en psychiatrie sur prescription du médecin qui en a la surveillance, avec bilan écrit repris dans le dossier medical', heading: 'Psychiatrie de liaison', nomenclatureArticle: '25, § 1er', after: '599303', note: "in: les prestations et la règle d'application suivantes sont ajoutées après la prestation n° 599303" },
  { id: '1994022370#72', source: 'Art. 10, 1°, 7.', target: '25, § 1er', effective: '1995-01-01', op: 'insert-service', codes: '599465', value: 'C 20', label: "Honoraires pour l'examen et/ou traitement psychiatrique suivant par un médecin spécialiste en neuropsychiatrie ou en psychiatrie au sein du service ou séjourne le patient", heading: 'Psychiatrie de liaison', nomenclatureArticle: '25, § 1er', after: '599303', note: "in: les prestations et la règle d'application suivantes sont ajoutées après la prestation n° 599303" },
  { id: '1994022370#73', source: 'Art. 10, 1°, 7.', target: '25, § 1er', effective: '1995-01-01', op: 'insert-service', codes: '599480', value: 'C 40', label: "Honoraires de coordination pour l'admission, le traitement, la surveillance, la préparation au retour à domicile par un médecin spécialiste qui porte la responsabilité entière pour un patient dans une section d'hôpital de jour", heading: 'Psychiatrie de liaison', nomenclatureArticle: '25, § 1er', after: '599303', note: "in: les prestations et la règle d'application suivantes sont ajoutées après la prestation n° 599303" },
  { id: '1994022370#74', source: 'Art. 10, 1°, 7.', target: '25, § 1er', effective: '1995-01-01', op: 'insert-rule', codes: ['599480', '247531', '256513', '260794', '280055', '300274', '220290', '238114', '238173', '238195', '238210', '241091', '244193', '246595', '257390', '260934', '261214', '261236', '300333', '312152', '432331', '473712', '473292', '256992', '261310', '423010', '424012', '241150', '453132'], replaces: null, text: "La prestation n° 599480 ne peut être portée en compte qu'en cas d'exécution, en ambulatoire, d'une des prestations n°s 247531, 256513, 260794, 280055, 300274, 220290, 238114, 238173, 238195, 238210, 241091, 244193, 246595, 257390, 260934, 261214, 261236, 300333, 312152, 432331, 473712, 473292, 256992, 261310, 423010, 424012, 241150, 453132, prévues spécifiquement dans l'article 4, § 5bis, de la Convention nationale entre les institutions de soins et les organismes assureurs.", note: "in: les prestations et la règle d'application suivantes sont ajoutées après la prestation n° 599303" },
  { id: '1994022370#75', source: 'Art. 10, 2°, 1., a)', target: '25, § 2, a), 1°, dernier alinéa', effective: '1995-01-01', op: 'replace-text', old: null, new: 'Tf', codes: [], note: 'words added at the end; the act says: completed by le service "Tf"' },
  { id: '1994022370#76', source: 'Art. 10, 2°, 1., b)', target: '25, § 2, a), 4°', effective: '1995-01-01', op: 'replace-text', old: null, new: '4° Les honoraires de surveillance prévus sous les n°s 598006 à 599023, 599126 à 599163, 599222 à 599266 et 599325 à 599421 ne sont pas cumulables entre eux. Une seule de ces prestations peut être portée en compte par jour.', codes: ['598006', '599023', '599126', '599163', '599222', '599266', '599325', '599421'], note: 'replaces the whole of 4°' },
  { id: '1994022370#77', source: 'Art. 10, 2°, 2.', target: '25, § 2, d)', effective: '1995-01-01', op: 'insert-rule', codes: ['599443', '599465'], replaces: null, text: "Les prestations n°s 599443 et 599465 ne sont pas d'application pour des patients hospitalisés dans les services A, K, T, V et Tf.\nLes prestations n°s 599443 et 599465 sont cumulables avec les honoraires de surveillance.\nLes prestations n°s 599443 et 599465 ne sont pas cumulables avec des prestations techniques effectuées par ce même neuropsychiatre ou psychiatre-consultant.\nLa prestation n° 599443 ne peut être portée en compte qu'une seule fois pendant la même période d'hospitalisation.\nLa prestation n° 599465 doit toujours être précédée de la prestation 599443 et ne peut être portée en compte qu'une seule fois par période de 7 jours d'hospitalisation entamée.", note: null },
  { id: '1994022370#78', source: 'Art. 11, 1.', target: '26, § 4, alinéa 1er', effective: '1995-01-01', op: 'remove-codes-from-text', codes: ['474574', '474585', '477396', '477400'], note: null },
  { id: '1994022370#79', source: 'Art. 11, 2.', target: '26, § 4', effective: '1995-01-01', op: 'insert-rule', codes: ['474515', '474526'], replaces: null, text: "La prestation n° 474515-474526 peut toutefois donner lieu au paiement des honoraires supplémentaires d'urgence si la prestation du médecin accoucheur a donné lieu à ce supplément.", note: 'inserted after alinéa 1er' },
  { id: '1994022370#80', source: 'Art. 12, 1°', target: '34, § 1er, a)', effective: '1995-01-01', op: 'change-label', codes: '589131-589142', label: "Occlusion percutanée sous contrôle d'imagerie médicale de la vascularisation artérielle ou veineuse de lésions pathologiques ou d'hémorragie artérielle dans la région thoracique, abdominale ou pelvienne, y compris les manipulations et contrôles pendant le traitement et les catheters utilises, à l'exclusion du catheter d'embolisation utilise, des produits pharmaceutiques et de contraste, du matériel d'embolisation", note: null },
  { id: '1994022370#81', source: 'Art. 12, 2°', target: '34, § 1er, a)', effective: '1995-01-01', op: 'insert-service', codes: '589352-589363', value: 'I 850', label: "Placement percutané d'un stent-shunt porto-systemique par voie transjugulaire, y compris les manipulations et contrôles pendant le traitement, à l'exclusion du matériel de dilatation et des stents", heading: null, nomenclatureArticle: '34, § 1er, a)', after: '589131', note: null },
];

/** Every rule-of-application sentence the seed inserts or replaces. */
const RULES = [
  { id: '1994022370:Art. 4, 5°:1', article: 'Art. 4, 5°', codes: [], ranges: [], text: "A la condition que le bénéficiaire soit inscrit avant la transplantation sur une liste d'attente tenue à jour par le Collège des médecins-directeurs au sein de l'Institut national d'assurance maladie-invalidité, le Collège peut accorder un complément d'intervention pour les frais supplémentaires éventuels relatifs au transport de l'organe prélevé à l'étranger vers le centre de transplantation et de l'équipe médicale qui prélève l'organe du donneur dans un établissement de soins étranger.", note: 'text of the nomenclature, art. 14, m)' },
  { id: '1994022370:Art. 4, 5°:2', article: 'Art. 4, 5°', codes: [], ranges: [], text: "Une intervention dans les frais relatifs au typage de donneurs potentiels effectué à l'étranger en vue de trouver un donneur compatible pour une transplantation de moelle osseuse peut être accordée par le Collège à la condition que le bénéficiaire ait été inscrit sur la liste précitée avant que ne commencent les typages à l'étranger, et à la condition qu'il soit fait état de ce que le registre national des candidats donneurs de moelle osseuse a été consulté.", note: 'text of the nomenclature, art. 14, m)' },
  { id: '1994022370:Art. 4, 5°:3', article: 'Art. 4, 5°', codes: [], ranges: [], text: "Une intervention dans les frais relatifs au transport ainsi qu'à l'assurance d'un donneur étranger de moelle osseuse peut être accordée dans les mêmes conditions.", note: 'text of the nomenclature, art. 14, m)' },
  { id: '1994022370:Art. 4, 5°:4', article: 'Art. 4, 5°', codes: [], ranges: [], text: "Le montant de l'intervention supplémentaire dans les frais est fixé par ledit Collège sur la base d'une demande individuelle introduite via l'organisme assureur, étayée par un rapport médical circonstancié et comprenant les états de frais détaillés.", note: 'text of the nomenclature, art. 14, m)' },
  { id: '1994022370:Art. 4, 5°:5', article: 'Art. 4, 5°', codes: [], ranges: [], text: "L'intervention ne peut pas couvrir les frais d'inscription à un registre de candidats receveurs.", note: 'text of the nomenclature, art. 14, m)' },
  { id: '1994022370:Art. 4, 5°:6', article: 'Art. 4, 5°', codes: [], ranges: [], text: "L'inscription du receveur comme candidat à une transplantation, sur la liste du Collège des médecins-directeurs est faite par le centre de transplantation au moyen d'une simple communication des données nécessaires relatives à l'identité du bénéficiaire et du centre et à la nature de la transplantation.", note: 'text of the nomenclature, art. 14, m)' },
  { id: '1994022370:Art. 4, 5°:7', article: 'Art. 4, 5°', codes: [], ranges: [], text: "Lorsqu'il s'agit de reins prélevés sur des donneurs vivants, les prestations effectuées et les frais d'hospitalisation sont portés en compte au receveur étant entendu qu'il soit spécifié qu'ils sont relatifs au donneur.", note: 'text of the nomenclature, art. 14, m)' },
  { id: '1994022370:Art. 4, 5°:8', article: 'Art. 4, 5°', codes: [], ranges: [], text: 'Il en est de même en cas de greffe de moelle osseuse.', note: 'text of the nomenclature, art. 14, m)' },
  { id: '1994022370:Art. 5, 1.:1', article: 'Art. 5, 1.', codes: [], ranges: [], text: "Toutes les demandes relatives aux prothèses radifères, prothèses obturatrices, prothèses pour fracture et ankylose, prothèses maxillo-faciales, dilatateurs, mobilisateurs, doivent être adressées au Conseil technique dentaire, par la voie de l'organisme assureur, au moyen du formulaire complété et signé par le praticien et dont le modèle figure à l'annexe 72 de l'arrêté royal du 24 décembre 1963 portant règlement des prestations de santé en matière d'assurance obligatoire contre la maladie et l'invalidité.", note: 'text of the nomenclature, art. 15, § 7' },
  { id: '1994022370:Art. 5, 1.:2', article: 'Art. 5, 1.', codes: [], ranges: [], text: 'Elles ne peuvent être honorées que si elles ont été autorisées par le Conseil à concurrence du montant fixé par lui et dans les limites des montants fixés pour ces appareils.', note: 'text of the nomenclature, art. 15, § 7' },
  { id: '1994022370:Art. 5, 1.:3', article: 'Art. 5, 1.', codes: [], ranges: [], text: "En ce qui concerne les demandes relatives aux appareils destinés au traitement du syndrome algo-dysfonctionnel de l'articulation temporo-mandibulaire, l'intervention de l'assurance ne pourra être envisagée que si les moulages des arcades dentaires supérieure et inférieure pris avant le traitement, et le moulage de l'arcade dentaire munie de l'appareil correcteur sont tous les trois disponibles.", note: 'text of the nomenclature, art. 15, § 7' },
  { id: '1994022370:Art. 5, 1.:4', article: 'Art. 5, 1.', codes: [], ranges: [], text: 'Le Conseil technique dentaire peut exiger la communication de ces moulages, qui devront être conservés par le praticien.', note: 'text of the nomenclature, art. 15, § 7' },
  { id: '1994022370:Art. 5, 2.:1', article: 'Art. 5, 2.', codes: ['312756', '312760'], ranges: [], text: "Toutes les demandes de remboursement relatives à la prestation n° 312756-312760 doivent être adressées au Collège des médecins-directeurs, par la voie de l'organisme assureur, au moyen d'un formulaire comportant une justification détaillée et une évaluation précise des frais du traitement chirurgical et des implants et dont le modèle est fixé par le Collège précité.", note: 'text of the nomenclature, art. 15, § 13, alinéa 2' },
  { id: '1994022370:Art. 6:1', article: 'Art. 6', codes: [], ranges: [], text: "Pour l'aide opératoire au cours des prestations chirurgicales ou des prestations interventionnelles sous contrôle d'imagerie médicale dont la valeur relative est égale ou supérieure à K 120 ou N 200 ou I 200, les honoraires sont forfaitairement fixés à 10 p.c. de la valeur relative de la prestation effectuée, quelle que soit la qualification du médecin qui aide à l'intervention.", note: 'text of the nomenclature, art. 16, § 5, alinéas 1er et 2' },
  { id: '1994022370:Art. 6:2', article: 'Art. 6', codes: [], ranges: [], text: "Les honoraires pour l'aide opératoire ne peuvent être remboursés ni pour les actes endoscopiques diagnostiques, ni pour les interventions non sanglantes.", note: 'text of the nomenclature, art. 16, § 5, alinéas 1er et 2' },
  { id: '1994022370:Art. 7, 1°, b):1', article: 'Art. 7, 1°, b)', codes: ['473712', '473723'], ranges: [], text: 'Les honoraires pour la prestation n° 473712-473723 ne couvrent pas les frais du stent endoluminal ou de la prothèse.', note: 'text of the nomenclature, art. 20, § 1er, c)' },
  { id: '1994022370:Art. 7, 2°, c):1', article: 'Art. 7, 2°, c)', codes: ['474633', '474644'], ranges: [], text: "L'intervention de l'assurance pour la prestation n° 474633-474644 est limitée à une fois par jour.", note: 'text of the nomenclature, art. 20, § 1er, d)' },
  { id: '1994022370:Art. 7, 2°, e):1', article: 'Art. 7, 2°, e)', codes: ['474552', '474563'], ranges: [], text: "L'intervention de l'assurance pour la prestation n° 474552-474563 est limitée à une seule fois par an, sauf pour le bénéficiaire chez lequel la prestation n° 474552-474563 a prouve la présence d'une pathologie manifeste nécessitant un monitoring apnéique.", note: 'text of the nomenclature, art. 20, § 1er, d)' },
  { id: '1994022370:Art. 7, 2°, g):1', article: 'Art. 7, 2°, g)', codes: ['474530', '474541', '474552', '474563', '211013', '211024', '211035', '211046', '211116', '211120', '211131', '211142', '212015', '212026', '212030', '212041', '212516', '212520', '212531', '212542', '213010', '213021', '213032', '213043', '214012', '214023', '214034', '214045', '214115', '214126'], ranges: [], text: 'Les prestations n°s 474530-474541 et 474552-474563 ne sont pas cumulables avec les prestations n°s 211013-211024, 211035-211046, 211116-211120, 211131-211142, 212015-212026, 212030-212041, 212516-212520, 212531-212542, 213010-213021, 213032-213043, 214012-214023, 214034-214045, 214115-214126.', note: 'text of the nomenclature, art. 20, § 1er, d)' },
  { id: '1994022370:Art. 7, 2°, g):2', article: 'Art. 7, 2°, g)', codes: ['474541', '474563', '477385'], ranges: [], text: "Pendant une même période d'hospitalisation, une seule des prestations n°s 474541, 474563 et 477385 peut être portée en compte; la répétition de la prestation n° 474541 ne peut être portée en compte qu'après une période de deux mois.", note: 'text of the nomenclature, art. 20, § 1er, d)' },
  { id: '1994022370:Art. 7, 4°, b):1', article: 'Art. 7, 4°, b)', codes: ['477374', '477385'], ranges: [], text: "L'intervention de l'assurance pour la prestation n° 477374-477385 est limitée à une fois par an.", note: 'text of the nomenclature, art. 20, § 1er, f)' },
  { id: '1994022370:Art. 7, 4°, d):1', article: 'Art. 7, 4°, d)', codes: ['477374', '477385', '211013', '211024', '211035', '211046', '211116', '211120', '211131', '211142', '212015', '212026', '212030', '212041', '212516', '212520', '212531', '212542', '213010', '213021', '213032', '213043', '214012', '214023', '214034', '214045', '214115', '214126'], ranges: [], text: "La prestation n° 477374-477385 n'est pas cumulable avec les prestations n°s 211013-211024, 211035-211046, 211116-211120, 211131-211142, 212015-212026, 212030-212041, 212516-212520, 212531-212542, 213010-213021, 213032-213043, 214012-214023, 214034-214045, 214115-214126.", note: 'text of the nomenclature, art. 20, § 1er, f)' },
  { id: '1994022370:Art. 7, 4°, d):2', article: 'Art. 7, 4°, d)', codes: ['474541', '474563', '477385'], ranges: [], text: "Pendant une même période d'hospitalisation, seule une des prestations n°s 474541, 474563 et 477385 peut être portée en compte; la répétition de la prestation n° 474541 ne peut être portée en compte qu'après une période de deux mois.", note: 'text of the nomenclature, art. 20, § 1er, f)' },
  { id: '1994022370:Art. 8, 3°:1', article: 'Art. 8, 3°', codes: ['558633', '558644', '558854', '558865'], ranges: [], text: "Les prestations n°s 558633-558644 et 558854-558865 ne peuvent être portées en compte qu'une seule fois par an sauf accord préalable du médecin conseil.", note: 'text of the nomenclature, art. 22, I' },
  { id: '1994022370:Art. 9, 1.:1', article: 'Art. 9, 1.', codes: ['558810', '558832'], ranges: [], text: "Le traitement visé aux prestations n°s 558810 et 558832 ne peut être entamé qu'après obtention de cet accord.", note: 'text of the nomenclature, art. 23, § 6' },
  { id: '1994022370:Art. 9, 2.:1', article: 'Art. 9, 2.', codes: ['558810', '558821', '558832', '558843'], ranges: [], text: 'Les honoraires pour les prestations n°s 558810-558821 et 558832-558843 ne peuvent être portés en compte pour la rééducation fonctionnelle de patients cardiaques.', note: 'text of the nomenclature, art. 23, § 6' },
  { id: '1994022370:Art. 10, 1°, 7.:1', article: 'Art. 10, 1°, 7.', codes: ['599480', '247531', '256513', '260794', '280055', '300274', '220290', '238114', '238173', '238195', '238210', '241091', '244193', '246595', '257390', '260934', '261214', '261236', '300333', '312152', '432331', '473712', '473292', '256992', '261310', '423010', '424012', '241150', '453132'], ranges: [], text: "La prestation n° 599480 ne peut être portée en compte qu'en cas d'exécution, en ambulatoire, d'une des prestations n°s 247531, 256513, 260794, 280055, 300274, 220290, 238114, 238173, 238195, 238210, 241091, 244193, 246595, 257390, 260934, 261214, 261236, 300333, 312152, 432331, 473712, 473292, 256992, 261310, 423010, 424012, 241150, 453132, prévues spécifiquement dans l'article 4, § 5bis, de la Convention nationale entre les institutions de soins et les organismes assureurs.", note: 'text of the nomenclature, art. 25, § 1er' },
  { id: '1994022370:Art. 10, 2°, 1., b):1', article: 'Art. 10, 2°, 1., b)', codes: [], ranges: [['598006', '599023'], ['599126', '599163'], ['599222', '599266'], ['599325', '599421']], text: '4° Les honoraires de surveillance prévus sous les n°s 598006 à 599023, 599126 à 599163, 599222 à 599266 et 599325 à 599421 ne sont pas cumulables entre eux.', note: 'text of the nomenclature, art. 25, § 2, a), 4°' },
  { id: '1994022370:Art. 10, 2°, 1., b):2', article: 'Art. 10, 2°, 1., b)', codes: [], ranges: [['598006', '599023'], ['599126', '599163'], ['599222', '599266'], ['599325', '599421']], text: 'Une seule de ces prestations peut être portée en compte par jour.', note: 'text of the nomenclature, art. 25, § 2, a), 4°; codes of the preceding sentence, to which this one refers' },
  { id: '1994022370:Art. 10, 2°, 2.:1', article: 'Art. 10, 2°, 2.', codes: ['599443', '599465'], ranges: [], text: "Les prestations n°s 599443 et 599465 ne sont pas d'application pour des patients hospitalisés dans les services A, K, T, V et Tf.", note: 'text of the nomenclature, art. 25, § 2, d)' },
  { id: '1994022370:Art. 10, 2°, 2.:2', article: 'Art. 10, 2°, 2.', codes: ['599443', '599465'], ranges: [], text: 'Les prestations n°s 599443 et 599465 sont cumulables avec les honoraires de surveillance.', note: 'text of the nomenclature, art. 25, § 2, d)' },
  { id: '1994022370:Art. 10, 2°, 2.:3', article: 'Art. 10, 2°, 2.', codes: ['599443', '599465'], ranges: [], text: 'Les prestations n°s 599443 et 599465 ne sont pas cumulables avec des prestations techniques effectuées par ce même neuropsychiatre ou psychiatre-consultant.', note: 'text of the nomenclature, art. 25, § 2, d)' },
  { id: '1994022370:Art. 10, 2°, 2.:4', article: 'Art. 10, 2°, 2.', codes: ['599443'], ranges: [], text: "La prestation n° 599443 ne peut être portée en compte qu'une seule fois pendant la même période d'hospitalisation.", note: 'text of the nomenclature, art. 25, § 2, d)' },
  { id: '1994022370:Art. 10, 2°, 2.:5', article: 'Art. 10, 2°, 2.', codes: ['599465', '599443'], ranges: [], text: "La prestation n° 599465 doit toujours être précédée de la prestation 599443 et ne peut être portée en compte qu'une seule fois par période de 7 jours d'hospitalisation entamée.", note: 'text of the nomenclature, art. 25, § 2, d)' },
  { id: '1994022370:Art. 11, 2.:1', article: 'Art. 11, 2.', codes: ['474515', '474526'], ranges: [], text: "La prestation n° 474515-474526 peut toutefois donner lieu au paiement des honoraires supplémentaires d'urgence si la prestation du médecin accoucheur a donné lieu à ce supplément.", note: 'text of the nomenclature, art. 26, § 4' },
];

const ISSUES = [
  { severity: 'error', code: 'invalid-check-digit', where: 'Art. 7, 2°, d)', message: '475563: invalid check digit (47556 mod 7 = 5, written 3); in the pair 474552-475563 the hospitalised twin of 474552 is 474563', proposal: '474563' },
  { severity: 'error', code: 'broken-pair', where: 'Art. 7, 2°, d)', message: '474552-475563 is not an ambulatory/hospitalised pair: the hospitalised twin of 474552 is 474563', proposal: '474552-474563' },
  { severity: 'warning', code: 'other', where: 'Art. 10, 1°', message: 'points numbered 2. 4. 4.: 4. appears twice and 3. is missing', proposal: 'read the first 4. as 3.' },
];

describe('seed decree 1994-08-12 (golden)', () => {
  it('is detected as Justel Markdown and identified by its NUMAC', () => {
    expect(isJustelMarkdown(RAW)).toBe(true);
    expect(doc.id).toBe('1994022370');
    expect(doc.kind).toBe('royal-decree');
    expect(doc.format).toBe('justel-markdown');
    expect(doc.url).toBe('https://www.ejustice.just.fgov.be/eli/arrete/1994/08/12/1994022370/justel');
    expect(doc.title).toBe("Arrêté royal modifiant l'arrêté royal du 14 septembre 1984 établissant la nomenclature des prestations de santé en matière d'assurance obligatoire contre la maladie et l'invalidité.");
    expect(doc.convention).toBeNull();
    expect(doc.services).toEqual([]);
    expect(doc.fees).toEqual([]);
  });

  it('computes the entry into force from Art. 13 and the publication, agreeing with the front matter', () => {
    expect(doc.dates).toEqual({
      signed: '1994-08-12',
      version: null,
      published: '1994-11-24',
      entryIntoForce: '1995-01-01',
      entryIntoForceBasis: 'Art. 13: first day of month 2 after the month of publication (1994-11-24) = 1995-01-01',
      validUntil: null,
    });
    expect(doc.issues.filter((i) => i.code.startsWith('entry-into-force'))).toEqual([]);
  });

  it('extracts every amendment, in order', () => {
    expect(doc.amendments.map(amendmentView)).toEqual(AMENDMENTS);
  });

  it('extracts every rule sentence the act inserts or replaces', () => {
    expect(doc.rules.map(ruleView)).toEqual(RULES);
  });

  it('reports exactly the misprint 474552-475563 and the duplicated point number', () => {
    expect(doc.issues).toEqual(ISSUES);
    const misprint = doc.issues.filter((i) => i.where === 'Art. 7, 2°, d)');
    expect(misprint.map((i) => [i.code, i.severity, i.proposal])).toEqual([
      ['invalid-check-digit', 'error', '474563'],
      ['broken-pair', 'error', '474552-474563'],
    ]);
  });

  it('leaves no normative sentence unparsed', () => {
    expect(doc.unparsed).toEqual([]);
  });

  it('gives the totals of the document', () => {
    expect({
      amendments: doc.amendments.length,
      servicesInserted: of('insert-service').length,
      valueChanges: of('change-value').length,
      valueChangesWithOldValue: of('change-value').filter((a) => a.from).length,
      labelChanges: of('change-label').length,
      deletions: of('delete-service').length,
      ruleInsertions: of('insert-rule').length,
      ruleReplacements: of('replace-rule').length,
      textReplacements: of('replace-text').length,
      codeRemovals: of('remove-codes-from-text').length,
      rules: doc.rules.length,
      issues: doc.issues.length,
      unparsed: doc.unparsed.length,
    }).toEqual({
      amendments: 81, servicesInserted: 19, valueChanges: 10, valueChangesWithOldValue: 4, labelChanges: 22, deletions: 6,
      ruleInsertions: 8, ruleReplacements: 4, textReplacements: 11, codeRemovals: 1, rules: 35, issues: 3, unparsed: 0,
    });
    expect(doc.amendments.every((a) => a.effective === '1995-01-01')).toBe(true);
  });

  // The facts the specification lists, checked independently of the golden lists above.
  it('inserts the services the specification lists, with their values', () => {
    expect(Object.fromEntries(of('insert-service').map((a) => [codesText(a.service.codes), valueText(a.service.value)]))).toEqual({
      '354255-354266': 'K 30', '355950-355961': 'K 100', '432471-432482': 'K 120', '258915-258926': 'K 75',
      '296715-296726': 'N 50', '300370-300381': 'N 200', '474633-474644': 'K 35', '476652-476663': 'K 150',
      '558854-558865': 'K 50', '589352-589363': 'I 850', '599325': 'C 16', '599340': 'C 6', '599362': 'C 3',
      '599384': 'C 12', '599406': 'C 6', '599421': 'C 3', '599443': 'C 30', '599465': 'C 20', '599480': 'C 40',
    });
    const first = of('insert-service')[0];
    expect([first.after, first.service.nomenclatureArticle]).toEqual(['354196', '11, § 1er']);
  });

  it('changes the values the specification lists, with the old value where stated', () => {
    expect(of('change-value').map((a) => `${codesText(a.codes)}: ${valueText(a.from)} -> ${valueText(a.to)}`)).toEqual([
      '355751-355762: K 30 -> K 50', '312152-312163: null -> K 120', '317295-317306: K 450 -> K 500',
      '473712-473723: null -> K 270', '474552-474563: null -> K 180', '477374-477385: null -> K 180',
      '558633-558644: K 65 -> K 50', '599001: null -> C 21.5', '599222: null -> C 21.5', '599303: C 20 -> C 27',
    ]);
  });

  it('changes the labels and deletes the services the specification lists', () => {
    expect(of('change-label').map((a) => codesText(a.codes))).toEqual([
      '312152-312163', '473712-473723',
      '474014-474025', '474036-474040', '474051-474062', '474095-474106', '474110-474121', '474132-474143', '474154-474165',
      '474176-474180', '474191-474202', '474213-474224', '474235-474246', '474250-474261', '474272-474283', '474294-474305',
      '474493-474504', '474552-474563', '477374-477385', '599001', '599222', '589131-589142',
    ]);
    expect(of('delete-service').map((a) => codesText(a.codes))).toEqual(['474316-474320', '474574-474585', '477396-477400', '599023', '599244', '599266']);
  });

  it('gives every fact a provenance whose span covers its text in the raw document', () => {
    const provenances: [string, Provenance][] = [
      ...doc.amendments.map((a): [string, Provenance] => [a.source, a.provenance]),
      ...of('insert-service').map((a): [string, Provenance] => [a.source, a.service.provenance]),
      ...doc.rules.map((r): [string, Provenance] => [r.article, r.provenance]),
    ];
    for (const [article, p] of provenances) {
      expect(p.document).toBe('1994022370');
      expect(p.article).toBe(article);
      expect(p.span).not.toBeNull();
      const [s, e] = p.span!;
      expect(0 <= s && s < e && e <= RAW.length).toBe(true);
      expect(p.text).toBe(sourceText(RAW, s, e));
      expect(p.text).not.toMatch(/```|\*\*Art/);
    }
  });

  it('cites the sentence each fact comes from', () => {
    const text = (a: Amendment | undefined) => a?.provenance.text;
    expect(text(doc.amendments.find((a) => a.op === 'change-label' && a.source === 'Art. 7, 2°, d)'))).toBe(
      'le libelle de la prestation n 474552-475563 est modifie comme suit : "474552-474563 Enregistrement continu et simultané comprenant au moins l\'EEG, l\'EOG, l\'ECG, l\'oxymétrie continue et 2 paramètres respiratoires K 180;"',
    );
    expect(text(doc.amendments.find((a) => a.op === 'delete-service' && a.source === 'Art. 7, 2°, b)'))).toBe('la prestation n 474316-474320 est supprimée;');
    expect(text(doc.amendments.find((a) => a.op === 'insert-service' && codesText(a.service.codes) === '599340'))).toBe('599340 du sixième au soixantième jour inclus, par jour C 6');
    expect(doc.rules.find((r) => r.id === '1994022370:Art. 7, 2°, c):1')?.provenance.text).toBe(
      "L'intervention de l'assurance pour la prestation n 474633-474644 est limitée à une fois par jour.",
    );
    const span = doc.rules.find((r) => r.id === '1994022370:Art. 10, 2°, 2.:4')!.provenance.span!;
    expect(RAW.slice(span[0], span[1])).toBe("La prestation n° 599443 ne peut être portée en compte qu'une seule fois pendant la même période d'hospitalisation.");
  });

  it('parses the act in a few milliseconds once warm (loose bound: shared CI machines are noisy)', () => {
    for (let i = 0; i < 20; i++) parseJustel(RAW);
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      parseJustel(RAW);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    // The median of warm runs; the bound is loose because CI machines are shared and noisy.
    expect(times[15]).toBeLessThan(25);
  });
});
