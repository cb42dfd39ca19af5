import { normalCdf, normalQuantile } from './src/math/normal';
const xs=[-40,-38.5,-37.5,-30,-20,-10,-5,-3,-2,-1.6,-1.5,-1.49,-1,-0.5,-1e-10,0,0.3,1,1.5,2,5,8.3,10];
console.log(JSON.stringify(xs.map(x=>[x,normalCdf(x),normalCdf(x,false)])));
const ps=[1e-300,1e-100,1e-20,1e-10,1e-5,0.001,0.025,0.1,0.3,0.5,0.975,0.995,0.95];
console.log(JSON.stringify(ps.map(p=>[p,normalQuantile(p)])));
