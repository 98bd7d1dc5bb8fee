// Generates a synthetic corpus of Justel-style amending acts (deterministic, seeded), in the
// phrasing of real acts, for the scale benchmark: N services spread over M acts, with value
// changes and deletions of earlier services, entry into force computed from each act's clause.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** A small seeded PRNG (LCG): the same workload on every run. */
export function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
/** A code from a five-digit stem and its check digit. */
export const withCheck = (stem) => String(stem).padStart(5, '0') + String(stem % 7);
const pad2 = (n) => String(n).padStart(2, '0');
export const LETTERS = ['K', 'N', 'I', 'C', 'U', 'M', 'E'];
export const WORDS = ['ablation', 'ponction', 'biopsie', 'drainage', 'arthroscopie', 'résection', 'suture', 'implant', 'prothèse', 'examen', 'contrôle', 'échographie', 'anesthésie', 'consultation', 'réduction', 'fracture'];
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** The dates and NUMAC of synthetic act number `a` (publication the month after signature). */
export function actDates(a, r) {
  const year = 1996 + Math.floor(a / 100);
  const month = 1 + (a % 12);
  const day = 1 + Math.floor(r() * 27);
  const pubMonth = month === 12 ? 1 : month + 1;
  const pubYear = month === 12 ? year + 1 : year;
  return {
    a, year, month, day,
    numac: `${year}${String(22000 + a).padStart(6, '0')}`,
    date: `${year}-${pad2(month)}-${pad2(day)}`,
    publication: `${pubYear}-${pad2(pubMonth)}-${pad2(day)}`,
    entry: pubMonth === 12 ? `${pubYear + 1}-01-01` : `${pubYear}-${pad2(pubMonth + 1)}-01`,
  };
}

/** The Justel Markdown of a synthetic amending act whose Article 1 holds `points`. */
export function actText({ a, year, month, day, numac, date, publication }, points) {
  return `---
url: https://www.ejustice.just.fgov.be/eli/arrete/${year}/${pad2(month)}/${pad2(day)}/${numac}/justel
title-fr: "Arrêté royal modifiant l'arrêté royal du 14 septembre 1984 établissant la nomenclature des prestations de santé (acte synthétique ${a})."
date: ${date}
number: ${numac}
publication: ${publication}
---

**Article 1er.** A l'article ${10 + (a % 30)}, § 1er, de l'annexe à l'arrêté royal du 14 septembre 1984 établissant la nomenclature des prestations de santé en matière d'assurance obligatoire soins de santé et indemnités, sont apportées les modifications suivantes :

${points.join('\n\n')}

**Art. 2.** Le présent arrêté entre en vigueur le premier jour du mois qui suit celui au cours duquel il aura été publié au Moniteur belge.

Donné à Bruxelles, le ${day} ${MONTHS[month - 1]} ${year}.
`;
}

/** Writes `acts` files holding `services` inserted services in total into `dir`; returns the file list. */
export function generateCorpus(dir, { services = 30000, acts = 2000, seed = 42 } = {}) {
  mkdirSync(dir, { recursive: true });
  const r = rng(seed);
  const files = [];
  const perAct = Math.ceil(services / acts);
  let stem = 10000;
  const live = [];
  for (let a = 0; a < acts; a++) {
    const act = actDates(a, r);
    const points = [];
    for (let i = 0; i < perAct && a * perAct + i < services; i++) {
      stem += 1 + (r() < 0.3 ? 1 : 0);
      const amb = withCheck(stem), hos = withCheck(stem + 1);
      stem += 1;
      const letter = LETTERS[Math.floor(r() * LETTERS.length)];
      const value = Math.floor(r() * 900) + 5;
      const label = `${WORDS[Math.floor(r() * WORDS.length)]} ${WORDS[Math.floor(r() * WORDS.length)]} de contrôle n° ${a}-${i}`;
      points.push(`${points.length + 1}° la prestation suivante est insérée :\n\n" ${amb}-${hos}\n\n${label[0].toUpperCase()}${label.slice(1)} ${letter} ${value}. "`);
      live.push([amb, hos, letter, value]);
    }
    // Some acts also change values and delete services inserted by earlier acts.
    if (a > 10 && live.length > 50) {
      const [amb, hos, letter, value] = live[Math.floor(r() * (live.length - perAct))];
      points.push(`${points.length + 1}° la valeur relative "${letter} ${value}" de la prestation n° ${amb}-${hos} est remplacée par "${letter} ${value + 10}";`);
      const victim = live.splice(Math.floor(r() * (live.length - perAct)), 1)[0];
      points.push(`${points.length + 1}° la prestation n° ${victim[0]}-${victim[1]} est supprimée.`);
    }
    const text = actText(act, points);
    const file = join(dir, `act-${String(a).padStart(4, '0')}.md`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}
