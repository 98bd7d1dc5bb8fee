/** The extraction patterns, in the order they are tried (all are tried on every clause). */
import type { ExtractionPattern } from '../pattern.js';
import { approval } from './approval.js';
import { frequencyCalendar } from './frequency-calendar.js';
import { frequencyOnce } from './frequency-once.js';
import { frequencyPerAnchor } from './frequency-per-anchor.js';
import { frequencySide } from './frequency-side.js';
import { frequencyStartedPeriod } from './frequency-started-period.js';
import { frequencyStay } from './frequency-stay.js';
import { hospitalService } from './hospital-service.js';
import { interval } from './interval.js';
import { nonCumulationAgainst } from './non-cumulation-against.js';
import { nonCumulationAmong } from './non-cumulation-among.js';
import { prerequisitePreceded } from './prerequisite-preceded.js';
import { prerequisiteReimbursed } from './prerequisite-reimbursed.js';
import { prerequisiteSameDay } from './prerequisite-same-day.js';

export const PATTERNS: readonly ExtractionPattern[] = [
  frequencyCalendar,
  frequencyStay,
  frequencyStartedPeriod,
  frequencySide,
  frequencyOnce,
  frequencyPerAnchor,
  nonCumulationAgainst,
  nonCumulationAmong,
  interval,
  prerequisiteReimbursed,
  prerequisitePreceded,
  prerequisiteSameDay,
  approval,
  hospitalService,
];

export {
  approval, frequencyCalendar, frequencyOnce, frequencyPerAnchor, frequencySide, frequencyStartedPeriod, frequencyStay,
  hospitalService, interval, nonCumulationAgainst, nonCumulationAmong, prerequisitePreceded, prerequisiteReimbursed, prerequisiteSameDay,
};
