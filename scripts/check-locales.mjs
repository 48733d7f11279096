#!/usr/bin/env node
// Fails when a set of fr / ar / en translation files do not have the same keys.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';

function flatten(obj, prefix = '') {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? flatten(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}
function* localeDirs(dir) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (!statSync(p).isDirectory()) continue;
    if (name === 'locales') yield p;
    else if (name !== 'node_modules') yield* localeDirs(p);
  }
}
let problems = 0;
let sets = 0;
for (const dir of localeDirs('src')) {
  const langs = ['fr', 'ar', 'en'].filter((l) => existsSync(path.join(dir, `${l}.json`)));
  if (langs.length === 0) continue;
  sets++;
  if (langs.length !== 3) {
    console.error(`${dir}: missing ${['fr', 'ar', 'en'].filter((l) => !langs.includes(l)).join(', ')}`);
    problems++;
    continue;
  }
  const keys = Object.fromEntries(langs.map((l) => [l, new Set(flatten(JSON.parse(readFileSync(path.join(dir, `${l}.json`), 'utf8'))))]));
  for (const l of langs)
    for (const other of langs)
      for (const k of keys[l])
        if (!keys[other].has(k)) {
          console.error(`${dir}/${other}.json lacks "${k}" (present in ${l}.json)`);
          problems++;
        }
}
if (problems) {
  console.error(`${problems} translation problem(s)`);
  process.exit(1);
}
console.log(`Translations complete: ${sets} locale set(s) with identical fr/ar/en keys.`);
