import { strict as assert } from 'node:assert';
import {
  compareNames,
  foldDiacritics,
  jaroWinkler,
  keyboardAdjacent,
  osaDistance,
  skeleton,
} from '../../../src/core/names/similarity';
import { derivedForms, nearMiss } from '../../../src/core/names/match';

describe('names/similarity', () => {
  it('OSA distance counts an adjacent transposition as one edit', () => {
    assert.equal(osaDistance('zelensky', 'zelenksy'), 1);
    assert.equal(osaDistance('kettlewick', 'kettlewcik'), 1);
    assert.equal(osaDistance('abc', 'abc'), 0);
    assert.equal(osaDistance('pettigrew', 'petigrew'), 1);
    assert.equal(osaDistance('kitten', 'sitting'), 3);
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
