import type { NarrativeFigure, Section } from '../types';

/** Figures the prose states, under canonical or derived keys. (Filled in by the garbled-sources work.) */
export function extractNarrative(_text: string, _sections: Section[]): NarrativeFigure[] {
  return [];
}
