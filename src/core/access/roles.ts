import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import type { ModuleManifest } from '../module';
import { roles } from './schema';

/** Every permission code the kernel and the modules declare. */
export function declaredPermissions(modules: ModuleManifest[]): string[] {
  return [...new Set(modules.flatMap((m) => (m.permissions ?? []).map((p) => p.code)))].sort();
}

/** Creates or updates the roles declared in code (idempotent; runs at every start). */
export async function syncDeclaredRoles(db: Database, modules: ModuleManifest[]): Promise<void> {
  const known = new Set(declaredPermissions(modules));
  for (const m of modules)
    for (const r of m.roles ?? []) {
      const unknown = r.permissions.filter((p) => p !== '*' && !known.has(p));
      if (unknown.length) throw new Error(`Role ${r.code} of module ${m.id} names undeclared permissions: ${unknown.join(', ')}`);
      await db
        .insert(roles)
        .values({
          code: r.code,
          nameFr: r.name.fr,
          nameAr: r.name.ar,
          nameEn: r.name.en,
          permissions: r.permissions,
          system: true,
          requiresMfa: r.requiresMfa ?? false,
        })
        .onConflictDoUpdate({
          target: roles.code,
          set: {
            nameFr: r.name.fr,
            nameAr: r.name.ar,
            nameEn: r.name.en,
            permissions: r.permissions,
            requiresMfa: r.requiresMfa ?? false,
            system: true,
            updatedAt: sql`now()`,
          },
          setWhere: sql`${roles.permissions} IS DISTINCT FROM ARRAY[${sql.join(
            r.permissions.map((p) => sql`${p}`),
            sql`, `,
          )}]::text[] OR ${roles.nameFr} IS DISTINCT FROM ${r.name.fr} OR ${roles.nameAr} IS DISTINCT FROM ${r.name.ar}
            OR ${roles.nameEn} IS DISTINCT FROM ${r.name.en} OR ${roles.requiresMfa} IS DISTINCT FROM ${r.requiresMfa ?? false}
            OR NOT ${roles.system}`,
        });
    }
}
