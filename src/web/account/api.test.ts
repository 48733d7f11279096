import { describe, expect, it } from 'vitest';
import { browserName, groupSecret } from './api';

describe('account helpers', () => {
  it('names a browser from its User-Agent', () => {
    expect(
      browserName('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'),
    ).toBe('Chrome · Linux');
    expect(browserName('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe(
      'Firefox · Windows',
    );
    expect(
      browserName(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari · iOS');
    expect(browserName('curl/8.5.0')).toBe('Program');
    expect(browserName(null)).toBeNull();
  });

  it('groups a TOTP key by four characters', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
  });
});

describe('personal space sections declared by modules', () => {
  it('are kept in their order, the default order last', async () => {
    const { registerSpaceSections, spaceSections } = await import('./sections');
    const C = () => null;
    registerSpaceSections([
      { id: 'b', load: async () => C },
      { id: 'a', order: 10, load: async () => C },
      { id: 'c', order: 200, load: async () => C },
    ]);
    expect(spaceSections().map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
});
