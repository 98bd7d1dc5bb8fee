/** Berichten in het Nederlands. */
import type { Detail } from '../../rules/outcomes.js';
import { makeFormat, type Format, type MessageMap } from './types.js';

type D<K extends Detail['code']> = Extract<Detail, { code: K }>;

const keer = (n: number) => (n === 1 ? 'één keer' : `${n} keer`);

function periode(d: D<'frequency.exceeded' | 'frequency.within'>, f: Format): string {
  switch (d.period) {
    case 'day': return `per kalenderdag (${d.window!.from})`;
    case 'year': return `per kalenderjaar (${d.window!.from} tot ${d.window!.to})`;
    case 'stay': return `per verblijf (verblijf ${d.stay})`;
    case 'stay-period': return `per begonnen periode van ${d.periodDays} dagen van het verblijf (verblijf ${d.stay}, ${d.window?.from ?? '?'} tot ${d.window?.to ?? '?'}; dag 1 = opnamedag)`;
    case 'lifetime': return d.side ? `per zijde (${d.side === 'left' ? 'links' : 'rechts'}), over het leven van de rechthebbende` : 'over het leven van de rechthebbende';
    case 'since': return `per ${d.anchor ? f.line(d.anchor) : 'voorafgaande verstrekking'}`;
  }
}

const samen = (d: D<'frequency.exceeded' | 'frequency.within'>, f: Format) =>
  d.together && d.together.length > 1 ? ` (${f.and(d.together)} samen geteld)` : '';

const tijd = (t: 'before' | 'before-or-same-day' | 'same-day') =>
  t === 'before' ? 'vooraf (op een eerdere datum)' : t === 'same-day' ? 'op dezelfde dag' : 'vooraf of op dezelfde dag';

const kader = (s: 'day' | 'stay') => (s === 'day' ? 'op dezelfde dag' : 'tijdens hetzelfde verblijf');

const wie = (a: { specialty: string[]; qualifications: string[] }) =>
  `${a.specialty.join(' of ')}${a.qualifications.length ? ` met ${a.qualifications.join(' en ')}` : ''}`;

const termijn = (m: number, d: number) => [m ? `${m} kalendermaand${m > 1 ? 'en' : ''}` : '', d ? `${d} dag${d > 1 ? 'en' : ''}` : ''].filter(Boolean).join(' en ');

const leeftijd = (under: number | null, atLeast: number | null) =>
  [under !== null ? `jonger dan ${under} jaar` : '', atLeast !== null ? `minstens ${atLeast} jaar` : ''].filter(Boolean).join(' en ');

const STATUS_NL = { 'in-force': 'van kracht', deleted: 'geschrapt', 'not-yet-in-force': 'nog niet van kracht', referenced: 'enkel vermeld' } as const;

export const nl: MessageMap = {
  'code.not-a-code': (d) => `"${d.service}" is geen nomenclatuurcode (zes cijfers).`,
  'code.invalid-check-digit': (d) => `Code ${d.service} heeft een ongeldig controlecijfer (het zesde cijfer is de eerste vijf modulo 7: verwacht ${d.expected}).`,
  'code.unknown': (d) => `Code ${d.service} is niet bekend in de nomenclatuur op ${d.date}.`,
  'code.not-yet-in-force': (d) => `Code ${d.service} is nog niet van kracht op ${d.date}${d.reason ? ` (${d.reason})` : ''}.`,
  'code.deleted': (d) => `Code ${d.service} is niet meer van kracht op ${d.date}${d.reason ? ` (${d.reason})` : ''}.`,
  'code.referenced': (d) => `Code ${d.service} wordt in het corpus enkel vermeld (in een regel of lijst, zonder definitie): de regels gelden, maar waarde en honorarium zijn onbekend.`,
  'code.uncertain': (d, f) => `De toestand van code ${d.service} op ${d.date} is onzeker: een wijziging treedt in werking op een datum die de bronnen niet vastleggen (${d.earliest ? `niet vóór ${d.earliest}` : 'vroegste datum onbekend'}, ${d.latest ? `uiterlijk ${d.latest}` : 'laatste datum onbekend'}); de code is ${f.or(d.candidates.map((c) => `${STATUS_NL[c.status]}${c.keyLetter ? ` (${c.keyLetter} ${c.relativeValue}${c.fee ? `, honorarium ${c.fee}` : ''})` : ''}`))}. Er wordt geen honorarium gegeven: controleer de inwerkingtreding van de akte.`,
  'setting.ambulatory-code-in-stay': (d) => `Code ${d.service} is een ambulante code maar de lijn valt in een verblijf (verblijf ${d.stay}, opname ${d.admission})${d.twin ? `: attesteer de gehospitaliseerde code ${d.twin}` : ''}.`,
  'setting.hospitalised-code-without-stay': (d) => `Code ${d.service} is een gehospitaliseerde code maar de lijn heeft geen verblijf${d.twin ? `: attesteer de ambulante code ${d.twin}` : ''}.`,
  'setting.matches': (d) => `Code ${d.service} is ${d.setting === 'ambulatory' ? 'ambulant' : 'gehospitaliseerd'}, zoals de lijn.`,
  'frequency.exceeded': (d, f) =>
    `${d.service} mag hoogstens ${keer(d.max)} ${periode(d, f)} worden aangerekend${samen(d, f)}; al ${d.counted}${d.lines.length ? `: ${f.lines(d.lines)}` : ''}.`,
  'frequency.within': (d, f) => `${d.service}: ${d.counted + d.units} van hoogstens ${d.max} ${periode(d, f)}${samen(d, f)}.`,
  'frequency.side-missing': (d, f) =>
    `${d.service} is beperkt tot ${keer(d.max)} per zijde, maar de lijn vermeldt geen zijde; ${d.counted} eerdere lijn(en)${d.lines.length ? ` (${f.lines(d.lines)})` : ''}: vermeld de zijde.`,
  'frequency.no-stay': (d) => `${d.service} is beperkt ${d.period === 'stay' ? 'per verblijf' : 'per periode van een verblijf'}, maar de lijn heeft geen verblijf: de grens kan niet worden nagegaan.`,
  'frequency.no-anchor': (d, f) => `${d.service} wordt geteld per ${f.or(d.anchor)}, en er is er geen.`,
  'interval.too-soon': (d, f) =>
    `${d.service} mag niet worden herhaald binnen ${termijn(d.months, d.days)}${d.lesion ? ` voor hetzelfde letsel (${d.lesion})` : ''}: ${f.line(d.previous)} ligt minder dan ${termijn(d.months, d.days)} ervan (eerste toegelaten datum erna: ${d.earliest}).`,
  'interval.respected': (d, f) =>
    d.previous
      ? `${d.service}: minstens ${termijn(d.months, d.days)} na ${f.line(d.previous)}${d.lesion ? ` (letsel ${d.lesion})` : ''}.`
      : `${d.service}: geen lijn van de groep binnen ${termijn(d.months, d.days)}${d.lesion ? ` voor letsel ${d.lesion}` : ''}.`,
  'interval.lesion-missing': (d, f) =>
    `${d.service} mag voor hetzelfde letsel niet worden herhaald binnen ${termijn(d.months, d.days)}; ${f.lines(d.lines)} valt binnen die termijn en de lijn vermeldt geen letsel: niet na te gaan.`,
  'non-cumulation.conflict': (d, f) =>
    `${d.service} is niet cumuleerbaar met ${f.or(d.against)} ${kader(d.scope)}${d.sameProvider ? ' door dezelfde zorgverlener' : ''}: ${f.line(d.other)} werd eerst aanvaard (de latere lijn in beslissingsvolgorde wordt geweigerd).`,
  'non-cumulation.possible-conflict': (d, f) =>
    `${d.service} is mogelijk niet cumuleerbaar met ${f.line(d.other)} ${kader(d.scope)}${d.sameProvider ? ' (dezelfde zorgverlener, of zorgverlener niet vermeld)' : ''}; de gegevens van de lijn volstaan niet (${f.or(d.against)}): motiveer in het medisch dossier.`,
  'non-cumulation.none': (d, f) => `${d.service}: geen lijn van ${f.or(d.against)} ${kader(d.scope)}${d.sameProvider ? ' door dezelfde zorgverlener' : ''}.`,
  'prerequisite.missing': (d, f) =>
    `${d.service} vereist ${d.count > 1 ? `${d.count} lijnen` : 'een lijn'} van ${f.or(d.oneOf)} ${tijd(d.timing)}${d.sameStay ? ' in hetzelfde verblijf' : ''}${d.ambulatory ? ', ambulant verricht' : ''}; gevonden: ${d.found.length ? f.lines(d.found) : 'geen'}${d.pending.length ? ` (${f.lines(d.pending)} van dezelfde dag komt later in de aanvraag en is nog niet aanvaard: zet ze eerst)` : ''}.`,
  'prerequisite.met': (d, f) => `${d.service}: vereist ${f.or(d.oneOf)} ${tijd(d.timing)}${d.sameStay ? ' in hetzelfde verblijf' : ''}: ${f.lines(d.found)}.`,
  'prerequisite.no-stay': (d, f) => `${d.service} vereist ${f.or(d.oneOf)} vooraf in hetzelfde verblijf, maar de lijn heeft geen verblijf.`,
  'approval.missing': (d) => `${d.service} vereist het voorafgaand akkoord (${d.by.join(' of ')}); er is er geen.`,
  'approval.late': (d) => `${d.service} vereist het voorafgaand akkoord (${d.by.join(' of ')}): het akkoord van ${d.approvalDate} valt na de verstrekking (${d.date}).`,
  'approval.present': (d) => `${d.service}: akkoord (${d.by}) van ${d.approvalDate}, uiterlijk op de dag van de verstrekking.`,
  'provider.missing': (d) => `${d.service} mag enkel worden aangerekend door: ${d.alternatives.map(wie).join('; ')}. De lijn vermeldt geen specialisme: niet na te gaan.`,
  'provider.not-allowed': (d) =>
    `${d.service} mag niet worden aangerekend door een zorgverlener in ${d.specialty ?? '?'}${d.qualifications.length ? ` (${d.qualifications.join(', ')})` : ''}; toegelaten: ${d.alternatives.map((a) => wie(a) + (a.collaborator ? ` in samenwerking met ${wie(a.collaborator)}` : '')).join('; ')}.`,
  'provider.collaborator-missing': (d) =>
    `${d.service} aangerekend in ${d.specialty} vereist samenwerking met een arts in ${wie(d.collaborator)}; ${d.given ? `vermeld: ${d.given.specialty ?? '?'}${d.given.qualifications.length ? ` (${d.given.qualifications.join(', ')})` : ''}` : 'niemand vermeld'}.`,
  'provider.allowed': (d) => `${d.service}: zorgverlener in ${d.specialty}${d.qualifications.length ? ` (${d.qualifications.join(', ')})` : ''}${d.collaborator ? `, in samenwerking met ${d.collaborator}` : ''}: toegelaten.`,
  'patient.birth-date-missing': (d) => `${d.service} is voor rechthebbenden ${leeftijd(d.under, d.atLeast)} (volle jaren op de datum van de verstrekking); de geboortedatum ontbreekt: niet na te gaan.`,
  'patient.age-not-met': (d) => `${d.service} is voor rechthebbenden ${leeftijd(d.under, d.atLeast)}; de rechthebbende (geboren ${d.birthDate}) is ${d.age} (volle jaren op de datum van de verstrekking).`,
  'patient.age-met': (d) => `${d.service}: de rechthebbende is ${d.age} (volle jaren), ${leeftijd(d.under, d.atLeast)}.`,
  'patient.sex-missing': (d) => `${d.service} is voor geslacht ${d.sex}; het geslacht van de rechthebbende ontbreekt.`,
  'patient.sex-not-met': (d) => `${d.service} is voor geslacht ${d.required}; de rechthebbende is ${d.sex}.`,
  'patient.sex-met': (d) => `${d.service}: geslacht ${d.sex}.`,
  'patient.no-stay': (d, f) => `${d.service} is voor een patiënt in dienst ${f.or(d.allowed)}; de lijn heeft geen verblijf.`,
  'patient.service-missing': (d) => `${d.service} hangt af van de ziekenhuisdienst van het verblijf, die niet is vermeld.`,
  'patient.service-forbidden': (d, f) => `${d.service} geldt niet voor patiënten opgenomen in dienst ${f.or(d.forbidden)}; het verblijf is in dienst ${d.hospitalService}.`,
  'patient.service-not-allowed': (d, f) => `${d.service} is voor patiënten in dienst ${f.or(d.allowed)}; het verblijf is in dienst ${d.hospitalService}${d.note ? ` (${f.note(d.note)})` : ''}.`,
  'patient.service-ok': (d, f) => `${d.service}: ziekenhuisdienst ${d.hospitalService}${d.allowed.length ? ` (toegelaten: ${f.or(d.allowed)})` : ''}${d.forbidden.length ? ` (niet ${f.or(d.forbidden)})` : ''}.`,
  'place.institution-missing': (d) => `${d.service} wordt enkel vergoed in een instelling met de overeenkomst ${d.convention} van kracht; de lijn vermeldt geen instelling: niet na te gaan.`,
  'place.unknown-institution': (d) => `${d.service} wordt enkel vergoed in een instelling met de overeenkomst ${d.convention}; instelling ${d.institution} heeft geen overeenkomst in het register.`,
  'place.no-convention': (d) =>
    `${d.service} wordt enkel vergoed in een instelling met de overeenkomst ${d.convention} van kracht; instelling ${d.institution} heeft die niet op ${d.date}${d.periods.length ? ` (haar periodes: ${d.periods.map((p) => `${p.from ?? '…'} tot ${p.to ?? '…'}`).join(', ')})` : ''}.`,
  'place.convention-in-force': (d) => `${d.service}: instelling ${d.institution} heeft de overeenkomst ${d.convention} van kracht (${d.from ?? '…'} tot ${d.to ?? '…'}).`,
  'document.missing': (d) => `${d.service} vereist de document(en) ${d.missing.join(', ')}, die op de lijn ontbreken.`,
  'document.present': (d) => `${d.service}: document(en) ${d.documents.join(', ')} aanwezig.`,
  'tier.no-stay': (d) => `${d.service} is een honorarium per dag van een verblijf; de lijn heeft geen verblijf.`,
  'tier.before-admission': (d) => `${d.service} is gedateerd vóór de opname (${d.admission}).`,
  'tier.wrong-day': (d) =>
    `${d.service} geldt voor dag ${d.fromDay}${d.toDay !== null ? ` tot ${d.toDay}` : ''}${d.endOfMonth !== null ? ` tot het einde van maand ${d.endOfMonth} (${d.lastDate})` : d.toDay === null ? ' en later' : ''} van het verblijf; de lijn valt op dag ${d.day} (opname ${d.admission}, dag 1 = opnamedag).`,
  'tier.matches': (d) => `${d.service}: dag ${d.day} van het verblijf (opname ${d.admission}) valt binnen dag ${d.fromDay}${d.toDay !== null ? ` tot ${d.toDay}` : ''}${d.lastDate ? ` tot ${d.lastDate}` : ''}.`,
  'indication.not-given': (d, f) => `${d.service}: de klinische indicatie${d.organ ? ` (${d.organ})` : ''} is niet opgegeven en kan niet uit de facturatiegegevens worden nagegaan; ${f.note(d.otherwise)}.`,
  'indication.listed': (d) => `${d.service}: opgenomen indicatie (${d.organ}: ${d.label}).`,
  'indication.not-listed': (d, f) => `${d.service}: de opgegeven indicatie stemt met geen opgenomen indicatie overeen${d.organ ? ` voor ${d.organ}` : ''}${d.undecided.length ? ` (onbeslist: ${d.undecided.join(', ')}; ontbrekende gegevens: ${d.missing.join(', ')})` : ''}; ${f.note(d.otherwise)}.`,
  'indication.invalid': (d, f) => `${d.service}: de klinische gegevens zijn onleesbaar (${d.problem}); ${f.note(d.otherwise)}.`,
  'plausibility.born-after-service': (d) => `${d.service} is gedateerd op ${d.date}, vóór de geboortedatum van de rechthebbende (${d.birthDate}): een van beide datums is fout.`,
  'plausibility.before-admission': (d) => `${d.service} is gedateerd op ${d.date}, vóór de opname van zijn verblijf ${d.stay} (${d.admission}): een van beide datums is fout.`,
  'warning.note': (d, f) => `${d.service}: ${f.note(d.note)}`,
  'exception.document': (d, f) => `Opgeheven door het document "${d.document}" op de lijn: ${f.detail(d.lifted)}`,
  'exception.approval': (d, f) => `Opgeheven door het akkoord (${d.by}) van ${d.approvalDate}: ${f.detail(d.lifted)}`,
};

export const nlFormat: Format = makeFormat('nl', nl, { history: 'historiek', on: 'op', or: 'of', and: 'en' });
