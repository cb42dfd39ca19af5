import { agreementShare, codedMean, likert, pearson, scales } from 'likertkit';

const challenge = likert(
  ['Meget store udfordringer', 'Ret store udfordringer', 'Mindre udfordringer', 'Ret store udfordringer',
   'Ved ikke', 'meget  store udfordringer', null, 'Slet ingen udfordringer'],
  scales.daChallenge4,
);
const need = likert(
  ['I meget høj grad', 'I høj grad', 'I mindre grad', 'I høj grad', 'I høj grad', 'I høj grad', 'Slet ikke', 1],
  scales.daDegree4,
);

console.log(challenge.n);
const share = agreementShare(challenge); // "ret store" + "meget store", of all who answered
console.log(share.count, share.n, share.estimate.toFixed(3), share.ci.lower.toFixed(3), share.ci.upper.toFixed(3));
const mean = codedMean(challenge); // coded 1-4, "ved ikke" left out
console.log(mean.n, mean.mean.toFixed(3), mean.ci.lower.toFixed(3), mean.ci.upper.toFixed(3));
const r = pearson(challenge, need); // pairwise deletion, two-sided p, stars
console.log(r.n, r.r.toFixed(3), r.p.toPrecision(3), r.stars);
