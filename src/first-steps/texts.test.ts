import { describe, expect, it } from 'vitest';
import { charterLines } from './texts.js';

describe('the charter in a few lines', () => {
  it('reads as text: no heading, no Markdown marks, numbered rules keep their number', () => {
    const body = [
      '# Charte du Réseau',
      '',
      'Ce réseau est un lieu d’entraide.',
      '',
      '1. **Bienveillance** : on s’adresse aux autres avec égards.',
      '2. Pas de *publicité* ni de [démarchage](https://exemple.org).',
    ].join('\n');
    expect(charterLines(body)).toEqual({
      lines: [
        'Ce réseau est un lieu d’entraide.',
        '1. Bienveillance : on s’adresse aux autres avec égards.',
        '2. Pas de publicité ni de démarchage.',
      ],
      isLonger: false,
    });
  });

  it('says when the charter goes on past the lines shown', () => {
    const body = ['Un.', 'Deux.', 'Trois.'].join('\n');
    expect(charterLines(body, 2)).toEqual({ lines: ['Un.', 'Deux.'], isLonger: true });
    expect(charterLines('x'.repeat(30), 5, 10).isLonger).toBe(true);
  });
});
