import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation';
import type { ModuleManifest } from './module';

const label = (s: string) => ({ fr: s, ar: s, en: s });
const modules: ModuleManifest[] = [
  {
    id: 'a',
    navigation: [
      { id: 'a.two', path: '/backoffice/a2', label: label('A2'), permission: 'a.write', section: 'a', order: 2 },
      { id: 'a.one', path: '/backoffice/a1', label: label('A1'), permission: ['a.read', 'a.write'], section: 'a', order: 1 },
    ],
  },
  { id: 'b', navigation: [{ id: 'b.open', path: '/me/b', label: label('B'), section: 'account' }] },
];

describe('navigationFor', () => {
  it('keeps the entries whose permission is held, in module then declared order', () => {
    expect(navigationFor(modules, ['a.read']).map((n) => n.id)).toEqual(['a.one', 'b.open']);
    expect(navigationFor(modules, ['a.write']).map((n) => n.id)).toEqual(['a.one', 'a.two', 'b.open']);
  });
  it('shows entries without permission to everyone and everything to "*"', () => {
    expect(navigationFor(modules, []).map((n) => n.id)).toEqual(['b.open']);
    expect(navigationFor(modules, ['*'])).toHaveLength(3);
  });
});
