/** Messages en français. */
import type { Detail } from '../../rules/outcomes.js';
import { makeFormat, type Format, type MessageMap } from './types.js';

type D<K extends Detail['code']> = Extract<Detail, { code: K }>;

const fois = (n: number) => (n === 1 ? 'une fois' : `${n} fois`);

function periode(d: D<'frequency.exceeded' | 'frequency.within'>, f: Format): string {
  switch (d.period) {
    case 'day': return `par jour civil (${d.window!.from})`;
    case 'year': return `par année civile (du ${d.window!.from} au ${d.window!.to})`;
    case 'stay': return `par séjour (séjour ${d.stay})`;
    case 'stay-period': return `par période entamée de ${d.periodDays} jours du séjour (séjour ${d.stay}, du ${d.window?.from ?? '?'} au ${d.window?.to ?? '?'} ; jour 1 = jour d'admission)`;
    case 'lifetime': return d.side ? `par côté (${d.side === 'left' ? 'gauche' : 'droit'}), sur la vie du bénéficiaire` : 'sur la vie du bénéficiaire';
    case 'since': return `par ${d.anchor ? f.line(d.anchor) : 'prestation précédente'}`;
  }
}

const ensemble = (d: D<'frequency.exceeded' | 'frequency.within'>, f: Format) =>
  d.together && d.together.length > 1 ? ` (${f.and(d.together)} comptées ensemble)` : '';

const moment = (t: 'before' | 'before-or-same-day' | 'same-day') =>
  t === 'before' ? 'au préalable (à une date antérieure)' : t === 'same-day' ? 'le même jour' : 'au préalable ou le même jour';

const cadre = (s: 'day' | 'stay') => (s === 'day' ? 'le même jour' : 'pendant le même séjour');

const qui = (a: { specialty: string[]; qualifications: string[] }) =>
  `${a.specialty.join(' ou ')}${a.qualifications.length ? ` avec ${a.qualifications.join(' et ')}` : ''}`;

const delai = (m: number, d: number) => [m ? `${m} mois civil${m > 1 ? 's' : ''}` : '', d ? `${d} jour${d > 1 ? 's' : ''}` : ''].filter(Boolean).join(' et ');

const age = (under: number | null, atLeast: number | null) =>
  [under !== null ? `de moins de ${under} ans` : '', atLeast !== null ? `d'au moins ${atLeast} ans` : ''].filter(Boolean).join(' et ');

const STATUS_FR = { 'in-force': 'en vigueur', deleted: 'supprimé', 'not-yet-in-force': 'pas encore en vigueur', referenced: 'seulement cité' } as const;

export const fr: MessageMap = {
  'code.not-a-code': (d) => `« ${d.service} » n'est pas un code de nomenclature (six chiffres).`,
  'code.invalid-check-digit': (d) => `Le code ${d.service} a un chiffre de contrôle invalide (le sixième chiffre est le reste des cinq premiers modulo 7 : attendu ${d.expected}).`,
  'code.unknown': (d) => `Le code ${d.service} n'est pas connu de la nomenclature au ${d.date}.`,
  'code.not-yet-in-force': (d) => `Le code ${d.service} n'est pas encore en vigueur au ${d.date}${d.reason ? ` (${d.reason})` : ''}.`,
  'code.deleted': (d) => `Le code ${d.service} n'est plus en vigueur au ${d.date}${d.reason ? ` (${d.reason})` : ''}.`,
  'code.referenced': (d) => `Le code ${d.service} est seulement cité par le corpus (dans une règle ou une liste, sans définition) : ses règles s'appliquent, mais sa valeur et ses honoraires sont inconnus.`,
  'code.uncertain': (d, f) => `L'état du code ${d.service} au ${d.date} est incertain : une modification prend effet à une date que les sources ne fixent pas (${d.earliest ? `pas avant le ${d.earliest}` : 'date la plus proche inconnue'}, ${d.latest ? `au plus tard le ${d.latest}` : 'date la plus tardive inconnue'}) ; il est ${f.or(d.candidates.map((c) => `${STATUS_FR[c.status]}${c.keyLetter ? ` (${c.keyLetter} ${c.relativeValue}${c.fee ? `, honoraires ${c.fee}` : ''})` : ''}`))}. Aucun honoraire n'est donné : vérifiez l'entrée en vigueur de l'acte.`,
  'setting.ambulatory-code-in-stay': (d) => `Le code ${d.service} est un code ambulatoire mais la ligne est dans un séjour (séjour ${d.stay}, admission le ${d.admission})${d.twin ? ` : attester le code hospitalisé ${d.twin}` : ''}.`,
  'setting.hospitalised-code-without-stay': (d) => `Le code ${d.service} est un code hospitalisé mais la ligne n'a pas de séjour${d.twin ? ` : attester le code ambulatoire ${d.twin}` : ''}.`,
  'setting.matches': (d) => `Le code ${d.service} est ${d.setting === 'ambulatory' ? 'ambulatoire' : 'hospitalisé'}, comme la ligne.`,
  'frequency.exceeded': (d, f) =>
    `${d.service} ne peut être attesté qu'au maximum ${fois(d.max)} ${periode(d, f)}${ensemble(d, f)} ; déjà ${d.counted}${d.lines.length ? ` : ${f.lines(d.lines)}` : ''}.`,
  'frequency.within': (d, f) => `${d.service} : ${d.counted + d.units} sur au maximum ${d.max} ${periode(d, f)}${ensemble(d, f)}.`,
  'frequency.side-missing': (d, f) =>
    `${d.service} est limité à ${fois(d.max)} par côté, mais la ligne n'indique pas le côté ; ${d.counted} ligne(s) antérieure(s)${d.lines.length ? ` (${f.lines(d.lines)})` : ''} : indiquer le côté.`,
  'frequency.no-stay': (d) => `${d.service} est limité ${d.period === 'stay' ? 'par séjour' : "par période d'un séjour"}, mais la ligne n'a pas de séjour : la limite ne peut être vérifiée.`,
  'frequency.no-anchor': (d, f) => `${d.service} est compté par ${f.or(d.anchor)}, et il n'y en a aucune.`,
  'interval.too-soon': (d, f) =>
    `${d.service} ne peut être répété dans un délai de ${delai(d.months, d.days)}${d.lesion ? ` pour la même lésion (${d.lesion})` : ''} : ${f.line(d.previous)} est à moins de ${delai(d.months, d.days)} (première date permise après elle : ${d.earliest}).`,
  'interval.respected': (d, f) =>
    d.previous
      ? `${d.service} : au moins ${delai(d.months, d.days)} après ${f.line(d.previous)}${d.lesion ? ` (lésion ${d.lesion})` : ''}.`
      : `${d.service} : aucune ligne du groupe dans un délai de ${delai(d.months, d.days)}${d.lesion ? ` pour la lésion ${d.lesion}` : ''}.`,
  'interval.lesion-missing': (d, f) =>
    `${d.service} ne peut être répété pour la même lésion dans un délai de ${delai(d.months, d.days)} ; ${f.lines(d.lines)} est dans ce délai et la ligne n'indique pas la lésion : vérification impossible.`,
  'non-cumulation.conflict': (d, f) =>
    `${d.service} n'est pas cumulable avec ${f.or(d.against)} ${cadre(d.scope)}${d.sameProvider ? ' par le même prestataire' : ''} : ${f.line(d.other)} a été acceptée d'abord (la ligne suivante dans l'ordre de décision est refusée).`,
  'non-cumulation.possible-conflict': (d, f) =>
    `${d.service} n'est peut-être pas cumulable avec ${f.line(d.other)} ${cadre(d.scope)}${d.sameProvider ? ' (même prestataire, ou prestataire non indiqué)' : ''} ; les données de la ligne ne permettent pas de trancher (${f.or(d.against)}) : le motiver dans le dossier médical.`,
  'non-cumulation.none': (d, f) => `${d.service} : aucune ligne de ${f.or(d.against)} ${cadre(d.scope)}${d.sameProvider ? ' par le même prestataire' : ''}.`,
  'prerequisite.missing': (d, f) =>
    `${d.service} requiert ${d.count > 1 ? `${d.count} lignes` : 'une ligne'} parmi ${f.or(d.oneOf)} ${moment(d.timing)}${d.sameStay ? ' dans le même séjour' : ''}${d.ambulatory ? ', en ambulatoire' : ''} ; trouvé : ${d.found.length ? f.lines(d.found) : 'aucune'}${d.pending.length ? ` (${f.lines(d.pending)} du même jour vient plus loin dans la demande et n'est pas encore acceptée : la placer d'abord)` : ''}.`,
  'prerequisite.met': (d, f) => `${d.service} : requiert ${f.or(d.oneOf)} ${moment(d.timing)}${d.sameStay ? ' dans le même séjour' : ''} : ${f.lines(d.found)}.`,
  'prerequisite.no-stay': (d, f) => `${d.service} requiert ${f.or(d.oneOf)} au préalable dans le même séjour, mais la ligne n'a pas de séjour.`,
  'approval.missing': (d) => `${d.service} requiert l'accord préalable (${d.by.join(' ou ')}) ; aucun n'est donné.`,
  'approval.late': (d) => `${d.service} requiert l'accord préalable (${d.by.join(' ou ')}) : l'accord du ${d.approvalDate} est postérieur à la prestation (${d.date}).`,
  'approval.present': (d) => `${d.service} : accord (${d.by}) du ${d.approvalDate}, au plus tard le jour de la prestation.`,
  'provider.missing': (d) => `${d.service} ne peut être attesté que par : ${d.alternatives.map(qui).join(' ; ')}. La ligne n'indique pas la spécialité du prestataire : vérification impossible.`,
  'provider.not-allowed': (d) =>
    `${d.service} ne peut être attesté par un prestataire en ${d.specialty ?? '?'}${d.qualifications.length ? ` (${d.qualifications.join(', ')})` : ''} ; permis : ${d.alternatives.map((a) => qui(a) + (a.collaborator ? ` en collaboration avec ${qui(a.collaborator)}` : '')).join(' ; ')}.`,
  'provider.collaborator-missing': (d) =>
    `${d.service} attesté en ${d.specialty} requiert la collaboration d'un médecin en ${qui(d.collaborator)} ; ${d.given ? `indiqué : ${d.given.specialty ?? '?'}${d.given.qualifications.length ? ` (${d.given.qualifications.join(', ')})` : ''}` : 'aucun indiqué'}.`,
  'provider.allowed': (d) => `${d.service} : prestataire en ${d.specialty}${d.qualifications.length ? ` (${d.qualifications.join(', ')})` : ''}${d.collaborator ? `, en collaboration avec ${d.collaborator}` : ''} : permis.`,
  'patient.birth-date-missing': (d) => `${d.service} est réservé aux bénéficiaires ${age(d.under, d.atLeast)} (années accomplies à la date de la prestation) ; la date de naissance n'est pas indiquée : vérification impossible.`,
  'patient.age-not-met': (d) => `${d.service} est réservé aux bénéficiaires ${age(d.under, d.atLeast)} ; le bénéficiaire (né le ${d.birthDate}) a ${d.age} ans (années accomplies à la date de la prestation).`,
  'patient.age-met': (d) => `${d.service} : le bénéficiaire a ${d.age} ans (années accomplies), ${age(d.under, d.atLeast)}.`,
  'patient.sex-missing': (d) => `${d.service} est réservé au sexe ${d.sex} ; le sexe du bénéficiaire n'est pas indiqué.`,
  'patient.sex-not-met': (d) => `${d.service} est réservé au sexe ${d.required} ; le bénéficiaire est ${d.sex}.`,
  'patient.sex-met': (d) => `${d.service} : sexe ${d.sex}.`,
  'patient.no-stay': (d, f) => `${d.service} concerne un patient séjournant au service ${f.or(d.allowed)} ; la ligne n'a pas de séjour.`,
  'patient.service-missing': (d) => `${d.service} dépend du service hospitalier du séjour, qui n'est pas indiqué.`,
  'patient.service-forbidden': (d, f) => `${d.service} n'est pas d'application pour les patients hospitalisés dans le service ${f.or(d.forbidden)} ; le séjour est dans le service ${d.hospitalService}.`,
  'patient.service-not-allowed': (d, f) => `${d.service} concerne les patients du service ${f.or(d.allowed)} ; le séjour est dans le service ${d.hospitalService}${d.note ? ` (${f.note(d.note)})` : ''}.`,
  'patient.service-ok': (d, f) => `${d.service} : service hospitalier ${d.hospitalService}${d.allowed.length ? ` (permis : ${f.or(d.allowed)})` : ''}${d.forbidden.length ? ` (pas ${f.or(d.forbidden)})` : ''}.`,
  'place.institution-missing': (d) => `${d.service} n'est remboursé que dans un établissement ayant la convention ${d.convention} en vigueur ; la ligne n'indique pas d'établissement : vérification impossible.`,
  'place.unknown-institution': (d) => `${d.service} n'est remboursé que dans un établissement ayant la convention ${d.convention} ; l'établissement ${d.institution} n'a aucune convention dans le registre.`,
  'place.no-convention': (d) =>
    `${d.service} n'est remboursé que dans un établissement ayant la convention ${d.convention} en vigueur ; l'établissement ${d.institution} ne l'a pas au ${d.date}${d.periods.length ? ` (ses périodes : ${d.periods.map((p) => `${p.from ?? '…'} au ${p.to ?? '…'}`).join(', ')})` : ''}.`,
  'place.convention-in-force': (d) => `${d.service} : l'établissement ${d.institution} a la convention ${d.convention} en vigueur (${d.from ?? '…'} au ${d.to ?? '…'}).`,
  'document.missing': (d) => `${d.service} requiert le(s) document(s) ${d.missing.join(', ')}, absent(s) de la ligne.`,
  'document.present': (d) => `${d.service} : document(s) ${d.documents.join(', ')} présent(s).`,
  'tier.no-stay': (d) => `${d.service} est un honoraire par jour d'un séjour ; la ligne n'a pas de séjour.`,
  'tier.before-admission': (d) => `${d.service} est daté d'avant l'admission (${d.admission}).`,
  'tier.wrong-day': (d) =>
    `${d.service} concerne les jours ${d.fromDay}${d.toDay !== null ? ` à ${d.toDay}` : ''}${d.endOfMonth !== null ? ` jusqu'à la fin du mois ${d.endOfMonth} (${d.lastDate})` : d.toDay === null ? ' et suivants' : ''} du séjour ; la ligne est au jour ${d.day} (admission le ${d.admission}, jour 1 = jour d'admission).`,
  'tier.matches': (d) => `${d.service} : le jour ${d.day} du séjour (admission le ${d.admission}) est dans les jours ${d.fromDay}${d.toDay !== null ? ` à ${d.toDay}` : ''}${d.lastDate ? ` jusqu'au ${d.lastDate}` : ''}.`,
  'indication.not-given': (d, f) => `${d.service} : l'indication clinique${d.organ ? ` (${d.organ})` : ''} n'est pas indiquée et ne peut être vérifiée à partir des données de facturation ; ${f.note(d.otherwise)}.`,
  'indication.listed': (d) => `${d.service} : indication reprise (${d.organ} : ${d.label}).`,
  'indication.not-listed': (d, f) => `${d.service} : l'indication donnée ne correspond à aucune indication reprise${d.organ ? ` pour ${d.organ}` : ''}${d.undecided.length ? ` (indéterminées : ${d.undecided.join(', ')} ; faits manquants : ${d.missing.join(', ')})` : ''} ; ${f.note(d.otherwise)}.`,
  'indication.invalid': (d, f) => `${d.service} : les faits cliniques sont illisibles (${d.problem}) ; ${f.note(d.otherwise)}.`,
  'plausibility.born-after-service': (d) => `${d.service} est daté du ${d.date}, avant la date de naissance du bénéficiaire (${d.birthDate}) : l'une des deux dates est fausse.`,
  'plausibility.before-admission': (d) => `${d.service} est daté du ${d.date}, avant l'admission de son séjour ${d.stay} (${d.admission}) : l'une des deux dates est fausse.`,
  'warning.note': (d, f) => `${d.service} : ${f.note(d.note)}`,
  'exception.document': (d, f) => `Levé par le document « ${d.document} » de la ligne : ${f.detail(d.lifted)}`,
  'exception.approval': (d, f) => `Levé par l'accord (${d.by}) du ${d.approvalDate} : ${f.detail(d.lifted)}`,
};

export const frFormat: Format = makeFormat('fr', fr, { history: 'historique', on: 'le', or: 'ou', and: 'et' });
