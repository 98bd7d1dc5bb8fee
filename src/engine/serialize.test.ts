import { describe, expect, it } from 'vitest';
import { ByteSink, quote, valueJson } from './serialize.js';

/** A deterministic generator (mulberry32): the same values on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Characters where JSON encoding has a rule: quote, backslash, controls, non-ASCII, both surrogate halves. */
const SPECIAL = ['"', '\\', '\n', '\t', '\u0000', '\u001f', '\u007f', 'é', '’', '…', '\u2028', '\ud83d', '\ude00', '😀', '/', ' '];

function randomString(r: () => number): string {
  let s = '';
  const n = Math.floor(r() * 12);
  for (let i = 0; i < n; i++) s += r() < 0.3 ? SPECIAL[Math.floor(r() * SPECIAL.length)] : String.fromCharCode(97 + Math.floor(r() * 26));
  return s;
}

function randomValue(r: () => number, depth: number): unknown {
  const pick = Math.floor(r() * (depth > 2 ? 6 : 9));
  switch (pick) {
    case 0: return randomString(r);
    case 1: return [0, -0, 1.5, -3, 1e21, 2 ** 53, NaN, Infinity, -Infinity][Math.floor(r() * 9)];
    case 2: return r() < 0.5;
    case 3: return null;
    case 4: return undefined;
    case 5: return randomString(r);
    case 6: return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
    case 7: {
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(r() * 4); i > 0; i--) o[r() < 0.2 ? String(Math.floor(r() * 3)) : randomString(r)] = randomValue(r, depth + 1);
      return o;
    }
    default: {
      const o = { a: randomValue(r, depth + 1), b: [randomValue(r, depth + 1)] };
      return r() < 0.5 ? Object.freeze(o) : o;
    }
  }
}

describe('quote', () => {
  it('equals JSON.stringify on every special character, alone and in text', () => {
    for (const c of SPECIAL) {
      expect(quote(c)).toBe(JSON.stringify(c));
      expect(quote(`a${c}b`)).toBe(JSON.stringify(`a${c}b`));
    }
    expect(quote('')).toBe('""');
    expect(quote('587134 – ambulatory')).toBe('"587134 – ambulatory"');
  });
});

describe('valueJson', () => {
  it('equals JSON.stringify on 5,000 generated values (strings, numbers, nesting, undefined, frozen parts)', () => {
    const r = random(20261123);
    for (let i = 0; i < 5000; i++) {
      const v = randomValue(r, 0);
      expect(valueJson(v)).toBe(JSON.stringify(v));
    }
  });

  it('leaves to JSON.stringify what it does not write itself (toJSON, class instances, no prototype, functions)', () => {
    class Point {
      constructor(readonly x: number) {}
      get y(): number { return 2; }
    }
    const bare = Object.assign(Object.create(null) as object, { k: 'v' });
    for (const v of [new Date(Date.UTC(2024, 10, 15)), new Point(1), bare, new Map([[1, 2]]), { f: () => 1, s: Symbol('s'), u: undefined }, [() => 1, undefined]]) {
      expect(valueJson(v)).toBe(JSON.stringify(v));
    }
    expect(valueJson(undefined)).toBeUndefined();
    expect(() => valueJson(10n)).toThrow();
  });

  it('encodes a frozen value once: its JSON is reused for the same object', () => {
    const note = Object.freeze({ fr: 'note « une »', nl: 'noot', en: 'note' });
    expect(valueJson({ note })).toBe(JSON.stringify({ note }));
    expect(valueJson([note, note])).toBe(JSON.stringify([note, note]));
    // An unfrozen object is encoded each time: a change shows.
    const open = { n: 1 };
    expect(valueJson(open)).toBe('{"n":1}');
    open.n = 2;
    expect(valueJson(open)).toBe('{"n":2}');
  });
});

describe('ByteSink.cut', () => {
  it('gives views that stay valid while the sink writes on, past the end of its buffer and beyond', () => {
    const sink = new ByteSink(8192);
    const texts: string[] = [];
    const cuts: Buffer[] = [];
    for (let i = 0; i < 400; i++) {
      const t = `{"n":${i},"text":"${'é’x'.repeat(i % 50)}"}`;
      sink.str(t);
      if (i % 7 === 0) sink.bytes(Buffer.from('  '));
      texts.push(i % 7 === 0 ? `${t}  ` : t);
      cuts.push(sink.cut());
    }
    // 400 answers of up to 400 bytes: the 8 KiB buffer was replaced many times.
    expect(cuts.map((c) => c.toString('utf8'))).toEqual(texts);
  });

  it('drop forgets the bytes since the last cut, and only them', () => {
    const sink = new ByteSink(8192);
    sink.str('kept');
    const kept = sink.cut();
    sink.str('half an answer');
    sink.drop();
    sink.str('next');
    expect([kept.toString(), sink.cut().toString()]).toEqual(['kept', 'next']);
  });
});
