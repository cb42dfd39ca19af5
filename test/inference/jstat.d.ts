// Minimal typings for the parts of jstat (a dev dependency without types) the tests use.
// jstat is a UMD bundle: under ESM its API is the `jStat` property of the default export.
declare module 'jstat' {
  interface JStat {
    corrcoeff(a: number[], b: number[]): number;
    anovaftest(...groups: number[][]): number;
    anovafscore(...groups: number[][]): number;
    tci(mean: number, alpha: number, values: number[]): [number, number];
    beta: { inv(p: number, a: number, b: number): number };
    chisquare: { cdf(x: number, df: number): number };
    studentt: { cdf(t: number, df: number): number; inv(p: number, df: number): number };
  }
  const jstat: { jStat: JStat };
  export default jstat;
}
