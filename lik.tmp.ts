import { readFileSync } from 'node:fs';
import { agreementShare, scales, survey } from './src/index';
const lines = readFileSync('/tmp/lik/d.csv', 'utf8').trim().split('\n').slice(1);
const rows = lines.map((l, i) => { const [y, w, st] = l.split(','); return { id: `r${i}`, q: y === '1' ? 'I høj grad' : 'Slet ikke', w: Number(w), st: `s${st}` }; });
const s = survey({ rows, id: 'id', items: [{ id: 'q', scale: scales.daDegree4 }], weight: 'w', design: { strata: 'st' } });
const r = agreementShare(s.item('q'), { ci: 'likelihood' });
console.log(r.estimate, r.se, r.df, r.ci);
