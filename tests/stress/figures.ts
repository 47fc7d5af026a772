import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FILE = path.resolve(import.meta.dirname, '../../bench/results/reliability.json');

/** Adds a run's figures to bench/results/reliability.json (the README's reliability table comes from there). */
export function recordFigures(section: string, figures: Record<string, unknown>) {
  mkdirSync(path.dirname(FILE), { recursive: true });
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(readFileSync(FILE, 'utf8'));
  } catch {}
  current[section] = { ...figures, at: new Date().toISOString() };
  writeFileSync(FILE, `${JSON.stringify(current, null, 2)}\n`);
}
