import { describe, expect, it } from 'vitest';
import { survey } from '../../src/data/survey';
import { compareGroups } from '../../src/describe/compareGroups';
import { scales } from '../../src/scale/presets';

const nfc = 'Åbenrå'.normalize('NFC');
const nfd = 'Åbenrå'.normalize('NFD');
const s = survey({
  columns: {
    id: ['1', '2', '3', '4'],
    q: ['I høj grad', 'Slet ikke', 'I høj grad', 'I meget høj grad'],
    area: [nfc, nfc, 'Nord', 'Nord'],
  },
  id: 'id',
  items: [{ id: 'q', scale: scales.daDegree4 }],
  attributes: { area: 'category' },
});

describe('compareGroups reads group labels as category keys', () => {
  it('puts a padded, an NFD and an NFC label in one group, and a zero-width-space label in none', () => {
    const result = compareGroups(s, 'q', { by: [nfc, ` ${nfd}`, 'Nord', '\u200B'] });
    expect(result.groups.map((row) => [row.group, row.n])).toEqual([
      [nfc, 2],
      ['Nord', 1],
    ]);
    expect(result.nWithoutGroup).toBe(1);
  });

  it('finds the groups an NFD order names', () => {
    const result = compareGroups(s, 'q', { by: 'area', order: ['Nord', nfd] });
    expect(result.groups.map((row) => row.group)).toEqual(['Nord', nfc]);
  });
});
