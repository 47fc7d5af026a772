import { MAX_LABEL_LENGTH, MAX_LABELS, MAX_NOTE_LENGTH } from '@/lib/claims/limits';
import type { Axis } from '@/lib/claims/types';
import type { ImportedTagging } from './imported-annotation';
import { jsonPath, type PathSegment, type Problem } from './json-path';
import { readTag } from './w3c-vocabulary';

/**
 * Gathers a tag's fields from an annotation's tagging bodies (W3C) or tags (Hypothesis), which
 * spell them alike, checking each against what a tag may hold (lib/claims/limits) at its path.
 */
export class TaggingReader {
  private axis: Axis | null = null;
  private confidence: number | null = null;
  private story = false;
  private crux = false;
  private readonly labels: string[] = [];
  private readonly notes: string[] = [];

  constructor(private readonly problems: Problem[]) {}

  private problem(at: PathSegment[], message: string) {
    this.problems.push({ path: jsonPath(at), message });
  }

  /** A tag as written ("axis:inner", "crux", "confidence:80", "deception"). */
  tag(value: string, at: PathSegment[]) {
    const tag = readTag(value.trim());
    switch (tag.kind) {
      case 'axis':
        if (this.axis) this.problem(at, 'a second axis tag; a tag has one axis');
        this.axis = tag.axis;
        break;
      case 'unknown-axis':
        this.problem(at, `unknown axis "${tag.value}" (outer, inner, both or other)`);
        break;
      case 'confidence':
        this.setConfidence(tag.confidence, at);
        break;
      case 'bad-confidence':
        this.problem(at, `confidence "${tag.value}" is not a whole percentage from 0 to 100, like confidence:80`);
        break;
      case 'crux':
        this.crux = true;
        break;
      case 'story':
        this.story = true;
        break;
      default:
        this.label(tag.label, at);
    }
  }

  private label(label: string, at: PathSegment[]) {
    if (!label) return;
    if (Array.from(label).length > MAX_LABEL_LENGTH)
      this.problem(at, `a label is at most ${MAX_LABEL_LENGTH} characters`);
    else if ([...label].some((char) => char.charCodeAt(0) < 32 || char === '<' || char === '>'))
      this.problem(at, 'a label cannot contain control characters or < >');
    else if (!this.labels.includes(label)) this.labels.push(label);
  }

  /** A confidence in percent, from an assessing body or a confidence tag. */
  setConfidence(confidence: number, at: PathSegment[]) {
    if (this.confidence !== null) this.problem(at, 'a second confidence; a tag has one');
    else if (!Number.isInteger(confidence))
      this.problem(at, `${confidence} % is not a whole percentage (Crux Reader keeps whole percentages)`);
    else this.confidence = confidence;
  }

  note(markdown: string) {
    if (markdown.trim()) this.notes.push(markdown);
  }

  /** The fields, or null (with problems added) when the tag could not hold them. */
  finish(at: PathSegment[]): ImportedTagging {
    const note = this.notes.join('\n\n');
    if (this.labels.length > MAX_LABELS)
      this.problem(at, `${this.labels.length} labels; a tag has at most ${MAX_LABELS}`);
    if (note.length > MAX_NOTE_LENGTH)
      this.problem(at, `the note is ${note.length} characters; the limit is ${MAX_NOTE_LENGTH}`);
    return {
      axis: this.axis ?? 'other',
      confidence: this.confidence,
      concreteStoryNeeded: this.story,
      crux: this.crux,
      labels: this.labels,
      note,
    };
  }
}
