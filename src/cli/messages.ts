/**
 * The command line's own messages (errors and notices that are not a rule's outcome) in FR, NL and
 * EN, and the language a command speaks: its --lang, else the environment's locale, else English.
 */
import type { Locale } from '../engine/messages/types.js';

/** The locale of the environment: LC_ALL, then LC_MESSAGES, then LANG (fr_* → fr, nl_* → nl, else en). */
export function envLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  // POSIX: the first variable that is set and not empty decides, even if it names another language
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  const lang = value.toLowerCase().slice(0, 2);
  return lang === 'fr' || lang === 'nl' ? lang : 'en';
}

/** The language of this run: a valid --lang on the command line (before "--"), else the environment's. */
export function cliLocale(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): Locale {
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'en' || v === 'fr' || v === 'nl') return v;
  }
  return envLocale(env);
}

interface Catalogue {
  notCalendarDate(option: string, value: string): string;
  notDateForm(option: string, value: string): string;
  ndjsonHint(file: string, lines: number): string;
  searchCut(shown: number): string;
  dbMissingFolder(spec: string): string;
  dbCannotOpen(spec: string, why: string): string;
  dbNotSqlite(spec: string): string;
  dbUnreachable(spec: string, why: string): string;
  dbNoDatabase(spec: string, name: string): string;
  dbAuth(spec: string): string;
  dbOther(spec: string, why: string): string;
}

const en: Catalogue = {
  notCalendarDate: (o, v) => `${o}: "${v}" is not a date in the calendar`,
  notDateForm: (o, v) => `${o}: "${v}" is not a date in the form YYYY-MM-DD`,
  ndjsonHint: (f, n) => `${f}: the request is not one JSON value but ${n} lines of JSON (NDJSON): to check one request per line, add --ndjson`,
  searchCut: (n) => `the first ${n} results only: more codes match (raise --limit to see them)`,
  dbMissingFolder: (s) => `--db ${s}: the folder of the database does not exist: create it, or give another path with --db (or $NOMEN_DB)`,
  dbCannotOpen: (s, w) => `--db ${s}: cannot open the database (${w}): check the file's permissions, or give another path with --db (or $NOMEN_DB)`,
  dbNotSqlite: (s) => `--db ${s}: the file is not a SQLite database: give the path of a nomen database, or a new path to create one`,
  dbUnreachable: (s, w) => `--db ${s}: cannot reach the PostgreSQL server (${w}): check that it runs and that the host and port of the URL are right`,
  dbNoDatabase: (s, n) => `--db ${s}: the PostgreSQL server has no database "${n}": create it (createdb ${n}) or correct the name in the URL`,
  dbAuth: (s) => `--db ${s}: the PostgreSQL server refused the user or the password of the URL`,
  dbOther: (s, w) => `--db ${s}: database error: ${w}`,
};

const fr: Catalogue = {
  notCalendarDate: (o, v) => `${o} : « ${v} » n’est pas une date du calendrier`,
  notDateForm: (o, v) => `${o} : « ${v} » n’est pas une date de la forme AAAA-MM-JJ`,
  ndjsonHint: (f, n) => `${f} : la demande n’est pas une valeur JSON mais ${n} lignes de JSON (NDJSON) : pour vérifier une demande par ligne, ajoutez --ndjson`,
  searchCut: (n) => `les ${n} premiers résultats seulement : d’autres codes correspondent (augmentez --limit pour les voir)`,
  dbMissingFolder: (s) => `--db ${s} : le dossier de la base de données n’existe pas : créez-le, ou donnez un autre chemin avec --db (ou $NOMEN_DB)`,
  dbCannotOpen: (s, w) => `--db ${s} : impossible d’ouvrir la base de données (${w}) : vérifiez les droits du fichier, ou donnez un autre chemin avec --db (ou $NOMEN_DB)`,
  dbNotSqlite: (s) => `--db ${s} : le fichier n’est pas une base SQLite : donnez le chemin d’une base nomen, ou un nouveau chemin pour en créer une`,
  dbUnreachable: (s, w) => `--db ${s} : le serveur PostgreSQL est injoignable (${w}) : vérifiez qu’il fonctionne et que l’hôte et le port de l’URL sont justes`,
  dbNoDatabase: (s, n) => `--db ${s} : le serveur PostgreSQL n’a pas de base « ${n} » : créez-la (createdb ${n}) ou corrigez le nom dans l’URL`,
  dbAuth: (s) => `--db ${s} : le serveur PostgreSQL a refusé l’utilisateur ou le mot de passe de l’URL`,
  dbOther: (s, w) => `--db ${s} : erreur de la base de données : ${w}`,
};

const nl: Catalogue = {
  notCalendarDate: (o, v) => `${o}: "${v}" is geen datum van de kalender`,
  notDateForm: (o, v) => `${o}: "${v}" is geen datum in de vorm JJJJ-MM-DD`,
  ndjsonHint: (f, n) => `${f}: de aanvraag is geen JSON-waarde maar ${n} regels JSON (NDJSON): voeg --ndjson toe om één aanvraag per regel te controleren`,
  searchCut: (n) => `alleen de eerste ${n} resultaten: meer codes komen overeen (verhoog --limit om ze te zien)`,
  dbMissingFolder: (s) => `--db ${s}: de map van de databank bestaat niet: maak ze aan, of geef een ander pad met --db (of $NOMEN_DB)`,
  dbCannotOpen: (s, w) => `--db ${s}: de databank kan niet worden geopend (${w}): controleer de rechten van het bestand, of geef een ander pad met --db (of $NOMEN_DB)`,
  dbNotSqlite: (s) => `--db ${s}: het bestand is geen SQLite-databank: geef het pad van een nomen-databank, of een nieuw pad om er een aan te maken`,
  dbUnreachable: (s, w) => `--db ${s}: de PostgreSQL-server is onbereikbaar (${w}): controleer of hij draait en of host en poort van de URL kloppen`,
  dbNoDatabase: (s, n) => `--db ${s}: de PostgreSQL-server heeft geen databank "${n}": maak ze aan (createdb ${n}) of verbeter de naam in de URL`,
  dbAuth: (s) => `--db ${s}: de PostgreSQL-server weigerde de gebruiker of het wachtwoord van de URL`,
  dbOther: (s, w) => `--db ${s}: fout van de databank: ${w}`,
};

export const CLI_MESSAGES: Record<Locale, Catalogue> = { en, fr, nl };

/** The catalogue of this run's language. */
export function say(locale: Locale = cliLocale()): Catalogue {
  return CLI_MESSAGES[locale];
}
