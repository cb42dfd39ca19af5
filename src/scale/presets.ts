import { defineScale } from './defineScale';

/**
 * Ready-made scales for Danish and English surveys, with codes 1…k (lowest level = 1), the top
 * half of the levels as `agree` and the bottom half as `disagree`.
 *
 * | name | levels, lowest first | neutral | non-substantive |
 * | --- | --- | --- | --- |
 * | `daDegree4` | Slet ikke < I mindre grad < I høj grad < I meget høj grad | – | Ved ikke, Ikke relevant |
 * | `daChallenge4` | Slet ingen udfordringer < Mindre udfordringer < Ret store udfordringer < Meget store udfordringer | – | Ved ikke |
 * | `daDegree5` | I meget lav grad < I lav grad < I nogen grad < I høj grad < I meget høj grad | I nogen grad | – |
 * | `daAgree5` | Helt uenig < Overvejende uenig < Hverken enig eller uenig < Overvejende enig < Helt enig | Hverken enig eller uenig | Ved ikke |
 * | `daSatisfaction5` | Meget utilfreds < Utilfreds < Hverken tilfreds eller utilfreds < Tilfreds < Meget tilfreds | Hverken tilfreds eller utilfreds | Ved ikke |
 * | `agree5` | Strongly disagree < Disagree < Neither agree nor disagree < Agree < Strongly agree | Neither agree nor disagree | Don't know |
 * | `agree4` | Strongly disagree < Disagree < Agree < Strongly agree | – | Don't know |
 * | `degree4` | Not at all < To a small extent < To a large extent < To a very large extent | – | Don't know, Not relevant |
 * | `satisfaction5` | Very dissatisfied < Dissatisfied < Neither satisfied nor dissatisfied < Satisfied < Very satisfied | Neither satisfied nor dissatisfied | Don't know |
 *
 * Aliases: the Danish scales accept "oe" for "ø" ("I hoej grad"); the English ones accept
 * "Dont know" and "Do not know", and `agree5` "Neither agree or disagree". Case, spacing,
 * typographic quotes and Unicode forms are handled by {@link normalizeLabel} for every scale.
 *
 * The calls are marked pure and live in this module only, so a bundle that does not use
 * `scales` does not contain them (the package is `sideEffects: false`).
 *
 * @example
 * ```ts
 * scales.daDegree4.agree;  // ['I høj grad', 'I meget høj grad']
 * scales.daDegree5.neutral; // 'I nogen grad'
 * likert(['I høj grad', 'Ved ikke', null], scales.daDegree4).n;
 * // { total: 3, answered: 2, substantive: 1, missing: 1, invalid: 0, nonSubstantive: 1 }
 * ```
 * @see {@link defineScale} to define other scales
 */
export const scales = /* @__PURE__ */ Object.freeze({
  daDegree4: /* @__PURE__ */ defineScale({
    id: 'daDegree4',
    levels: ['Slet ikke', 'I mindre grad', 'I høj grad', 'I meget høj grad'],
    nonSubstantive: ['Ved ikke', 'Ikke relevant'],
    agree: ['I høj grad', 'I meget høj grad'],
    disagree: ['Slet ikke', 'I mindre grad'],
    aliases: { 'I hoej grad': 'I høj grad', 'I meget hoej grad': 'I meget høj grad' },
  }),
  daChallenge4: /* @__PURE__ */ defineScale({
    id: 'daChallenge4',
    levels: [
      'Slet ingen udfordringer',
      'Mindre udfordringer',
      'Ret store udfordringer',
      'Meget store udfordringer',
    ],
    nonSubstantive: ['Ved ikke'],
  }),
  daDegree5: /* @__PURE__ */ defineScale({
    id: 'daDegree5',
    levels: ['I meget lav grad', 'I lav grad', 'I nogen grad', 'I høj grad', 'I meget høj grad'],
    neutral: 'I nogen grad',
    aliases: { 'I hoej grad': 'I høj grad', 'I meget hoej grad': 'I meget høj grad' },
  }),
  daAgree5: /* @__PURE__ */ defineScale({
    id: 'daAgree5',
    levels: [
      'Helt uenig',
      'Overvejende uenig',
      'Hverken enig eller uenig',
      'Overvejende enig',
      'Helt enig',
    ],
    neutral: 'Hverken enig eller uenig',
    nonSubstantive: ['Ved ikke'],
  }),
  daSatisfaction5: /* @__PURE__ */ defineScale({
    id: 'daSatisfaction5',
    levels: [
      'Meget utilfreds',
      'Utilfreds',
      'Hverken tilfreds eller utilfreds',
      'Tilfreds',
      'Meget tilfreds',
    ],
    neutral: 'Hverken tilfreds eller utilfreds',
    nonSubstantive: ['Ved ikke'],
  }),
  agree5: /* @__PURE__ */ defineScale({
    id: 'agree5',
    levels: [
      'Strongly disagree',
      'Disagree',
      'Neither agree nor disagree',
      'Agree',
      'Strongly agree',
    ],
    neutral: 'Neither agree nor disagree',
    nonSubstantive: ["Don't know"],
    aliases: {
      'Neither agree or disagree': 'Neither agree nor disagree',
      'Dont know': "Don't know",
      'Do not know': "Don't know",
    },
  }),
  agree4: /* @__PURE__ */ defineScale({
    id: 'agree4',
    levels: ['Strongly disagree', 'Disagree', 'Agree', 'Strongly agree'],
    nonSubstantive: ["Don't know"],
    aliases: { 'Dont know': "Don't know", 'Do not know': "Don't know" },
  }),
  degree4: /* @__PURE__ */ defineScale({
    id: 'degree4',
    levels: ['Not at all', 'To a small extent', 'To a large extent', 'To a very large extent'],
    nonSubstantive: ["Don't know", 'Not relevant'],
    aliases: { 'Dont know': "Don't know", 'Do not know': "Don't know" },
  }),
  satisfaction5: /* @__PURE__ */ defineScale({
    id: 'satisfaction5',
    levels: [
      'Very dissatisfied',
      'Dissatisfied',
      'Neither satisfied nor dissatisfied',
      'Satisfied',
      'Very satisfied',
    ],
    neutral: 'Neither satisfied nor dissatisfied',
    nonSubstantive: ["Don't know"],
    aliases: { 'Dont know': "Don't know", 'Do not know': "Don't know" },
  }),
});
