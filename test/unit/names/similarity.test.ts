import { strict as assert } from 'node:assert';
import {
  compareNames,
  foldDiacritics,
  jaroWinkler,
  keyboardAdjacent,
  letterBits,
  letterGap,
  osaDistance,
  osaDistanceCodes,
  skeleton,
} from '../../../src/core/names/similarity';
import { derivedForms, nearMiss } from '../../../src/core/names/match';
import { rng } from '../../../scripts/lib/rng';

/** Optimal string alignment distance by the textbook full table (no cap, no reused rows). */
function osaTable(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    d.push([]);
    for (let j = 0; j <= b.length; j++) {
      if (i === 0 || j === 0) {
        d[i]![j] = i + j;
        continue;
      }
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

describe('names/similarity', () => {
  it('OSA distance counts an adjacent transposition as one edit', () => {
    assert.equal(osaDistance('zelensky', 'zelenksy'), 1);
    assert.equal(osaDistance('kettlewick', 'kettlewcik'), 1);
    assert.equal(osaDistance('abc', 'abc'), 0);
    assert.equal(osaDistance('pettigrew', 'petigrew'), 1);
    assert.equal(osaDistance('kitten', 'sitting'), 3);
  });

  it('OSA distance equals the full table, capped at max + 1, over random pairs of every length', () => {
    const rand = rng(7);
    const word = (n: number) => Array.from({ length: n }, () => 'abcde'[Math.floor(rand() * 5)]).join('');
    let capped = 0;
    let exact = 0;
    for (let i = 0; i < 5000; i++) {
      // long and short words in turn, so the kept rows are reused at other widths
      const a = word(Math.floor(rand() * (i % 3 === 0 ? 40 : 9)));
      const b = rand() < 0.5 ? word(Math.floor(rand() * 9)) : a.slice(0, Math.floor(rand() * a.length)) + word(2) + a.slice(Math.floor(rand() * a.length));
      const max = 1 + Math.floor(rand() * 8);
      const want = osaTable(a, b);
      const got = osaDistance(a, b, max);
      if (want > max) {
        assert.ok(got > max, `${a} ${b} max ${max}: ${got}, table ${want}`);
        capped++;
      } else {
        assert.equal(got, want, `${a} ${b} max ${max}`);
        exact++;
      }
    }
    assert.ok(capped > 500 && exact > 500, `${capped} capped, ${exact} exact`);
  });

  it('osaDistanceCodes of a packed array of words gives what osaDistance of the strings gives', () => {
    const rand = rng(11);
    const word = (n: number) => Array.from({ length: n }, () => 'abcdeé'[Math.floor(rand() * 6)]).join('');
    // many words packed into one array, each read at its own offset
    const words = Array.from({ length: 400 }, (_, i) => word(Math.floor(rand() * (i % 5 === 0 ? 30 : 10))));
    const at = [0];
    for (const w of words) at.push(at[at.length - 1]! + w.length);
    const codes = new Uint16Array(at[at.length - 1]!);
    words.forEach((w, m) => [...w].forEach((c, i) => (codes[at[m]! + i] = c.charCodeAt(0))));
    let same = 0;
    for (let i = 0; i < 6000; i++) {
      const m = Math.floor(rand() * words.length);
      const b = words[m]!;
      const a = rand() < 0.15 ? b : rand() < 0.5 ? word(Math.floor(rand() * 12)) : b.slice(0, Math.floor(rand() * b.length)) + word(Math.floor(rand() * 3)) + b.slice(Math.floor(rand() * b.length));
      if (a === b) same++;
      const max = Math.floor(rand() * 9);
      assert.equal(osaDistanceCodes(a, codes, at[m]!, at[m + 1]!, max), osaDistance(a, b, max), `${a} ${b} max ${max}`);
    }
    assert.ok(same > 300, `${same} equal pairs`);
  });

  it('letterGap never exceeds the OSA distance, and often exceeds 3 where the distance does', () => {
    const rand = rng(11);
    // letters, a few diacritic-free punctuation and non-Latin characters (they share the spare bits)
    const alphabet = 'abcdefghijklmnopqrstuvwxyz§-\'ßø';
    const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    let ruledOut = 0;
    for (let i = 0; i < 5000; i++) {
      const a = word(Math.floor(rand() * 12));
      const b = rand() < 0.5 ? word(Math.floor(rand() * 12)) : a.slice(0, Math.floor(rand() * a.length)) + word(Math.floor(rand() * 3)) + a.slice(Math.floor(rand() * a.length));
      const gap = letterGap(letterBits(a), letterBits(b));
      const d = osaTable(a, b);
      assert.ok(gap <= d, `${a} ${b}: gap ${gap} > distance ${d}`);
      if (gap > 3) ruledOut++;
    }
    assert.ok(ruledOut > 500, `${ruledOut} ruled out`);
  });

  it('Jaro-Winkler rewards a shared prefix', () => {
    assert.ok(Math.abs(jaroWinkler('martha', 'marhta') - 0.961) < 0.001);
    assert.equal(jaroWinkler('same', 'same'), 1);
    assert.ok(jaroWinkler('pettigrew', 'pettigraw') > jaroWinkler('pettigrew', 'quillfeather'));
  });

  it('keyboard adjacency', () => {
    assert.ok(keyboardAdjacent('r', 't'));
    assert.ok(keyboardAdjacent('a', 's'));
    assert.ok(!keyboardAdjacent('a', 'p'));
  });

  const classes: Array<[string, string, string]> = [
    ['ch/sh', 'Kravchenko', 'Kravshenko'],
    ['tch/ch', 'Sotchivka', 'Sochivka'],
    ['kh/h', 'Mykhailo', 'Myhailo'],
    ['y/i', 'Zorivka', 'Zoryvka'],
    ['j/y', 'Jaroslav', 'Yaroslav'],
    ['ie/ye', 'Dniestrov', 'Dnyestrov'],
    ['iy/y', 'Zelinskiy', 'Zelinsky'],
    ['ou/u', 'Bourkov', 'Burkov'],
    ['w/v', 'Petrov', 'Petrow'],
    ['diacritics', 'Ólafsdóttir', 'Olafsdottir'],
    ['doubled letters', 'Pettigrew', 'Petigrew'],
  ];
  for (const [name, a, b] of classes) {
    it(`transliteration skeleton: ${name} (${a} ~ ${b})`, () => {
      assert.equal(skeleton(a), skeleton(b));
      const m = nearMiss(b, a);
      assert.ok(m, `${b} should be a near-miss of ${a}`);
      assert.equal(m!.strength, 'strong');
    });
  }

  it('names the kind of variant', () => {
    assert.equal(compareNames('Olafsdottir', 'Ólafsdóttir').kind, 'diacritics');
    assert.equal(compareNames('Petigrew', 'Pettigrew').kind, 'doubled-letter');
    assert.equal(compareNames('Kravshenko', 'Kravchenko').kind, 'transliteration');
    assert.equal(compareNames('Kettlewcik', 'Kettlewick').kind, 'transposition');
    assert.equal(compareNames('Pettigtew', 'Pettigrew').kind, 'keyboard-slip');
    assert.equal(compareNames('Pettigew', 'Pettigrew').kind, 'dropped-letter');
    assert.equal(foldDiacritics('Ólafsdóttir'), 'olafsdottir');
  });

  it('inflections and derived forms are not misspellings', () => {
    for (const [a, b] of [
      ['russia', 'russian'],
      ['ukraine', 'ukrainian'],
      ['kyiv', 'kyivan'],
      ['israel', 'israeli'],
      ['kettlewick', 'kettlewicks'],
      ['korea', 'korean'],
    ]) {
      assert.ok(derivedForms(a!, b!), `${a}/${b} derived`);
      assert.equal(nearMiss(b!, a!), undefined, `${b} not a slip for ${a}`);
    }
  });

  it('a dropped or added final letter is a slip, not a derivation', () => {
    assert.ok(!derivedForms('coogan', 'coogann'));
    assert.ok(nearMiss('Coogann', 'Coogan'));
    assert.ok(!derivedForms('pettigrew', 'pettigre'));
  });

  it('distinct names are not near-misses', () => {
    assert.equal(nearMiss('Jonathan', 'Johnson'), undefined);
    assert.equal(nearMiss('Quillfeather', 'Pettigrew'), undefined);
    // short names need more than one edit of evidence to be strong
    assert.equal(nearMiss('Iran', 'Iraq')?.strength ?? 'weak', 'weak');
  });
});

describe('names/derived forms of places', () => {
  it('a country and its demonym are not slips (Germany/German, Italy/Italian)', () => {
    assert.ok(derivedForms('germany', 'german'));
    assert.ok(derivedForms('italy', 'italian'));
    assert.equal(nearMiss('German', 'Germany'), undefined);
  });
});
