/**
 * What the LMS should hold, derived from the learner's progress and the course content:
 * status, score and one objective per learning objective. Pure; the LMS session writes it.
 */
import type { Language, ModuleSummary } from '../content/schema';
import type { CourseContext } from '../machines/course-machine';
import type { ObjectiveRecord, Success } from '../lms/runtime';
import type { StateToSave } from '../lms/session';

export interface TrackingInput {
  context: CourseContext;
  modules: readonly ModuleSummary[];
  location: string;
  suspendData: string;
  language: Language;
}

export function objectiveId(moduleId: string, objectiveId: string): string {
  return `${moduleId}.${objectiveId}`;
}

export function trackingState({ context, modules, location, suspendData, language }: TrackingInput): StateToSave {
  const moduleComplete = modules.map((_, m) => context.visited[m]?.every(Boolean) ?? false);
  const allComplete = moduleComplete.every(Boolean);
  // No graded quiz yet: success stays unknown and no score is reported.
  const success: Success = 'unknown';
  const objectives: ObjectiveRecord[] = modules.flatMap((module, m) =>
    module.objectives.map((objective) => ({
      id: objectiveId(module.id, objective.id),
      description: objective.text[language],
      completion: moduleComplete[m] ? 'completed' : 'incomplete',
      success: 'unknown',
    })),
  );
  return {
    finished: allComplete,
    location,
    suspendData,
    completion: allComplete ? 'completed' : 'incomplete',
    success,
    objectives,
  };
}
