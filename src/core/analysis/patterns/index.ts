import type { AnalysisContext } from '../context';
import type { PatternMatch } from '../types';
import { communicationPatterns } from './communication';
import { dataPatterns } from './data';
import { resiliencePatterns } from './resilience';

/** Every communication, resilience and data pattern found in the diagram, in a fixed order. */
export function detectPatterns(ctx: AnalysisContext): PatternMatch[] {
  return [...communicationPatterns(ctx), ...resiliencePatterns(ctx), ...dataPatterns(ctx)];
}
