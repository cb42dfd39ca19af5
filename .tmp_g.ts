import { logGamma, logBeta, regularizedGammaP, regularizedGammaQ, stirlingRemainder, logGammaRatioDeviation } from './src/math/gamma';
const xs=[1e-300,1e-10,0.1,0.5,0.9,0.999999,1,1.0000001,1.3,1.5,1.7,1.999999,2,2.000001,2.4,2.5,3,5.5,9.99,10,12,100,1e5,1e10,1e300];
for (const x of xs) console.log('lg',x, logGamma(x));
console.log('lb', logBeta(0.5,5e6), logBeta(5e6,5e6), logBeta(3,4), logBeta(10,1e7), logBeta(1,1))
console.log('P', regularizedGammaP(0.5,2), regularizedGammaQ(0.5,200), regularizedGammaQ(500, 1500), regularizedGammaP(500, 400), regularizedGammaQ(0.5, 0.3), regularizedGammaQ(3, 0.001))
