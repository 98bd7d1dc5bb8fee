/** The diff as text (one line per change, its act and sentence under it) and as CSV (one row per change). */
import type { CandidateState } from '../nomenclature/types.js';
import type { Change, CodeDiff, DiffResult } from './diff.js';

const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** A CSV field: quoted when it holds a comma, a quote or a line break. */
export function csvField(s: string | number | boolean | null | undefined): string {
  if (s === null || s === undefined) return '';
  const t = String(s);
  return /[",\n\r]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

function showChange(c: Change): string {
  const lang = c.language ? ` (${c.language})` : '';
  switch (c.change) {
    case 'rule-added': return `rule added${lang}: ${c.to}`;
    case 'rule-removed': return `rule removed${lang}: ${c.from}`;
    case 'label': return `label${lang}: ${c.from === null ? '(none)' : `« ${cut(c.from, 50)} »`} → ${c.to === null ? '(none)' : `« ${cut(c.to, 50)} »`}`;
    default: return `${c.change}: ${c.from ?? '—'} → ${c.to ?? '—'}`;
  }
}

function codeLines(d: CodeDiff, from: string, to: string): string[] {
  const head = `${d.code}  art. ${d.article ?? '?'}`;
  const lines: string[] = [];
  if (!d.certain) {
    lines.push(`${head}  uncertain: ${(d.uncertain?.reason ?? '').replace(/^uncertain: /, '')}`);
    for (const [when, list] of [[from, d.uncertain?.from], [to, d.uncertain?.to]] as const) {
      for (const c of list ?? []) lines.push(`    on ${when}, possibly ${c.status}${c.keyLetter ? ` ${c.keyLetter} ${c.relativeValue}` : ''}${c.fee ? ` fee ${c.fee}` : ''} — if ${c.assumes}`);
    }
  }
  for (const c of d.changes) {
    lines.push(`${head}  ${showChange(c)}${c.sources.length ? `  [${c.sources.map((s) => `${s.document}, ${s.article}`).join('; ')}]` : ''}`);
    for (const s of c.sources) if (s.text) lines.push(`    « ${cut(s.text, 110)} »`);
  }
  return lines;
}

/** The readable diff: a summary line, the changes per code, the acts. */
export function renderDiff(r: DiffResult, sentences = true): string {
  const t = r.totals;
  const counts = Object.entries(t.changes).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ');
  const lines = [`${r.from} → ${r.to}: ${t.codes} code${t.codes === 1 ? '' : 's'} changed${t.uncertain ? ` (${t.uncertain} uncertain)` : ''}${counts ? `: ${counts}` : ''}`];
  for (const d of r.codes) lines.push(...codeLines(d, r.from, r.to).filter((l) => sentences || !l.startsWith('    « ')));
  if (t.acts.length) {
    lines.push(`acts (${t.acts.length}):`);
    for (const a of t.acts) lines.push(`  ${a.document}, ${a.article}: ${a.codes} code${a.codes === 1 ? '' : 's'}`);
  }
  return lines.join('\n');
}

export const DIFF_CSV_COLUMNS = ['from', 'to', 'code', 'article', 'change', 'language', 'before', 'after', 'certain', 'document', 'act_article', 'sentence'] as const;

/** One row per change and per source (a change with no source has one row with empty source fields); uncertain codes one row each. */
export function diffCsv(r: DiffResult): string {
  const rows: string[] = [DIFF_CSV_COLUMNS.join(',')];
  const row = (d: CodeDiff, change: string, language: string | undefined, before: string | null, after: string | null, s: { document: string; article: string; text?: string } | null) =>
    rows.push([r.from, r.to, d.code, d.article, change, language, before, after, d.certain, s?.document, s?.article, s?.text].map(csvField).join(','));
  for (const d of r.codes) {
    if (!d.certain) {
      const possible = (list: CandidateState[] | null) => (list ?? []).map((c) => `${c.status}${c.keyLetter ? ` ${c.keyLetter} ${c.relativeValue}` : ''}`).join(' | ') || null;
      row(d, 'uncertain', undefined, possible(d.uncertain?.from ?? null), possible(d.uncertain?.to ?? null), null);
    }
    for (const c of d.changes) {
      if (c.sources.length === 0) row(d, c.change, c.language, c.from, c.to, null);
      for (const s of c.sources) row(d, c.change, c.language, c.from, c.to, s);
    }
  }
  return rows.join('\n') + '\n';
}
