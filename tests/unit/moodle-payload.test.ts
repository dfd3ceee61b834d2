/**
 * Moodle sends a SCORM 2004 SCO's whole data model in one beacon at Terminate, and a browser
 * refuses a beacon above 64 KiB (Terminate false, total time never stored). Measured here at
 * the worst case the course can write: the single-SCO course, Spanish texts, every question of
 * every module answered three times, every scenario choice taken, suspend_data at its budget.
 */
import { describe, expect, it } from 'vitest';
import { BEACON_LIMIT, createLmsHost, moodlePayloadBytes } from '../../preview/lms-host.ts';
import { loadCourse } from '../../src/content/loader.ts';
import { quizInteractionId, scenarioInteractionId } from '../../src/lms/identifiers.ts';
import type { InteractionRecord } from '../../src/lms/runtime.ts';
import type { Scorm2004Api } from '../../src/lms/scorm-api.ts';
import { MAX_INTERACTIONS_2004, Scorm2004Runtime } from '../../src/lms/scorm2004-runtime.ts';
import { correctResponse } from '../../src/machines/quiz-scoring.ts';
import { interactionPattern } from '../../src/progress/interaction-pattern.ts';

const { index, contents } = loadCourse(process.cwd());

function everyInteraction(): InteractionRecord[] {
  const base = { result: 'incorrect' as const, weighting: 1, latencySeconds: 754.25, timestamp: new Date('2026-12-31T23:59:59.99Z') };
  return index.modules.flatMap((m) => {
    const es = contents.get(`${m.id}.es`)!;
    return [1, 2, 3].flatMap((attempt) => [
      ...m.quiz!.questions.map((q) => ({
        ...base,
        id: quizInteractionId(m.id, q.id, attempt),
        description: es.questions[q.id]!.prompt,
        objectiveId: `${m.id}.${q.objective}`,
        pattern: interactionPattern(q, correctResponse(q)),
      })),
      ...m.scenarios.flatMap((s) =>
        s.scenes.flatMap((scene) =>
          scene.choices.map((c) => ({
            ...base,
            id: scenarioInteractionId(m.id, s.id, scene.id, attempt),
            description: es.scenarios[s.id]!.scenes[scene.id]!.choices[c.id]!.text,
            objectiveId: `${m.id}.${s.objectives[0]!}`,
            pattern: { type: 'choice' as const, options: scene.choices.map((x) => x.id), learner: [c.id], correct: [scene.choices.find((x) => x.best)!.id] },
          })),
        ),
      ),
    ]);
  });
}

describe('what Moodle sends at exit (SCORM 2004)', () => {
  it('stays under 64 KiB at the worst case, and Terminate then stores the total time', () => {
    const host = createLmsHost({ version: '2004', moodle: true });
    const runtime = new Scorm2004Runtime(host.api as unknown as Scorm2004Api, false);
    expect(runtime.initialize()).toBe(true);
    runtime.readResume();
    const all = everyInteraction();
    expect(all.length).toBeGreaterThan(MAX_INTERACTIONS_2004 * 2);
    for (const interaction of all) runtime.writeInteraction(interaction);
    runtime.write({
      finished: true,
      location: `${index.modules[2]!.id}/quiz`,
      // The course's suspend_data budget is 3,000 characters; "|" is its most expensive character once URL-encoded.
      suspendData: '|'.repeat(3000),
      completion: 'completed',
      success: 'failed',
      scorePercent: 66.67,
      sessionSeconds: 7322.5,
      objectives: index.modules.flatMap((m) => m.objectives.map((o) => ({ id: `${m.id}.${o.id}`, description: o.text.es, completion: 'completed' as const, success: 'failed' as const, scorePercent: 33.33 }))),
    });
    const bytes = moodlePayloadBytes(host.cmi());
    console.info(`worst-case 2004 exit payload: ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB) of ${BEACON_LIMIT}`);
    expect(bytes).toBeLessThan(BEACON_LIMIT);
    // Later answers were not sent, and that was logged once.
    expect(runtime.takeRefusals().filter((r) => r.startsWith('limit'))).toHaveLength(1);
    expect(runtime.finish()).toBe(true);
    expect(host.value('cmi.total_time')).toBe('PT2H2M2.5S');
  });

  it('without the limit on interactions the same learner would lose the exit (the test can fail)', () => {
    const host = createLmsHost({ version: '2004', moodle: true });
    const api = host.api as unknown as Scorm2004Api;
    api.Initialize('');
    everyInteraction().forEach((interaction, n) => {
      api.SetValue(`cmi.interactions.${n}.id`, interaction.id.replace(/-/g, '_'));
      api.SetValue(`cmi.interactions.${n}.description`, interaction.description);
    });
    expect(moodlePayloadBytes(host.cmi())).toBeGreaterThan(BEACON_LIMIT);
    expect(api.Terminate('')).toBe('false');
  });
});
