/** The diff over what a store holds: every code's consolidated timeline, in memory. */
import type { IsoDate } from '../date.js';
import { MemoryNomenclature } from '../nomenclature/memory.js';
import type { Store } from '../store/types.js';
import { diffNomenclature, type DiffFilter, type DiffResult } from './diff.js';

/** What changed between `from` and `to` (from ≤ to) in the nomenclature `store` holds. */
export async function diffStore(store: Store, from: IsoDate, to: IsoDate, filter: DiffFilter = {}): Promise<DiffResult> {
  return diffNomenclature(new MemoryNomenclature(await store.allFacts()), from, to, filter);
}
