import type { z } from 'zod';
import { ApiError } from '../api';

/** What is wrong with one field: a stable code (translated on screen) and its parameters. */
export interface FieldIssue {
  code: string;
  params: Record<string, unknown>;
}

export type FieldIssues = Record<string, FieldIssue>;

const KEYISH = /^[a-z][a-z0-9_]*$/;

/**
 * A zod issue as a field code. The codes follow the server's (`required`, `too_short`,
 * `invalid_format`…), and rule codes set by the contract's refinements (`same_as_email`,
 * `unexpected`…) pass through, so one table of messages serves both.
 */
export function issueOf(issue: z.core.$ZodIssue): FieldIssue {
  const i = issue as z.core.$ZodIssue & {
    params?: Record<string, unknown>;
    origin?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    format?: string;
    input?: unknown;
  };
  switch (i.code) {
    case 'custom': {
      const code = typeof i.params?.code === 'string' ? i.params.code : KEYISH.test(i.message) ? i.message : 'custom';
      const { code: _omit, ...params } = i.params ?? {};
      return { code, params };
    }
    case 'too_small':
      if ((i.origin === 'string' || i.origin === 'array') && Number(i.minimum) <= 1) return { code: 'required', params: {} };
      return { code: i.origin === 'string' ? 'too_short' : 'too_small', params: { min: Number(i.minimum) } };
    case 'too_big':
      return { code: i.origin === 'string' ? 'too_long' : 'too_big', params: { max: Number(i.maximum) } };
    case 'invalid_format':
      if (i.format === 'regex' && KEYISH.test(i.message) && !i.message.includes(' ')) return { code: i.message, params: {} };
      return { code: 'invalid_format', params: { format: i.format } };
    case 'invalid_type':
      return { code: i.input === undefined ? 'required' : 'invalid_type', params: {} };
    default:
      return { code: i.code, params: {} };
  }
}

/** The first issue of each top-level field. */
export function zodFieldIssues(issues: readonly z.core.$ZodIssue[]): FieldIssues {
  const out: FieldIssues = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '_form');
    if (!out[field]) out[field] = issueOf(issue);
  }
  return out;
}

/** The server's field errors (problem+json `errors[]`, path `body.<field>`), with the error's parameters. */
export function apiFieldIssues(error: unknown): FieldIssues {
  const out: FieldIssues = {};
  if (!(error instanceof ApiError)) return out;
  const { requestId: _r, ...params } = error.params;
  for (const fe of error.fieldErrors) {
    const field = fe.path.replace(/^body\./, '').split('.')[0];
    if (field && !out[field]) out[field] = { code: fe.code, params };
  }
  return out;
}

/**
 * The translation keys to try for a field's issue, most specific first: a text for this field and
 * code in the form texts, then for the code, then the common `validation.<code>` of the API.
 */
export function messageKeys(field: string, issue: FieldIssue, ns = 'account'): string[] {
  return [`${ns}:forms.${field}.${issue.code}`, `${ns}:forms.${issue.code}`, `validation.${issue.code}`, 'validation.custom'];
}
