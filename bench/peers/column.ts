/**
 * One measurement of the peer benchmark's "survey() at 10^7 × 1" case, in a fresh process so
 * that its peak resident memory is its own:
 *
 *   node --import tsx bench/peers/column.ts <survey|likert> <respondents>
 *
 * Both modes build the same inputs first (one item's answer labels from the seeded generator
 * and a numeric respondent id column), then time either `likert(labels, scales.daDegree4)` or
 * `survey({ columns: { id, q1 }, id: 'id', items: [{ id: 'q1', scale }] })`. Prints one JSON line:
 * the seconds of the call, the peak resident set size before it (inputs built) and at the end
 * (`process.resourceUsage().maxRSS`, in kilobytes), and the answered count as a check.
 */
import { performance } from 'node:perf_hooks';
import { likert, scales, survey } from '../../src/index';
import { generatePeerData, LABEL_OF_CODE } from './generate';

const mode = process.argv[2];
const respondents = Number(process.argv[3]);
if ((mode !== 'survey' && mode !== 'likert') || !Number.isInteger(respondents) || respondents < 1) {
  console.error('usage: node --import tsx bench/peers/column.ts <survey|likert> <respondents>');
  process.exit(2);
}

const data = generatePeerData(respondents, 1);
const labels = new Array<string | null>(respondents);
for (let i = 0; i < respondents; i++) labels[i] = LABEL_OF_CODE[data.codes[i] as number] as string | null;
const id = new Float64Array(respondents);
for (let i = 0; i < respondents; i++) id[i] = i + 1;
const inputsKB = process.resourceUsage().maxRSS;

const start = performance.now();
const column =
  mode === 'likert'
    ? likert(labels, scales.daDegree4)
    : survey({ columns: { id, q1: labels }, id: 'id', items: [{ id: 'q1', scale: scales.daDegree4 }] }).item('q1');
const seconds = (performance.now() - start) / 1000;
const peakKB = process.resourceUsage().maxRSS;
console.log(JSON.stringify({ mode, respondents, seconds, inputsKB, peakKB, answered: column.n.answered }));
