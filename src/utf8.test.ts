/** Strict UTF-8: where bytes stop being UTF-8, named by line and byte offset (issue 12, item 3). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8, utf8Fault, utf8Message, Utf8Error } from './utf8.js';

const latin1 = (s: string) => Buffer.from(s, 'latin1');
const strict = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

describe('utf8Fault', () => {
  it('is null for UTF-8 text, whatever its characters', () => {
    for (const s of ['', 'Müller', 'Möller', '€ 1773,18', '𝄞 clef', '\uFFFD is a character too', '{"a":1}\n{"b":2}\n']) {
      expect(utf8Fault(Buffer.from(s, 'utf8'))).toBeNull();
    }
  });

  it('names the line (from 1) and the byte offset in that line (from 0) of the first invalid byte', () => {
    expect(utf8Fault(latin1('Müller'))).toEqual({ line: 1, offset: 1, byte: 0xfc });
    expect(utf8Fault(latin1('{"a":1}\r\n{"id":"Möller"}\n'))).toEqual({ line: 2, offset: 8, byte: 0xf6 });
    // a sequence cut short, an overlong form, a surrogate, beyond U+10FFFF, a lone continuation byte
    expect(utf8Fault(Uint8Array.from([0x41, 0xe2, 0x82]))).toMatchObject({ line: 1, offset: 1 });
    expect(utf8Fault(Uint8Array.from([0xc0, 0xaf]))).toMatchObject({ offset: 0, byte: 0xc0 });
    expect(utf8Fault(Uint8Array.from([0x20, 0xed, 0xa0, 0x80]))).toMatchObject({ offset: 1, byte: 0xed });
    expect(utf8Fault(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toMatchObject({ offset: 0, byte: 0xf4 });
    expect(utf8Fault(Uint8Array.from([0x0a, 0x0a, 0x80]))).toEqual({ line: 3, offset: 0, byte: 0x80 });
  });

  // random bytes, and UTF-8 text (lines, any code point) with a few random bytes inside
  const mostlyText = fc.oneof(
    fc.uint8Array({ maxLength: 64 }),
    fc.tuple(fc.string({ unit: 'binary', maxLength: 40 }), fc.uint8Array({ maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 40 }))
      .map(([a, bad, b]) => Uint8Array.from(Buffer.concat([Buffer.from(a.replace(/\t/g, '\n'), 'utf8'), bad, Buffer.from(b, 'utf8')]))),
  );

  it('agrees with TextDecoder (fatal) on random bytes, and points at the first replaced sequence', () => {
    fc.assert(
      fc.property(mostlyText, (bytes) => {
        let valid = true;
        try { strict.decode(bytes); } catch { valid = false; }
        const fault = utf8Fault(bytes);
        expect(fault === null).toBe(valid);
        if (fault === null) return;
        // everything before the fault decodes; what starts at the fault is replaced
        const at = absoluteOffset(bytes, fault.line, fault.offset);
        expect(() => strict.decode(bytes.subarray(0, at))).not.toThrow();
        expect(lenient.decode(bytes.subarray(at)).startsWith('\uFFFD')).toBe(true);
        expect(fault.byte).toBe(bytes[at]);
      }),
      { numRuns: Number(process.env.NOMEN_FUZZ_RUNS ?? 2000) },
    );
  });
});

/** The offset from the start of `bytes` of a (line, offset in line) position. */
function absoluteOffset(bytes: Uint8Array, line: number, offset: number): number {
  let start = 0;
  for (let l = 1; l < line; l++) start = bytes.indexOf(10, start) + 1;
  return start + offset;
}

describe('decodeUtf8', () => {
  it('decodes UTF-8 (a byte order mark is kept: callers decide)', () => {
    expect(decodeUtf8(Buffer.from('Möller', 'utf8'))).toBe('Möller');
  });

  it('refuses latin-1 "Müller" and "Möller": two different names never become one', () => {
    for (const name of ['Müller', 'Möller']) {
      let err: unknown;
      try { decodeUtf8(latin1(name)); } catch (e) { err = e; }
      expect(err).toBeInstanceOf(Utf8Error);
      expect((err as Utf8Error).fault).toEqual({ line: 1, offset: 1, byte: name === 'Müller' ? 0xfc : 0xf6 });
    }
  });
});

describe('utf8Message', () => {
  it('says where, in English, French and Dutch', () => {
    const f = { line: 2, offset: 8, byte: 0xf6 };
    expect(utf8Message(f, 'en')).toBe('not valid UTF-8: line 2, byte offset 8 (byte 0xF6); the input must be UTF-8 text');
    expect(utf8Message(f, 'fr')).toBe("UTF-8 invalide : ligne 2, position d'octet 8 (octet 0xF6) ; l'entrée doit être du texte UTF-8");
    expect(utf8Message(f, 'nl')).toBe('geen geldige UTF-8: regel 2, byte-positie 8 (byte 0xF6); de invoer moet UTF-8-tekst zijn');
  });
});
