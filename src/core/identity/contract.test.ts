import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChangePasswordForm, NewPasswordForm, passwordProblem, SignupForm, signupProblems, TotpCodeForm } from './contract';

const citizen = { kind: 'citizen', email: 'amal@example.ma', password: 'une-phrase-longue', displayName: 'Amal', locale: 'fr' };
const codes = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('.')}:${i.message}`);

describe('identity contract (shared by the server and the web forms)', () => {
  it('imports zod only, so it can be bundled into the browser', () => {
    const src = readFileSync(new URL('./contract.ts', import.meta.url), 'utf8');
    const imports = [...src.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports).toEqual(['zod']);
  });

  it('password policy: 12 characters, not the e-mail address nor its local part', () => {
    expect(passwordProblem('court', 'a@b.ma')).toBe('too_short');
    expect(passwordProblem('x'.repeat(257))).toBe('too_short');
    expect(passwordProblem('amal.benali@example.ma', 'Amal.Benali@example.ma')).toBe('same_as_email');
    expect(passwordProblem('amal.benali.', 'amal.benali.@example.ma')).toBe('same_as_email');
    expect(passwordProblem('une-phrase-longue', 'amal@example.ma')).toBeNull();
  });

  it('sign-up form: a valid citizen passes; company fields are checked by kind', () => {
    expect(SignupForm.safeParse(citizen).success).toBe(true);
    expect(codes(SignupForm.safeParse({ ...citizen, companyIce: '001234567000089' }))).toEqual(['companyIce:unexpected']);
    const company = { ...citizen, kind: 'company' };
    expect(codes(SignupForm.safeParse(company))).toEqual(['companyIce:invalid_format', 'companyName:required']);
    expect(codes(SignupForm.safeParse({ ...company, companyIce: '00123456700008A', companyName: 'Atlas SARL' }))).toEqual([
      'companyIce:invalid_format',
    ]);
    expect(SignupForm.safeParse({ ...company, companyIce: '001234567000089', companyName: 'Atlas SARL' }).success).toBe(true);
  });

  it('sign-up form: shape errors and rule errors come together, each on its field', () => {
    const r = SignupForm.safeParse({ ...citizen, email: 'pas-une-adresse', displayName: '  ', password: 'court' });
    const fields = (r.error?.issues ?? []).map((i) => i.path.join('.'));
    expect(fields).toEqual(expect.arrayContaining(['email', 'displayName']));
    // Rules run even when the shape has problems, so the form shows them all at once.
    expect(fields).toContain('password');
    expect(codes(SignupForm.safeParse({ ...citizen, password: 'amal' }))).toEqual(['password:too_short']);
    // A missing field does not break the rules.
    expect(SignupForm.safeParse({ kind: 'citizen' }).success).toBe(false);
  });

  it('the server answers the first problem with its API error code', () => {
    const [p] = signupProblems({ kind: 'company', email: 'a@b.ma', password: 'une-phrase-longue', companyIce: '12' });
    expect(p).toEqual({ field: 'companyIce', code: 'invalid_format', errorCode: 'CORE_ICE_INVALID' });
    const [w] = signupProblems({ kind: 'citizen', email: 'a@b.ma', password: 'short' });
    expect(w?.errorCode).toBe('CORE_PASSWORD_TOO_WEAK');
  });

  it('new-password and change-password forms apply the policy to the right field; TOTP codes are 6 digits', () => {
    expect(codes(NewPasswordForm.safeParse({ password: 'amal.benali1', email: 'amal.benali1@x.ma' }))).toEqual([
      'password:same_as_email',
    ]);
    expect(NewPasswordForm.safeParse({ password: 'une-phrase-longue' }).success).toBe(true);
    expect(codes(ChangePasswordForm.safeParse({ currentPassword: 'x', newPassword: 'short' }))).toEqual([
      'newPassword:too_short',
    ]);
    expect(codes(TotpCodeForm.safeParse({ code: '12345' }))).toEqual(['code:totp_format']);
    expect(TotpCodeForm.safeParse({ code: '123456' }).success).toBe(true);
  });
});
