/**
 * Every drizzle table of the kernel. drizzle-kit reads this file and the modules' schema files
 * (see drizzle.config.ts) to generate `migrations/`.
 */
export * from '../orgs/schema';
export * from '../identity/schema';
export * from '../access/schema';
export * from '../audit/schema';
export * from '../numbering/schema';
export * from '../workflow/schema';
export * from '../files/schema';
export * from '../notify/schema';
export * from '../http/schema';
export { core } from './columns';
