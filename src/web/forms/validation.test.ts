import { describe, expect, it } from 'vitest';
import { CreateTokenBody, SignupForm, TotpCodeForm } from '../../core/identity/contract';
import { ApiError } from '../api';
import { signupInput } from '../pages/SignUp';
import { tokenInput } from '../account/Tokens';
import { apiFieldIssues, messageKeys, zodFieldIssues } from './validation';
import { passwordRuleState } from './PasswordRules';

const issues = (r: { success: boolean; error?: { issues: unknown[] } }) =>
  zodFieldIssues((r.error?.issues ?? []) as Parameters<typeof zodFieldIssues>[0]);

const empty = { kind: 'citizen', displayName: '', email: '', password: '', companyName: '', companyIce: '' };

describe('form validation with the identity contract', () => {
  it('turns zod issues into field codes the texts know (required, e-mail format, rules)', () => {
    const r = issues(SignupForm.safeParse(signupInput(empty, 'fr')));
    expect(r.displayName).toEqual({ code: 'required', params: {} });
    expect(r.email?.code).toBe('invalid_format');
    expect(r.password).toEqual({ code: 'required', params: {} });
    const weak = issues(SignupForm.safeParse(signupInput({ ...empty, password: 'court' }, 'fr')));
    expect(weak.password).toEqual({ code: 'too_short', params: { min: 12 } });
    const same = issues(
      SignupForm.safeParse(signupInput({ ...empty, email: 'amal.benali1@x.ma', password: 'amal.benali1' }, 'fr')),
    );
    expect(same.password?.code).toBe('same_as_email');
  });

  it('the sign-up body keeps company fields for companies only, the ICE without spaces', () => {
    const company = { ...empty, kind: 'company', companyName: 'Atlas', companyIce: '001 234 567 000 089' };
    expect(signupInput(company, 'ar')).toMatchObject({ kind: 'company', companyIce: '001234567000089', locale: 'ar' });
    expect(signupInput({ ...company, kind: 'citizen' }, 'fr')).not.toHaveProperty('companyIce');
    const bad = issues(SignupForm.safeParse(signupInput({ ...company, companyIce: '12345' }, 'fr')));
    expect(bad.companyIce).toEqual({ code: 'invalid_format', params: {} });
  });

  it('too long, TOTP format and token fields', () => {
    expect(issues(SignupForm.safeParse(signupInput({ ...empty, displayName: 'x'.repeat(201) }, 'fr'))).displayName).toEqual({
      code: 'too_long',
      params: { max: 200 },
    });
    expect(issues(TotpCodeForm.safeParse({ code: '12a' })).code?.code).toBe('totp_format');
    const tok = issues(CreateTokenBody.safeParse(tokenInput({ name: ' ', scopes: [], orgCode: '', expiresInDays: '400' })));
    expect(tok.name?.code).toBe('required');
    expect(tok.scopes?.code).toBe('required');
    expect(tok.expiresInDays).toEqual({ code: 'too_big', params: { max: 365 } });
    expect(tokenInput({ name: 'a', scopes: ['x'], orgCode: '', expiresInDays: '' })).not.toHaveProperty('orgCode');
    expect(
      issues(CreateTokenBody.safeParse(tokenInput({ name: 'a', scopes: ['x'], orgCode: '', expiresInDays: '' }))).expiresInDays
        ?.code,
    ).toBe('required');
  });

  it("puts the server's field errors back on their fields, with the error's parameters", () => {
    const err = new ApiError(400, 'CORE_PASSWORD_TOO_WEAK', '', { min: 12, requestId: 'r1' }, [
      { path: 'body.password', code: 'too_short', message: '' },
      { path: 'body.password', code: 'other', message: '' },
    ]);
    expect(apiFieldIssues(err)).toEqual({ password: { code: 'too_short', params: { min: 12 } } });
    expect(apiFieldIssues(new Error('x'))).toEqual({});
  });

  it('looks for the most specific text first', () => {
    expect(messageKeys('companyIce', { code: 'invalid_format', params: {} })).toEqual([
      'account:forms.companyIce.invalid_format',
      'account:forms.invalid_format',
      'validation.invalid_format',
      'validation.custom',
    ]);
  });

  it('password rules as typed', () => {
    expect(passwordRuleState('', 'a@b.ma')).toEqual({ length: false, notEmail: false });
    expect(passwordRuleState('amal.benali1', 'amal.benali1@x.ma')).toEqual({ length: true, notEmail: false });
    expect(passwordRuleState('une-phrase-longue', 'amal@x.ma')).toEqual({ length: true, notEmail: true });
  });
});
