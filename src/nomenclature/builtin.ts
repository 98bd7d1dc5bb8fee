/** The built-in corpus: the three source documents shipped, unmodified, in the package's corpus/ folder. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { ParsedDocument } from '../facts.js';
import { decodeText, parseDocument } from '../corpus/detect.js';
import { MemoryNomenclature } from './memory.js';

/** Absolute path of the built-in corpus folder (works from src/ under vitest and from dist/). */
export function builtinCorpusDir(): string {
  return fileURLToPath(new URL('../../corpus/', import.meta.url));
}

/** The built-in documents as files: name and raw text, in name order. */
export function builtinFiles(): { file: string; raw: string }[] {
  const dir = builtinCorpusDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
    .sort()
    .map((f) => ({ file: join(dir, f), raw: decodeText(readFileSync(join(dir, f)), f) }));
}

let docs: ParsedDocument[] | null = null;
let nomenclature: MemoryNomenclature | null = null;

/** The built-in documents, parsed (cached). */
export function builtinDocuments(): ParsedDocument[] {
  docs ??= builtinFiles().map(({ file, raw }) => parseDocument(raw, file));
  return docs;
}

/** The built-in corpus consolidated in memory (cached). */
export function builtinNomenclature(): MemoryNomenclature {
  nomenclature ??= MemoryNomenclature.fromDocuments(builtinDocuments());
  return nomenclature;
}
