import type { Reason } from './fields.js';

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * What is wrong with a unified social credit code (GB 32100-2015), or undefined: 18 characters
 * from digits and capitals without I, O, S, V, Z, the last a check character computed from the
 * other 17 (weights 3^i mod 31).
 */
export function creditCodeProblem(code: string): Reason | undefined {
  if (code.length !== 18)
    return {
      zh: `统一社会信用代码是18位，这里是${[...code].length}位，请核对。`,
      en: `A unified social credit code has 18 characters; this has ${[...code].length}. Please check.`,
    };
  const bad = [...code].find((c) => !CREDIT_CHARS.includes(c));
  if (bad)
    return {
      zh: `统一社会信用代码不含“${bad}”（不用I、O、S、V、Z），请核对。`,
      en: `A unified social credit code has no "${bad}" (I, O, S, V and Z are not used). Please check.`,
    };
  if (/^(.)\1*$/.test(code))
    return {
      zh: '这不像真实的统一社会信用代码（18位全是同一个字符），请核对。',
      en: 'That does not look like a real code (all 18 characters are the same). Please check.',
    };
  const sum = CREDIT_WEIGHTS.reduce((s, w, i) => s + CREDIT_CHARS.indexOf(code[i]!) * w, 0);
  const check = CREDIT_CHARS[(31 - (sum % 31)) % 31];
  if (code[17] !== check)
    return {
      zh: '这个统一社会信用代码的校验位不对，可能有一位抄错了；请对照证书核对。',
      en: 'The check character of this code does not match; a character may be mistyped. Please compare it with the certificate.',
    };
  return undefined;
}
