/** Words of alignment debates, so generated claims and queries hit realistic full-text distributions. */
export const NOUNS = [
  'alignment', 'reward', 'objective', 'model', 'agent', 'optimizer', 'policy', 'gradient', 'values', 'goal', 'training',
  'deception', 'interpretability', 'oversight', 'capability', 'generalization', 'specification', 'feedback', 'evaluation',
  'classifier', 'generator', 'planner', 'world-model', 'corrigibility', 'honesty', 'takeover', 'shutdown', 'incentive',
  'proxy', 'distribution', 'shift', 'circuit', 'representation', 'situational-awareness', 'sycophancy', 'debate',
  'amplification', 'regularizer', 'curriculum', 'benchmark', 'sandbox', 'brain', 'cortex', 'learning', 'inference',
  'utility', 'preference', 'human', 'operator', 'overseer', 'researcher', 'lab', 'deployment', 'scaling', 'compute',
  'pretraining', 'fine-tuning', 'RLHF', 'constitution', 'mesa-optimizer', 'outer', 'inner', 'misgeneralization',
  'gaming', 'hacking', 'wireheading', 'tampering', 'power-seeking', 'instrumental', 'convergence', 'ontology', 'abstraction',
];
export const VERBS = [
  'fails', 'generalizes', 'breaks', 'scales', 'learns', 'optimizes', 'deceives', 'predicts', 'explains', 'rewards',
  'shapes', 'constrains', 'undermines', 'requires', 'implies', 'prevents', 'causes', 'reveals', 'hides', 'tracks',
];
export const ADJECTIVES = [
  'hard', 'easy', 'doomed', 'promising', 'robust', 'brittle', 'complex', 'simple', 'deceptive', 'honest', 'general',
  'narrow', 'superhuman', 'unsafe', 'safe', 'likely', 'unlikely', 'behaviorist', 'non-behaviorist', 'concrete', 'speculative',
];
export const TYPOS: Record<string, string> = {
  alignment: 'alignmnet', reward: 'rewrd', interpretability: 'interpretabilty', generalization: 'generalisaton',
  deception: 'decepton', oversight: 'oversigt', corrigibility: 'corrigability', specification: 'specfication',
  training: 'trainig', objective: 'objectve', capability: 'capabilty', classifier: 'clasifier',
};
