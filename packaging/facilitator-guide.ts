/**
 * The facilitator guide, generated from the same content as the course (never a second copy):
 * per session a suggested agenda, the objectives, key messages by guideline, the discussion
 * prompts, the quiz answer key with explanations, and each scenario's map, best path and
 * debriefs. One printable HTML page per language (A4 or Letter).
 */
import type { CourseIndex, Language, ModuleContent, ModuleSummary, QuestionKey, QuestionText } from '../src/content/schema.ts';
import { bestPath } from '../src/machines/scenario-machine.ts';
import { escapeXml as esc } from './manifest.ts';
import { scenarioMapPages } from './scenario-maps.ts';

const WORDS = {
  en: {
    guide: 'Facilitator guide',
    intro:
      'This guide accompanies the three theoretical and practical sessions of a MICIC training: crisis preparedness, emergency response and post-crisis recovery. Assign each module to participants before its session, then use this guide to run the session.',
    contents: 'Contents',
    session: 'Session',
    agenda: 'Suggested agenda',
    minutes: 'min',
    time: 'Time',
    activity: 'Activity',
    opening: 'Opening: objectives of the session and what participants saw in the module',
    topic: 'Discussion of the topic',
    scenario: 'Scenario exercise in small groups, then debrief',
    quizReview: 'Quiz review: the questions participants found hardest',
    prompts: 'Workshop prompts: participants bring their answers',
    close: 'Closing: commitments for each participant’s institution',
    objectives: 'Learning objectives',
    guidelines: 'Guidelines',
    keyMessages: 'Key messages by guideline',
    guideline: 'Guideline',
    discussion: 'Discussion prompts',
    answerKey: 'Quiz answer key',
    answer: 'Answer',
    why: 'Why',
    objective: 'Objective',
    scenarioTitle: 'Scenario',
    role: 'Role',
    bestPath: 'Best path',
    endings: 'Endings and debrief notes',
    good: 'Good outcome',
    mixed: 'Mixed outcome',
    poor: 'Poor outcome',
    true: 'True',
    false: 'False',
    print: 'Print this guide or save it as PDF from the browser’s print dialogue.',
  },
  es: {
    guide: 'Guía para facilitadores',
    intro:
      'Esta guía acompaña las tres sesiones teórico-prácticas de una formación MICIC: preparación, respuesta y recuperación. Asigne cada módulo a las personas participantes antes de su sesión y use esta guía para conducirla.',
    contents: 'Contenido',
    session: 'Sesión',
    agenda: 'Agenda sugerida',
    minutes: 'min',
    time: 'Tiempo',
    activity: 'Actividad',
    opening: 'Apertura: objetivos de la sesión y lo que las personas participantes vieron en el módulo',
    topic: 'Conversación sobre el tema',
    scenario: 'Ejercicio del escenario en grupos pequeños y análisis posterior',
    quizReview: 'Repaso del cuestionario: las preguntas que resultaron más difíciles',
    prompts: 'Preguntas para el taller: las personas participantes traen sus respuestas',
    close: 'Cierre: compromisos para la institución de cada participante',
    objectives: 'Objetivos de aprendizaje',
    guidelines: 'Directrices',
    keyMessages: 'Mensajes clave por directriz',
    guideline: 'Directriz',
    discussion: 'Preguntas para la conversación',
    answerKey: 'Respuestas del cuestionario',
    answer: 'Respuesta',
    why: 'Por qué',
    objective: 'Objetivo',
    scenarioTitle: 'Escenario',
    role: 'Función',
    bestPath: 'Mejor camino',
    endings: 'Finales y notas para el análisis',
    good: 'Buen resultado',
    mixed: 'Resultado intermedio',
    poor: 'Resultado deficiente',
    true: 'Verdadero',
    false: 'Falso',
    print: 'Imprima esta guía o guárdela como PDF desde el cuadro de impresión del navegador.',
  },
} as const;

type Words = (typeof WORDS)[Language];

/** The correct answer of a question, in words. */
export function answerText(question: QuestionKey, text: QuestionText, words: Words): string {
  switch (question.type) {
    case 'single-choice':
      return text.labels[question.answer] ?? question.answer;
    case 'multiple-response':
      return question.answers.map((id) => text.labels[id] ?? id).join('; ');
    case 'true-false':
      return question.answer ? words.true : words.false;
    case 'ordering':
      return question.items.map((id, i) => `${i + 1}. ${text.labels[id] ?? id}`).join(' ');
    case 'matching':
      return question.sources.map((s) => `${text.labels[s]} → ${text.labels[question.answer[s]!]}`).join('; ');
  }
}

/** A suggested agenda that fits the session's minutes. */
export function agenda(module: ModuleSummary, content: ModuleContent, words: Words): Array<[number, string]> {
  // About 80 minutes of scenario work whatever the number of scenarios (two: 40 each; three: 25 each).
  const perScenario = Math.max(15, Math.floor(80 / Math.max(1, module.scenarios.length) / 5) * 5);
  const fixed: Array<[number, string]> = [
    [15, words.opening],
    ...module.scenarios.map((s): [number, string] => [perScenario, `${words.scenario}: ${content.scenarios[s.id]?.title ?? s.id}`]),
    ...(module.quiz ? [[20, words.quizReview] as [number, string]] : []),
    ...(module.workshopPrompts.length ? [[30, words.prompts] as [number, string]] : []),
    [10, words.close],
  ];
  const used = fixed.reduce((sum, [m]) => sum + m, 0);
  const topics = content.pages.filter((p) => p.id !== 'summary-and-workshop');
  const each = Math.max(5, Math.floor((module.sessionMinutes - used) / Math.max(1, topics.length) / 5) * 5);
  const rows: Array<[number, string]> = [fixed[0]!, ...topics.map((p): [number, string] => [each, `${words.topic}: ${p.title}`]), ...fixed.slice(1)];
  // Rounding leaves a few minutes over: the closing takes them, so the agenda fills the session.
  const total = rows.reduce((sum, [m]) => sum + m, 0);
  if (total < module.sessionMinutes) rows[rows.length - 1] = [rows.at(-1)![0] + module.sessionMinutes - total, rows.at(-1)![1]];
  return rows;
}

export function facilitatorGuide(course: CourseIndex, contents: (moduleId: string) => ModuleContent, language: Language): string {
  const w = WORDS[language];
  const sections = course.modules.map((module) => {
    const content = contents(module.id);
    const rows = agenda(module, content, w);
    const objectiveText = (id: string) => module.objectives.find((o) => o.id === id)?.text[language] ?? id;
    const guidelines = [...new Set([...module.objectives.flatMap((o) => o.guidelines), ...(module.quiz?.questions.flatMap((q) => q.guidelines) ?? [])])].sort((a, b) => a - b);
    const keyMessages = guidelines.map((g) => {
      const messages = [
        ...module.objectives.filter((o) => o.guidelines.includes(g)).map((o) => o.text[language]),
        ...(module.quiz?.questions.filter((q) => q.guidelines.includes(g)).map((q) => content.questions[q.id]!.explanation) ?? []),
      ];
      return `<dt>${w.guideline} ${g}</dt>${messages.map((m) => `<dd>${esc(m)}</dd>`).join('')}`;
    });
    let clock = 0;
    const agendaRows = rows.map(([minutes, activity]) => {
      const row = `<tr><td>${clock}–${clock + minutes} ${w.minutes}</td><td>${esc(activity)}</td></tr>`;
      clock += minutes;
      return row;
    });
    const quiz = module.quiz
      ? `<h3>${w.answerKey}</h3><ol class="answers">${module.quiz.questions
          .map((q) => {
            const text = content.questions[q.id]!;
            return `<li><p class="prompt">${esc(text.prompt)}</p><p><strong>${w.answer}:</strong> ${esc(answerText(q, text, w))}</p><p><strong>${w.why}:</strong> ${esc(text.explanation)}</p><p class="meta">${w.objective}: ${esc(objectiveText(q.objective))} · ${w.guidelines} ${q.guidelines.join(', ')}</p></li>`;
          })
          .join('')}</ol>`
      : '';
    const scenarios = module.scenarios
      .map((key) => {
        const text = content.scenarios[key.id]!;
        const best = bestPath(key);
        return `<section class="scenario" aria-labelledby="scenario-${module.id}-${key.id}">
  <h3 id="scenario-${module.id}-${key.id}">${w.scenarioTitle}: ${esc(text.title)}</h3>
  <p><strong>${w.role}:</strong> ${esc(text.role)} ${esc(text.setting)}</p>
  <figure class="map">${scenarioMapPages(key, text, language, `map-${module.id}-${key.id}`).join('')}</figure>
  <h4>${w.bestPath}</h4>
  <ol>${best.map((step) => `<li>${esc(text.scenes[step.scene]!.situation)} <strong>→ ${esc(text.scenes[step.scene]!.choices[step.choice]!.text)}</strong> (${w.guidelines} ${key.scenes.find((s) => s.id === step.scene)!.choices.find((c) => c.id === step.choice)!.guidelines.join(', ')})</li>`).join('')}</ol>
  <h4>${w.endings}</h4>
  <dl>${key.endings.map((e) => `<dt>${w[e.kind]}: ${esc(text.endings[e.id]!.title)}</dt><dd>${esc(text.endings[e.id]!.debrief)}</dd>`).join('')}</dl>
</section>`;
      })
      .join('\n');
    return `<section class="session" id="session-${module.number}" aria-labelledby="session-${module.number}-title">
  <h2 id="session-${module.number}-title">${w.session} ${module.number}: ${esc(module.title[language])}</h2>
  <p>${esc(module.summary[language])}</p>
  <h3>${w.agenda} (${module.sessionMinutes} ${w.minutes})</h3>
  <table><thead><tr><th scope="col">${w.time}</th><th scope="col">${w.activity}</th></tr></thead><tbody>${agendaRows.join('')}</tbody></table>
  <h3>${w.objectives}</h3>
  <ul class="objectives">${module.objectives.map((o) => `<li>${esc(o.text[language])}${o.guidelines.length ? ` <span class="meta">(${w.guidelines} ${o.guidelines.join(', ')})</span>` : ''}</li>`).join('')}</ul>
  <h3>${w.keyMessages}</h3>
  <dl class="messages">${keyMessages.join('')}</dl>
  <h3>${w.discussion}</h3>
  <ol class="prompts">${module.workshopPrompts.map((p) => `<li>${esc(p[language])}</li>`).join('')}</ol>
  ${quiz}
  ${scenarios}
</section>`;
  });
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${w.guide} – ${esc(course.title[language])}</title>
<style>
  body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif; color: #1b1f24; line-height: 1.5; margin: 0; }
  main { max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
  h1 { font-size: 1.8rem; } h2 { font-size: 1.45rem; border-top: 3px solid #0b5cad; padding-top: 0.75rem; margin-top: 2.5rem; }
  h3 { font-size: 1.15rem; margin-top: 1.5rem; } h4 { font-size: 1rem; }
  table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #c5ccd3; padding: 0.3rem 0.5rem; text-align: start; vertical-align: top; }
  dt { font-weight: 700; margin-top: 0.5rem; } dd { margin-inline-start: 1rem; }
  .meta { color: #4a5560; font-size: 0.9rem; } .prompt { font-weight: 600; margin-bottom: 0.2rem; }
  ol.answers li { margin-bottom: 0.75rem; } ol.answers p { margin: 0.15rem 0; }
  figure.map { margin: 1rem 0; overflow-x: auto; } figure.map svg { display: block; max-width: 100%; height: auto; margin-bottom: 0.5rem; }
  .print-note { color: #4a5560; }
  @page { size: A4; margin: 16mm; }
  @media print {
    main { max-width: none; padding: 0; } .print-note, nav { display: none; }
    h2 { break-before: page; margin-top: 0; } h3, h4, dt { break-after: avoid; }
    li, tr, figure, dd { break-inside: avoid; } a { color: inherit; text-decoration: none; }
    figure.map { break-inside: auto; overflow: visible; } figure.map svg { break-inside: avoid; }
  }
</style>
</head>
<body>
<main>
<h1>${w.guide}: ${esc(course.title[language])}</h1>
<p>${esc(w.intro)}</p>
<p class="print-note">${esc(w.print)}</p>
<nav aria-label="${w.contents}"><ol>${course.modules.map((m) => `<li><a href="#session-${m.number}">${w.session} ${m.number}: ${esc(m.title[language])}</a></li>`).join('')}</ol></nav>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
