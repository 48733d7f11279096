import { z } from 'zod';

/**
 * The identity API's request schemas and rules, shared by the server (routes.ts) and the web app
 * (sign-up, password and account forms validate as you type with the very same rules).
 * This file imports zod only: it is bundled into the browser.
 */

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
export const ICE_LENGTH = 15;
const ICE_PATTERN = /^\d{15}$/;

export const Email = z.string().trim().max(254).pipe(z.email());
export const Password = z.string().min(1).max(PASSWORD_MAX_LENGTH);
export const Locale = z.enum(['fr', 'ar', 'en']);
export const TotpCode = z.string().max(12);
export const EmailToken = z.string().min(10).max(200);
export const AccountKind = z.enum(['citizen', 'company']);

export const Accepted = z.object({ status: z.literal('accepted') });
export const Ok = z.object({ ok: z.literal(true) });

export const LoginBody = z.strictObject({ email: Email, password: Password });
export const TotpCodeBody = z.strictObject({ code: TotpCode });
export const SignupBody = z.strictObject({
  kind: AccountKind,
  email: Email,
  password: Password,
  displayName: z.string().trim().min(1).max(200),
  locale: Locale.default('fr'),
  companyIce: z.string().max(ICE_LENGTH).optional(),
  companyName: z.string().trim().min(1).max(300).optional(),
});
export const VerifyEmailBody = z.strictObject({ token: EmailToken });
export const ForgotPasswordBody = z.strictObject({ email: Email });
export const ResetPasswordBody = z.strictObject({ token: EmailToken, password: Password });
export const AcceptInvitationBody = z.strictObject({ token: EmailToken, password: Password });
export const ChangePasswordBody = z.strictObject({ currentPassword: Password, newPassword: Password });
export const CreateTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.string().max(100)).min(1).max(100),
  orgCode: z.string().max(100).optional(),
  expiresInDays: z.number().int().min(1).max(365),
});

export type SignupInput = z.input<typeof SignupBody>;
export type CreateTokenInput = z.infer<typeof CreateTokenBody>;

export const SessionView = z.object({
  id: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.date(),
  lastSeenAt: z.date(),
  expiresAt: z.date(),
  current: z.boolean(),
});

export const TokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.string()),
  orgCode: z.string().nullable(),
  expiresAt: z.date(),
  lastUsedAt: z.date().nullable(),
  createdAt: z.date(),
});

/** A rule broken by a request, with the field it concerns (without the `body.` prefix) and the API error code. */
export interface IdentityProblem {
  field: string;
  code: string;
  errorCode: string;
  params?: Record<string, unknown>;
}

/**
 * The password policy: at least 12 characters, and not the e-mail address (or its local part).
 * Returns the broken rule, or null.
 */
export function passwordProblem(password: string, email?: string | null): 'too_short' | 'same_as_email' | null {
  if (typeof password !== 'string') return 'too_short';
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return 'too_short';
  if (email) {
    const p = password.trim().toLowerCase();
    const e = String(email).trim().toLowerCase();
    if (e && (p === e || p === e.split('@')[0])) return 'same_as_email';
  }
  return null;
}

/** The sign-up rules beyond the shape of the body: password policy, and company fields by account kind. */
export function signupProblems(b: {
  kind: string;
  email: string;
  password: string;
  companyIce?: string | undefined;
  companyName?: string | undefined;
}): IdentityProblem[] {
  const out: IdentityProblem[] = [];
  const pw = passwordProblem(b.password, b.email);
  if (pw) out.push({ field: 'password', code: pw, errorCode: 'CORE_PASSWORD_TOO_WEAK', params: { min: PASSWORD_MIN_LENGTH } });
  if (b.kind === 'company') {
    if (!b.companyIce || !ICE_PATTERN.test(b.companyIce))
      out.push({ field: 'companyIce', code: 'invalid_format', errorCode: 'CORE_ICE_INVALID' });
    if (!b.companyName?.trim()) out.push({ field: 'companyName', code: 'required', errorCode: 'CORE_VALIDATION_FAILED' });
  } else if (b.companyIce || b.companyName) {
    out.push({ field: 'companyIce', code: 'unexpected', errorCode: 'CORE_VALIDATION_FAILED' });
  }
  return out;
}

/** Adds the problems found by `check` to a zod refinement, each on its field with its rule code. */
function refineWith<T>(check: (v: T) => IdentityProblem[]) {
  return (v: T, ctx: z.RefinementCtx) => {
    for (const p of check(v))
      ctx.addIssue({ code: 'custom', path: [p.field], message: p.code, params: { code: p.code, ...p.params } });
  };
}

/** The sign-up form: the API body plus the rules the server checks after parsing it. */
export const SignupForm = SignupBody.superRefine(refineWith(signupProblems));

/** Forms that choose a new password (reset, invitation): the policy applies to `password`. */
export const NewPasswordForm = z.object({ password: Password, email: z.string().optional() }).superRefine(
  refineWith((v) => {
    const pw = passwordProblem(v.password, v.email);
    return pw ? [{ field: 'password', code: pw, errorCode: 'CORE_PASSWORD_TOO_WEAK', params: { min: PASSWORD_MIN_LENGTH } }] : [];
  }),
);

/** Changing one's password: the policy applies to the new one (the e-mail is known to the page). */
export const ChangePasswordForm = ChangePasswordBody.extend({ email: z.string().optional() }).superRefine(
  refineWith((v) => {
    const pw = passwordProblem(v.newPassword, v.email);
    return pw
      ? [{ field: 'newPassword', code: pw, errorCode: 'CORE_PASSWORD_TOO_WEAK', params: { min: PASSWORD_MIN_LENGTH } }]
      : [];
  }),
);

/** A 6-digit TOTP code as typed in a form (the API accepts any string up to 12 and answers CORE_TOTP_INVALID). */
export const TotpCodeForm = z.object({ code: z.string().regex(/^\d{6}$/, { message: 'totp_format' }) });
