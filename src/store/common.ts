/** What the SQLite and PostgreSQL stores share beyond the ingest plan: row mapping, input checks, an async semaphore. */
import type { Institution, InstitutionConvention, StoredDocument, StoredLine, StoredText } from './types.js';
import type { Language, ParsedDocument } from '../facts.js';
import { textLanguage } from './merge.js';

/** An in-process limit on how many async tasks run at once (a mutex when the limit is 1). */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`semaphore limit must be at least 1, got ${limit}`);
  }

  /** Runs `fn` once a slot is free; slots are granted in call order. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await fn();
    } finally {
      // Hand the slot straight to the next waiter so that a newcomer cannot overtake it.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** An institution_conventions row. */
export interface ConventionRow {
  institution: string;
  convention: string;
  valid_from: string;
  valid_to: string | null;
  signed: string | null;
  notice_sent: string | null;
}

/** A convention row as the API type: optional fields absent rather than null, so that what was put reads back equal. */
export function conventionOf(r: ConventionRow): InstitutionConvention {
  const c: InstitutionConvention = { convention: r.convention, from: r.valid_from, to: r.valid_to };
  if (r.signed !== null) c.signed = r.signed;
  if (r.notice_sent !== null) c.noticeSent = r.notice_sent;
  return c;
}

/** Groups convention rows (ordered by institution, seq) under their institutions. */
export function institutionsOf(insts: { id: string; name: string | null }[], convs: ConventionRow[]): Institution[] {
  const by = new Map<string, InstitutionConvention[]>();
  for (const c of convs) {
    const list = by.get(c.institution) ?? [];
    list.push(conventionOf(c));
    by.set(c.institution, list);
  }
  return insts.map((i) => ({ id: i.id, name: i.name, conventions: by.get(i.id) ?? [] }));
}

/** The institutions to write: the last entry wins for an id named twice; in id order, a fixed lock order for concurrent writers. */
export function institutionsToWrite(list: Institution[]): Institution[] {
  const byId = new Map<string, Institution>();
  for (const i of list) {
    if (typeof i.id !== 'string' || i.id === '') throw new TypeError('an institution needs a non-empty string id');
    for (const c of i.conventions ?? []) {
      if (typeof c.convention !== 'string' || typeof c.from !== 'string') throw new TypeError(`institution ${i.id}: each convention needs a name and a start date`);
    }
    byId.set(i.id, i);
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Rejects a history line that could not be read back (the Claim itself is validated by the caller). */
export function checkLine(line: StoredLine): void {
  if (typeof line.id !== 'string' || line.id === '') throw new TypeError('a history line needs a non-empty string id');
  if (typeof line.date !== 'string' || line.date === '') throw new TypeError(`history line ${line.id}: date must be an ISO date string`);
}

/** A document_texts row as read. */
export interface TextRead {
  language: string;
  raw: string;
  content_hash: string;
  parsed: string;
}

/** A stored document from its documents row and its texts: the primary (French) text first, each text's language read from it when none was recorded. */
export function storedDocument(row: { raw: string; parsed: string; report: string }, rows: TextRead[]): StoredDocument {
  const texts: StoredText[] = rows.map((t) => {
    const parsed = JSON.parse(t.parsed) as ParsedDocument;
    return { language: (t.language || textLanguage(parsed, t.raw)) as Language | null, raw: t.raw, parsed };
  });
  texts.sort((a, b) => (a.language === b.language ? 0 : a.language === 'fr' ? -1 : b.language === 'fr' ? 1 : 0));
  return { raw: row.raw, parsed: JSON.parse(row.parsed), report: JSON.parse(row.report), texts };
}

/** Escapes LIKE wildcards, for patterns with ESCAPE '\'. */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}
