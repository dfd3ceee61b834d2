/**
 * The facilitator guide, generated from the same content as the course (never a second copy) and
 * from the trainers' notes in modules/facilitation.yaml and each module's facilitation.yaml: per
 * session an agenda of authored activity blocks that fills the session's minutes, facilitation
 * notes per activity, key messages per Guideline and Principle, the objectives and prompts, the
 * quiz answer key, and each scenario's map with its debrief questions beside it; then adapting to
 * the audience and a one-page replication plan. One printable HTML page per language.
 */
import type { Facilitation, SessionPlan } from '../src/content/facilitation.ts';
import type { CourseIndex, Language, ModuleContent, ModuleSummary, QuestionKey, QuestionText, ReferenceContent } from '../src/content/schema.ts';
import { escapeXml as esc } from './manifest.ts';
import { guidePage } from './guide-page.ts';
import { activityNotes, audiences, beforeTheWorkshop, guidelineNote, keyMessages, replicationPlan, scenarioBlock } from './guide-parts.ts';
import { GUIDE_WORDS, type GuideWords } from './guide-words.ts';

type Words = Pick<GuideWords, 'true' | 'false'>;

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

export interface AgendaRow {
  start: number;
  end: number;
  activity: SessionPlan['activities'][number];
}

/** The session's agenda: its authored activity blocks one after another (they fill the session's minutes). */
export function agenda(plan: SessionPlan): AgendaRow[] {
  let clock = 0;
  return plan.activities.map((activity) => {
    const row = { start: clock, end: clock + activity.minutes, activity };
    clock = row.end;
    return row;
  });
}

function session(module: ModuleSummary, content: ModuleContent, plan: SessionPlan, facilitation: Facilitation, guidelineTitles: Map<number, string>, language: Language): string {
  const w = GUIDE_WORDS[language];
  const rows = agenda(plan);
  const pageTitle = (id: string) => module.pages.find((p) => p.id === id)!.title[language];
  const agendaRows = rows.map(({ start, end, activity }) => {
    const draws = activity.pages.length ? `<br /><span class="meta">${w.draws}: ${esc(activity.pages.map(pageTitle).join('; '))}</span>` : '';
    return `<tr><td class="time">${start}–${end} ${w.minutes}</td><td class="${activity.kind}">${esc(activity.title[language])}${draws}</td></tr>`;
  });
  const objectiveText = (id: string) => module.objectives.find((o) => o.id === id)?.text[language] ?? id;
  const quiz = module.quiz
    ? `<h3>${w.answerKey}</h3><ol class="answers">${module.quiz.questions
        .map((q) => {
          const text = content.questions[q.id]!;
          const note = guidelineNote(q.guidelines, w);
          return `<li><p class="prompt">${esc(text.prompt)}</p><p><strong>${w.answer}:</strong> ${esc(answerText(q, text, w))}</p><p><strong>${w.why}:</strong> ${esc(text.explanation)}</p><p class="meta">${w.objective}: ${esc(objectiveText(q.objective))}${note ? ` · ${note}` : ''}</p></li>`;
        })
        .join('')}</ol>`
    : '';
  const notes = rows.map(({ start, activity }) => activityNotes(activity, start, module, activity.scenario ? content.scenarios[activity.scenario] : undefined, language, w));
  // Every scenario of the module, however many: with its authored debrief when there is one.
  const scenarios = module.scenarios.map((key) =>
    scenarioBlock(module, key, content.scenarios[key.id]!, plan.activities.find((a) => a.kind === 'debrief' && a.scenario === key.id), language, w),
  );
  return `<section class="session" id="session-${module.number}" aria-labelledby="session-${module.number}-title">
  <h2 id="session-${module.number}-title">${w.session} ${module.number}: ${esc(module.title[language])}</h2>
  <p>${esc(module.summary[language])}</p>
  <h3>${w.agenda} (${module.sessionMinutes} ${w.minutes})</h3>
  <table class="agenda"><thead><tr><th scope="col">${w.time}</th><th scope="col">${w.activity}</th></tr></thead><tbody>${agendaRows.join('')}</tbody></table>
  <h3>${w.objectives}</h3>
  <ul class="objectives">${module.objectives.map((o) => `<li>${esc(o.text[language])}${o.guidelines.length ? ` <span class="meta">(${guidelineNote(o.guidelines, w)})</span>` : ''}</li>`).join('')}</ul>
  <h3>${w.keyMessages}</h3>
  ${keyMessages(plan, facilitation, guidelineTitles, language, w)}
  <h3>${w.notes}</h3>
  ${notes.join('\n')}
  <h3>${w.prompts}</h3>
  <ol class="prompts">${module.workshopPrompts.map((p) => `<li>${esc(p[language])}</li>`).join('')}</ol>
  ${scenarios.join('\n')}
  ${quiz}
</section>`;
}

export function facilitatorGuide(
  course: CourseIndex,
  contents: (moduleId: string) => ModuleContent,
  facilitation: Facilitation,
  reference: ReferenceContent,
  language: Language,
): string {
  const w = GUIDE_WORDS[language];
  const guidelineTitles = new Map(reference.guidelines.phases.flatMap((phase) => phase.guidelines.map((g) => [g.number, g.title] as const)));
  const sessions = course.modules.map((module) => session(module, contents(module.id), facilitation.sessions.get(module.id)!, facilitation, guidelineTitles, language));
  const nav = [
    `<li><a href="#before">${w.before}</a></li>`,
    ...course.modules.map((m) => `<li><a href="#session-${m.number}">${w.session} ${m.number}: ${esc(m.title[language])}</a></li>`),
    `<li><a href="#audiences">${w.audiences}</a></li>`,
    `<li><a href="#replication">${w.replication}</a></li>`,
  ];
  const body = `<h1>${w.guide}: ${esc(course.title[language])}</h1>
<p>${esc(w.intro)}</p>
<p class="print-note">${esc(w.print)}</p>
<nav aria-label="${w.contents}"><ol>${nav.join('')}</ol></nav>
${beforeTheWorkshop(w)}
${sessions.join('\n')}
${audiences(facilitation, language, w)}
${replicationPlan(facilitation, language, w)}`;
  return guidePage(language, `${w.guide} – ${esc(course.title[language])}`, body);
}
