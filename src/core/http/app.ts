import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import type { Config } from '../config';
import type { DbHandle } from '../db/client';
import { currentMigration } from '../db/migrate';
import type { RequestContext } from '../access/context';
import { authenticate, checkCsrf, type AuthState } from '../identity/authenticate';
import { AppError } from '../errors';
import { registerTranslations } from '../i18n';
import type { ModuleManifest } from '../module';
import { loggerOptions, type Logger } from '../logger';
import { sendProblem } from './problem';
import { staticSecurityHeaders } from './security-headers';
import { registerIdempotency } from './idempotency';
import { registerCompression } from './compression';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
    auth: AuthState;
  }
  interface FastifyInstance {
    dbHandle: DbHandle;
    config: Config;
    modules: ModuleManifest[];
  }
}

export type App = FastifyInstance;

export interface BuildOptions {
  config: Config;
  handle: DbHandle;
  modules: ModuleManifest[];
  /** A ready logger (tests pass a silent one). */
  logger?: Logger;
  /** Extra plugins registered after the API (the web app). */
  afterApi?: (app: FastifyInstance) => Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { config, handle, modules } = opts;
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger as FastifyBaseLogger } : { logger: loggerOptions(config.logLevel) }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.production,
    requestIdHeader: false,
    genReqId: (req) => {
      const sent = req.headers['x-request-id'];
      return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : uuidv7();
    },
    ajv: { customOptions: { removeAdditional: false } },
    routerOptions: { maxParamLength: 300 },
    // Errors raised before routing (a malformed URL, a bad content type) get the same problem+json.
    frameworkErrors: (error, _request, reply) => {
      sendProblem(reply, error);
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('dbHandle', handle);
  app.decorate('config', config);
  app.decorate('modules', modules);
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('auth', null as unknown as AuthState);

  for (const m of modules) if (m.translations) registerTranslations(m.id, m.translations as never);

  app.setErrorHandler((error, _request, reply) => sendProblem(reply, error));
  app.setNotFoundHandler((request, reply) => sendProblem(reply, new AppError('CORE_ROUTE_NOT_FOUND', 404, { url: request.url })));

  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  // Security headers (helmet's, computed once: see security-headers.ts).
  const securityHeaders = staticSecurityHeaders({
    // The web app is served from the same origin; fonts and scripts are local (no CDN).
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.production ? [] : null,
      },
    },
    hsts: config.production,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  // Retried writes with the same Idempotency-Key get the first response. Registered before the
  // compression: its onSend hook must keep the response as sent by the route, not the compressed
  // bytes (its preHandler is attached to each write route, so it runs after authentication).
  registerIdempotency(app as unknown as FastifyInstance, handle.db);
  // Before any route: the plugin attaches itself to the routes added after it (compression.ts).
  await registerCompression(app);
  await app.register(cookie, { secret: config.secretKey.toString('hex') });
  await app.register(rateLimit, {
    global: true,
    max: config.env === 'test' ? 100_000 : 600,
    timeWindow: '1 minute',
    allowList: (req) => !req.url.startsWith('/api/'),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Raqmana API',
        version: '1',
        description:
          'Public API of the Raqmana platform. Errors are RFC 9457 problem+json with a stable `code`; send `Accept-Language: fr|ar|en`. Writes authenticated by session cookie need `X-CSRF-Token`; partner systems use `Authorization: Bearer rqm_…` tokens. Any write accepts an `Idempotency-Key` header.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'raqmana_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  // Who is calling: session cookie or API token. CSRF for cookie-authenticated writes.
  app.addHook('preHandler', async (request) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    const { ctx, state } = await authenticate(handle.db, request);
    request.ctx = ctx;
    request.auth = state;
    checkCsrf(request, state);
  });

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Health of the instance and its database',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), migration: z.string().nullable() }),
        },
      },
      config: { rateLimit: false },
    },
    async () => ({ status: 'ok' as const, database: handle.kind, migration: await currentMigration(handle) }),
  );

  await app.register(
    async (api) => {
      for (const m of modules) if (m.routes) await api.register(m.routes, { db: handle.db, config });
    },
    { prefix: '/api/v1' },
  );
  for (const m of modules) if (m.rootRoutes) await app.register(m.rootRoutes, { db: handle.db, config });

  if (opts.afterApi) await opts.afterApi(app as unknown as FastifyInstance);
  return app as unknown as FastifyInstance;
}
