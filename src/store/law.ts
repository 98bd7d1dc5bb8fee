/**
 * The compiled law: the rules a database decides with, compiled once by the ingest that changed its
 * documents (guard.ts) and stored with the engine that compiled them. Loading it is a JSON parse and
 * an index (no extraction, no YAML, no zod). This module is on every start path: it stays light.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The stored row: the engine that compiled the rules, and the rules (validated) as JSON text. */
export interface CompiledLaw {
  engine: string;
  rules: string;
}

/** A curated rule file as a database holds it. */
export interface StoredCuratedFile {
  name: string;
  raw: string;
  content_hash: string;
  ingested_at: string;
}

let version: string | null = null;

/**
 * The engine that compiles rules: a hash of the rule modules of this build (the extractor, the
 * kinds, their schemas). A change to any of them makes every stored law out of date, so it is
 * compiled again once, on open; an unchanged build reads it as it is.
 */
export function engineVersion(): string {
  if (version !== null) return version;
  const root = fileURLToPath(new URL('../rules/', import.meta.url));
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(`${dir}${e.name}/`);
      else if (/\.(js|ts)$/.test(e.name) && !/\.(test|d)\.[jt]s$/.test(e.name) && !e.name.endsWith('.map')) hash.update(e.name).update(readFileSync(`${dir}${e.name}`));
    }
  };
  walk(root);
  version = `rules@${hash.digest('hex').slice(0, 16)}`;
  return version;
}
