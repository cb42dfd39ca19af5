import { regularizedBeta, inverseRegularizedBeta } from './src/math/beta';
const cases:[number,number,number,boolean,number?][]=[[0.5,2,3,true],[0.3,0.5,0.5,true],[1e-7,0.5,5e6,true],[1e-7,0.5,5e6,false],[1.369e-4,0.5,5e6,false],[0.9996,499999,0.5,true,0.0004],
[0.4999,5e6,5e6,true],[0.4995,5e6,5e6,true],[0.49,5e6,5e6,true],[3e-7,2,1e7,true],[3e-7,2,1e7,false],[0.1,10,20,true],[0.1,10,20,false],[0.7,30,20,true],[1e-10,0.5,5e9,false],[0.5,1000.5,1000.5,false],[1e-3,1.5,1000.5,false],[0.2,3,3,false],[0.9,0.5,50,false],[0.01,0.5,50,true]];
console.log(JSON.stringify(cases.map(c=>[...c, regularizedBeta(c[0],c[1],c[2],c[3],c[4] ?? 1-c[0])])));
