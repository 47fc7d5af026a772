import { describe, expect, it } from 'vitest';
import { compact, dedupLines } from './helpers';

const P =
  'If we train against the deception probe, the model will simply learn to hide its deception from the probe. Once deployed, it would pursue its own objective regardless of what we intended during training.';

/** Statuses of the lines after the source paragraph. */
const statusesAfter = (...lines: string[]) =>
  compact(dedupLines([P, ...lines]).statuses)
    .split(' ')
    .slice(1)
    .join(' ');

describe('findRepeats: near-misses stay unfolded', () => {
  it('leaves a paraphrase in new words', () => {
    expect(
      statusesAfter(
        'Training against the probe just teaches the model to conceal its deception from that probe.',
        'After deployment the model goes after its own goal, whatever we meant training to do.',
      ),
    ).toBe('o o');
  });

  it('leaves a line that opens with the same words and then says something else', () => {
    expect(
      statusesAfter(
        'If we train against the deception probe, the model will become more honest, at least on distribution.',
        'If we train against the deception probe. That is the plan I want to argue for here.',
        'Once deployed, it would pursue its own objective only if training had failed to shape it.',
        'Once deployed, it would pursue its own objective — unless the objective is myopic.',
        'Once deployed, it would persue its own objective. That is all I claim, and it is a weaker claim.',
      ),
    ).toBe('o o o o o');
  });

  it('leaves a sentence mostly rewritten in brackets: under 70 % of it is the source word for word', () => {
    expect(
      statusesAfter(
        '[The trained policy] would [chase] its [own long-run goal] regardless of what we intended [in] training.',
      ),
    ).toBe('o');
  });

  it('leaves short phrases quoted inside a new sentence', () => {
    expect(
      statusesAfter(
        'I keep coming back to "learn to hide its deception" as the load-bearing phrase.',
        'Whether it will "simply learn" anything is the question.',
        '"Regardless of what we intended" is doing a lot of work in that sentence.',
      ),
    ).toBe('o o o');
  });

  it('leaves well-known sayings that two writers both use', () => {
    const { statuses } = dedupLines([
      'This is Goodhart again: when a measure becomes a target, it ceases to be a good measure. The probe is a measure.',
      'When a measure becomes a target, it ceases to be a good measure. That is why we should not train on the probe.',
      'All models are wrong, but some are useful. The probe is useful until we train on it.',
      'All models are wrong, but some are useful. I think that applies to reward models most of all.',
      'When a measure becomes a target it stops being a good measure. Probes are no exception.',
      'When a measure becomes a target it stops being a good measure. Reward models are no exception either.',
    ]);
    expect(compact(statuses)).toBe('o o o o o o');
  });

  it('leaves two sentences that share most key words in another order or with another word', () => {
    expect(
      statusesAfter(
        'The model will hide its deception from the probe if we train against the deception probe.',
        'If we train against the deception probe, the model will simply learn to hide its honesty from the probe.',
        'Once deployed, it must pursue its own objective regardless of what we intended during training.',
      ),
    ).toBe('o o o');
  });
});
