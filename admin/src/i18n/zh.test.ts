import english from 'ra-language-english';
import { raZh } from './zh';

// Every key react-admin's English set defines must exist in ours, or the UI falls back to English.
const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));

describe('zh-CN messages', () => {
  it('cover every key of ra-language-english', () => {
    const ours = new Set(keys(raZh));
    expect(keys(english).filter((k) => !ours.has(k))).toEqual([]);
  });

  it('keep the same plural forms', () => {
    const plural = (o: object) => keys(o).filter((k) => String(k.split('.').reduce((a: any, p) => a[p], o)).includes('||||'));
    expect(plural(raZh).sort()).toEqual(plural(english).sort());
  });
});
