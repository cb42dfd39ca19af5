import { inverseRegularizedBeta, regularizedBeta } from './src/math/beta';
const out:any[]=[];
for (const n of [10, 100, 1000, 1e5, 1e7]) for (const k of [0,1,2,5,Math.floor(n/2),n-1,n]) {
  if (k>0) out.push(['lo',0.025,k,n-k+1,inverseRegularizedBeta(0.025,k,n-k+1)]);
  if (k<n) out.push(['hi',0.975,k+1,n-k,inverseRegularizedBeta(0.975,k+1,n-k)]);
  out.push(['je',0.025,k+0.5,n-k+0.5,inverseRegularizedBeta(0.025,k+0.5,n-k+0.5)]);
  out.push(['je',0.975,k+0.5,n-k+0.5,inverseRegularizedBeta(0.975,k+0.5,n-k+0.5)]);
}
out.push(['x',1e-300,0.5,0.5,inverseRegularizedBeta(1e-300,0.5,0.5)]);
out.push(['x',1e-100,2,3,inverseRegularizedBeta(1e-100,2,3,false)]);
console.log(JSON.stringify(out));
