import { describe, expect, it } from 'vitest';
import { parseCurated } from './curated.js';
import { compileRules, RuleIndexError } from './registry.js';

describe('curated rules', () => {
  it('parses a rule, squashes its citation, defaults validity and exceptions', () => {
    const { rules } = parseCurated(
      `rules:
  - id: test-1
    kind: document
    scope: { pairs: [["587134", "587145"]] }
    params: { required: [x] }
    citation: { document: D, article: "1", text: "Une   phrase\\n  de l'acte." }`,
      [],
    );
    expect(rules[0]).toMatchObject({ id: 'test-1', origin: 'curated', exceptions: [], validity: { from: null, to: null }, citation: { text: "Une phrase de l'acte." } });
    expect(compileRules(rules).rulesFor('587145', null).map((r) => r.rule.id)).toEqual(['test-1']);
  });

  it('names the file and the rule of a schema error', () => {
    expect(() => parseCurated('rules:\n  - id: Bad Id\n    kind: nope\n', [], 'x.yaml')).toThrow(/x\.yaml: rules\[0\]/);
    expect(() => parseCurated('other: 1\n', [], 'x.yaml')).toThrow(/x\.yaml/);
  });

  it('the registry refuses parameters that do not fit the kind, and duplicate ids', () => {
    const { rules } = parseCurated(
      `rules:
  - { id: t, kind: frequency, scope: { codes: ["587134"] }, params: { max: 0 }, citation: { document: D, article: "1", text: "x" } }`,
      [],
    );
    expect(() => compileRules(rules)).toThrow(RuleIndexError);
    const ok = { ...rules[0], params: { max: 1, period: { unit: 'day' }, together: true } };
    expect(() => compileRules([ok, ok])).toThrow(/duplicate/);
  });
});
