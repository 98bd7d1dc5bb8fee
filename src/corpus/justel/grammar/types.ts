/**
 * The amending formulas of Belgian drafting technique ("Principes de technique législative" /
 * "Beginselen van de wetgevingstechniek") as a grammar: an operation (insert, replace, delete,
 * complete) on an object (services, relative value, label, words, rules of application, alinéa,
 * point, list of codes) at a locator (article, §, heading, after / before a service, between
 * words). Each language gives the same table: the recognisers read only named groups, so a
 * phrase of either language reaches the same code, and a new alternative cannot shift a group.
 *
 * Every pattern matches the folded skeleton of a sentence (see matchForm): lower case, no
 * accents, quotes replaced by «k» placeholders, "n°"/"nr." written "no".
 */
import type { Language } from '../../../facts.js';

/** What a verb does to its object. */
export type Operation = 'insert' | 'replace' | 'delete' | 'complete';

/** Where an insertion lands relative to its anchor. */
export type Position = 'after' | 'before';

/**
 * One language's formulas. Named groups used by the recognisers (a pattern uses those it needs):
 *   codes, ref         code lists ("no 123456 et 234567")
 *   olds, news         «k» placeholder lists (the words replaced, the new words)
 *   from, to           «k» placeholders of values; toLetter + toNumber for an unquoted value
 *   verb               the verb, classified by `operation`
 *   pos                a position word, classified by `position`
 *   anchor, left, right «k» placeholders of the words an insertion is placed by
 *   ord, ruleCodes     the ordinal and the service of "the (second) rule that follows service X"
 *   withRules          present when the services' rules of application go with them
 *   withValue          present when a label change also announces the value
 *   following          present for "the following services" (no code in the instruction)
 *   object             the short object phrase of a provision ("le 2e alinea", "het tweede lid")
 *   point              the point label of "point b) and the services it holds"
 */
export interface Grammar {
  lang: Language;
  /** Classifies a verb of `verb` groups. */
  operation(verb: string): Operation | null;
  /** Classifies a position word of `pos` groups. */
  position(word: string): Position | null;
  /** Sentences that date the act or charge a minister with its execution: no amendment. */
  entryOrFormula: RegExp;
  /** Words replaced / deleted / inserted after, before or between other words (global patterns). */
  wordsChanged: RegExp[];
  /** "in the label of service X, …": the words belong to that label. */
  labelAnchor: RegExp;
  /** "the text beginning with «A» and ending with «B» is replaced by". */
  textBetween: RegExp;
  /** "in the (2nd) rule following service X, code Y is inserted after code Z". */
  codeIntoRule: RegExp;
  /** "the (1st) rule following service X is completed by code Y". */
  ruleCompletedWithCodes: RegExp;
  /** "the (2nd) rule (or its alinéa N) following service X is replaced / repealed". */
  ruleReplaced: RegExp[];
  /** Relative value changes (global patterns); `codes` may be absent when the clause names the service before. */
  valueChanged: RegExp[];
  /** "the service X," / "in service X,": the service a clause speaks of, before its verb. */
  serviceAnchor: RegExp;
  /** An intro whose sub-points all change one service ("à la prestation X :", "worden de volgende wijzigingen aangebracht aan de verstrekking X :"). */
  serviceContext: RegExp;
  /** A bare value replaced in a service's line ("«K 18» est remplacé par «K 20»"): both quotes must read as values. */
  bareValueChanged: RegExp[];
  /** "the label (and value) of service X / of the following services is replaced". */
  relabelled: RegExp[];
  /** "the codes X and Y are deleted" (from a list, not the services themselves). */
  codesRemoved: RegExp[];
  /** "services X and Y (and their rules) are deleted" (global patterns). */
  servicesDeleted: RegExp[];
  /** "point b) and the services it holds are deleted". */
  pointDeleted: RegExp[];
  /** "service X is replaced by the following service(s)". */
  serviceReplaced: RegExp[];
  /** "the following service(s) (and rule) are inserted"; `withRules` when a rule comes with them. */
  servicesInserted: RegExp[];
  /** "service X is inserted after service Y" / "is added to the list": a code added to a list. */
  codeAddedToList: RegExp[];
  /** Where an insertion goes: "after service X" (pos + codes). */
  insertAnchor: RegExp;
  /** Where an inserted rule goes: after service X, after alinéa N, after point N°. */
  insertPosition: RegExp;
  /** A rule text, alinéa, sentence or provision inserted or added (index 3 style: `object` completed by an alinéa). */
  ruleInserted: RegExp[];
  /** A provision (§, alinéa, point, littera, label of a point) replaced, completed or repealed (global patterns). */
  provisionChanged: RegExp[];
  /** The object phrase of a provision, taken from the end of the words before the verb. */
  provisionObject: RegExp;
  /** An intro that announces the points below ("sont apportées les modifications suivantes"). */
  announcesPoints: RegExp;
  /** "completed by" in the raw sentence, to quote what follows it. */
  completedBy: RegExp;
  /** Words around a completing quote that are only its object ("les mots"). */
  wordsNoun: RegExp;
  /** A sentence that states an obligation, a permission or a change (else it is not listed as unparsed). */
  normative: RegExp;
  /** The execution formula and the signature: never facts, never "unparsed". */
  boilerplate: RegExp;
  /** Cheap guards: a recogniser runs only when the skeleton contains one of its words. */
  guards: Record<GuardedRecogniser, string[]>;
}

export type GuardedRecogniser =
  | 'entryOrFormula' | 'wordsChanged' | 'textBetween' | 'ruleAnchor' | 'valueChanged' | 'relabelled'
  | 'service' | 'codesRemoved' | 'servicesInserted' | 'ruleInserted' | 'provisionChanged' | 'pointDeleted';
