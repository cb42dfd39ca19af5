// The README's example: npx tsx examples/readme.ts
import { agreementShare, codedMean, likert, pearson, scales } from '../src/index';

const challenge = ['Meget store udfordringer', 'Ret store udfordringer', 'Mindre udfordringer',
  'Ret store udfordringer', 'Ved ikke', 'Meget store udfordringer', null, 'Slet ingen udfordringer'];
const need = ['I meget høj grad', 'I høj grad', 'I mindre grad', 'I høj grad',
  'I høj grad', 'I høj grad', 'Slet ikke', 'Slet ikke'];

const c = likert(challenge, scales.daChallenge4);
const n = likert(need, scales.daDegree4);

console.log(c.n);                 // how every cell was accounted for
const share = agreementShare(c);  // "ret store" + "meget store", of all who answered
console.log(share.estimate, share.count, share.n, share.ci);
const mean = codedMean(c);        // coded 1–4, "Ved ikke" left out
console.log(mean.mean, mean.n, mean.ci);
const r = pearson(c, n);          // pairwise deletion, stars *** < 0.01, ** < 0.05, * < 0.1
console.log(r.r, r.n, r.p, r.stars);
