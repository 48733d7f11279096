import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../errors';
import { hasTranslation, negotiateLanguage, t, type Lang } from '../i18n';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  requestId: string;
  errors: FieldError[];
}

const FASTIFY_CODES: Record<string, { code: string; status: number }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'CORE_MALFORMED_JSON', status: 400 },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'CORE_MALFORMED_JSON', status: 400 },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'CORE_PAYLOAD_TOO_LARGE', status: 413 },
  FST_REQ_FILE_TOO_LARGE: { code: 'CORE_PAYLOAD_TOO_LARGE', status: 413 },
  FST_FILES_LIMIT: { code: 'CORE_PAYLOAD_TOO_LARGE', status: 413 },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'CORE_UNSUPPORTED_MEDIA_TYPE', status: 415 },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'CORE_BAD_REQUEST', status: 400 },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { code: 'CORE_UNSUPPORTED_MEDIA_TYPE', status: 415 },
};

export function langOf(request: FastifyRequest): Lang {
  return negotiateLanguage(request.headers['accept-language']);
}

export function toProblem(error: unknown, request: FastifyRequest): { problem: Problem; headers: Record<string, string> } {
  const lang = langOf(request);
  let code = 'CORE_INTERNAL';
  let status = 500;
  let params: Record<string, unknown> = { requestId: request.id };
  let errors: FieldError[] = [];
  let headers: Record<string, string> = {};

  if (error instanceof AppError) {
    ({ code, status, params, errors, headers } = error);
  } else if (hasZodFastifySchemaValidationErrors(error)) {
    code = 'CORE_VALIDATION_FAILED';
    status = 400;
    errors = error.validation.map((v) => {
      // fastify-type-provider-zod: keyword = zod issue code, instancePath = /a/b, params = rest of the issue.
      const params = (v.params ?? {}) as { keys?: string[] };
      let issueCode = v.keyword || 'custom';
      if (issueCode === 'invalid_type' && /received undefined/.test(v.message ?? '')) issueCode = 'required';
      const segments = String(v.instancePath ?? '')
        .split('/')
        .filter(Boolean);
      if (params.keys?.length) segments.push(params.keys.join(','));
      const path = [error.validationContext ?? 'body', ...segments].join('.');
      const message = hasTranslation(lang, `validation.${issueCode}`)
        ? t(lang, `validation.${issueCode}`)
        : t(lang, 'validation.custom');
      return { path, code: issueCode, message };
    });
  } else if (isResponseSerializationError(error)) {
    request.log.error({ err: error }, 'response did not match its schema');
  } else if (error && typeof error === 'object' && ('code' in error || 'statusCode' in error)) {
    const fe = error as FastifyError;
    const mapped = FASTIFY_CODES[fe.code];
    if (mapped) ({ code, status } = mapped);
    else if (fe.statusCode === 429) {
      code = 'CORE_RATE_LIMITED';
      status = 429;
      const retry = Math.ceil(Number((fe as unknown as { ttl?: number }).ttl ?? 60_000) / 1000);
      params = { retryAfter: retry };
      headers = { 'retry-after': String(retry) };
    } else if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      code = fe.statusCode === 405 ? 'CORE_METHOD_NOT_ALLOWED' : 'CORE_BAD_REQUEST';
      status = fe.statusCode;
    }
  }
  if (status >= 500) {
    request.log.error({ err: error }, 'unhandled error');
    code = 'CORE_INTERNAL';
    params = { requestId: request.id };
    errors = [];
  }
  return {
    problem: {
      type: `https://raqmana.ma/problems/${code.toLowerCase().replace(/_/g, '-')}`,
      title: t(lang, `errors.${code}`, params),
      status,
      code,
      detail: t(lang, `errors.${code}`, params),
      instance: request.url.split('?')[0],
      requestId: request.id,
      errors,
    },
    headers,
  };
}

export function sendProblem(reply: FastifyReply, error: unknown): FastifyReply {
  const { problem, headers } = toProblem(error, reply.request);
  return reply.code(problem.status).headers(headers).type('application/problem+json; charset=utf-8').send(problem);
}
