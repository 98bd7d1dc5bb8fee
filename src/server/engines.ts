/**
 * The decision engine a server holds: compiled once from the store (nomenclature snapshot and
 * the rules of its documents), rebuilt after an ingest, and refreshed when another process
 * changed the documents (two servers on one PostgreSQL must decide alike).
 */
import type { EngineContext } from '../engine/decide.js';
import type { Locale } from '../engine/messages/index.js';
import { engineFromStore } from '../pipeline.js';
import type { Store } from '../store/types.js';

/** What identifies the set of documents a store holds: ids and ingestion stamps. */
async function signatureOf(store: Store): Promise<{ signature: string; count: number }> {
  const docs = await store.documents();
  return { signature: docs.map((d) => `${d.document}@${d.ingestedAt}`).join('|'), count: docs.length };
}

/** Holds the engine context of the current corpus, per message language. */
export class Engines {
  private base!: EngineContext;
  private byLocale = new Map<Locale, EngineContext>();
  private signature = '';
  private pending: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Number of documents the engine was built from. */
  documents = 0;

  private constructor(private readonly store: Store) {}

  /** Builds the engine from `store`; with `refreshMs` > 0, polls the store for documents added by other processes. */
  static async create(store: Store, refreshMs = 0): Promise<Engines> {
    const e = new Engines(store);
    await e.rebuild();
    if (refreshMs > 0) {
      e.timer = setInterval(() => {
        e.refresh().catch(() => {
          // A failed poll (database briefly unreachable) is retried at the next tick; /health reports the store.
        });
      }, refreshMs);
      e.timer.unref();
    }
    return e;
  }

  /** The engine context whose messages are in `locale`. */
  context(locale: Locale): EngineContext {
    let c = this.byLocale.get(locale);
    if (!c) {
      c = { ...this.base, locale };
      this.byLocale.set(locale, c);
    }
    return c;
  }

  /**
   * Rebuilds from the store. Concurrent calls share one build, and a call made while a build runs
   * waits for a fresh one: the caller must see documents it stored before calling.
   */
  async rebuild(): Promise<void> {
    const previous = this.pending;
    const run = (async () => {
      if (previous) await previous.catch(() => {});
      const [{ signature, count }, context] = await Promise.all([signatureOf(this.store), engineFromStore(this.store)]);
      this.base = context;
      this.byLocale = new Map();
      this.signature = signature;
      this.documents = count;
    })();
    this.pending = run;
    try {
      await run;
    } finally {
      if (this.pending === run) this.pending = null;
    }
  }

  /** Rebuilds when the store's documents changed since the last build; true when it did. */
  async refresh(): Promise<boolean> {
    const { signature } = await signatureOf(this.store);
    if (signature === this.signature) return false;
    await this.rebuild();
    return true;
  }

  /** Stops polling. */
  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
