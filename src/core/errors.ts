/**
 * One error type for every expected failure. `code` is stable and namespaced
 * (`CORE_NOT_FOUND`, `RESERVES_INSUFFICIENT_STOCK`); the message shown to people is the
 * translation of `errors.<code>` in the caller's language, with `params` interpolated.
 */
export interface FieldError {
  path: string;
  code: string;
  message?: string;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly params: Record<string, unknown>;
  readonly errors: FieldError[];
  readonly headers: Record<string, string>;

  constructor(
    code: string,
    status: number,
    params: Record<string, unknown> = {},
    opts: { errors?: FieldError[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(code, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.params = params;
    this.errors = opts.errors ?? [];
    this.headers = opts.headers ?? {};
  }
}

export const notFound = (entity: string, id?: string) => new AppError('CORE_NOT_FOUND', 404, { entity, id });
export const forbidden = (permission?: string) => new AppError('CORE_FORBIDDEN', 403, permission ? { permission } : {});
export const unauthenticated = () => new AppError('CORE_UNAUTHENTICATED', 401);
export const conflict = (code: string, params: Record<string, unknown> = {}) => new AppError(code, 409, params);
export const badRequest = (code: string, params: Record<string, unknown> = {}, errors: FieldError[] = []) =>
  new AppError(code, 400, params, { errors });
