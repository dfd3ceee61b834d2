/** The facilitator guide's building blocks, each a piece of HTML from content and trainer notes. */
import { principleMessage, type Activity, type Facilitation, type SessionPlan } from '../src/content/facilitation.ts';
import type { Language, ModuleSummary, ScenarioKey, ScenarioText } from '../src/content/schema.ts';
import { bestPath } from '../src/machines/scenario-machine.ts';
import { escapeXml as esc } from './manifest.ts';
import { scenarioMapPages } from './scenario-maps.ts';
import type { GuideWords } from './guide-words.ts';

/** "Guidelines 2, 4", or nothing when a text cites none (never a dangling label). */
export function guidelineNote(numbers: readonly number[], w: GuideWords): string {
  return numbers.length ? w.guidelinesLabel(numbers.join(', ')) : '';
}

const labelled = (label: string, text: string, cls = '') => (text.trim() ? `<p${cls ? ` class="${cls}"` : ''}><strong>${label}:</strong> ${esc(text)}</p>` : '');

/** One activity's facilitation notes: purpose, set-up, what to read out, what to listen for, misconceptions, debrief. */
export function activityNotes(
  activity: Activity,
  start: number,
  module: ModuleSummary,
  scenarioText: ScenarioText | undefined,
  language: Language,
  w: GuideWords,
): string {
  const stopScene = activity.stopAt && scenarioText?.scenes[activity.stopAt]?.situation;
  const misconceptions = activity.misconceptions.length
    ? `<h5>${w.misconceptions}</h5><dl>${activity.misconceptions
        .map((m) => `<dt>“${esc(m.belief[language])}”</dt><dd>${esc(m.answer[language])}</dd>`)
        .join('')}</dl>`
    : '';
  const pages = activity.pages.map((id) => module.pages.find((p) => p.id === id)!.title[language]);
  return `<div class="activity">
  <h4>${start}–${start + activity.minutes} ${w.minutes} · ${esc(activity.title[language])}</h4>
  ${pages.length ? labelled(w.draws, pages.join('; '), 'meta') : ''}
  ${labelled(w.purpose, activity.purpose[language])}
  ${labelled(w.setup, activity.setup[language])}
  ${labelled(w.say, activity.say[language], 'say')}
  ${labelled(w.listenFor, activity.listenFor[language])}
  ${misconceptions}
  ${stopScene ? labelled(w.stopAt, stopScene) : ''}
  ${activity.questions.length ? `<h5>${w.askQuestions}</h5><ol>${activity.questions.map((q) => `<li>${esc(q[language])}</li>`).join('')}</ol>` : ''}
</div>`;
}

/** Key messages for the session's Guidelines and Principles; an unconfirmed Principle says so. */
export function keyMessages(plan: SessionPlan, facilitation: Facilitation, guidelineTitles: Map<number, string>, language: Language, w: GuideWords): string {
  const guidelines = plan.guidelines.map((n) => {
    const message = facilitation.course.guidelines.find((g) => g.number === n)!.message[language];
    const title = guidelineTitles.get(n);
    return `<dt>${w.guideline} ${n}${title ? `: ${esc(title)}` : ''}</dt><dd>${esc(message)}</dd>`;
  });
  const principles = plan.principles.map((n) => {
    const p = principleMessage(facilitation.course, n)!;
    const title = p.unconfirmed ? ` (${w.unconfirmed})` : p.title ? `: ${esc(p.title[language])}` : '';
    return `<dt>${w.principle} ${n}${title}</dt><dd${p.unconfirmed ? ' class="unconfirmed"' : ''}>${esc(p.message[language])}</dd>`;
  });
  return `<dl class="messages">${[...principles, ...guidelines].join('')}</dl>`;
}

/** A scenario: its map with the debrief questions beside it, the best path and the endings. */
export function scenarioBlock(module: ModuleSummary, key: ScenarioKey, text: ScenarioText, debrief: Activity | undefined, language: Language, w: GuideWords): string {
  const best = bestPath(key);
  const questions = debrief?.questions.map((q) => q[language]) ?? w.genericDebrief;
  const stopScene = debrief?.stopAt ? text.scenes[debrief.stopAt]?.situation : undefined;
  const choiceGuidelines = (scene: string, choice: string) => key.scenes.find((s) => s.id === scene)!.choices.find((c) => c.id === choice)!.guidelines;
  return `<section class="scenario" aria-labelledby="scenario-${module.id}-${key.id}">
  <h3 id="scenario-${module.id}-${key.id}">${w.scenarioTitle}: ${esc(text.title)}</h3>
  <p><strong>${w.role}:</strong> ${esc(text.role)} ${esc(text.setting)}</p>
  <div class="map-and-debrief">
    <figure class="map">${scenarioMapPages(key, text, language, `map-${module.id}-${key.id}`).join('')}</figure>
    <aside aria-label="${w.debrief}: ${esc(text.title)}">
      <h4>${w.debrief}</h4>
      ${stopScene ? labelled(w.stopAt, stopScene) : ''}
      <ol>${questions.map((q) => `<li>${esc(q)}</li>`).join('')}</ol>
    </aside>
  </div>
  <h4>${w.bestPath}</h4>
  <ol>${best
    .map((step) => {
      const note = guidelineNote(choiceGuidelines(step.scene, step.choice), w);
      return `<li>${esc(text.scenes[step.scene]!.situation)} <strong>→ ${esc(text.scenes[step.scene]!.choices[step.choice]!.text)}</strong>${note ? ` <span class="meta">(${note})</span>` : ''}</li>`;
    })
    .join('')}</ol>
  <h4>${w.endings}</h4>
  <dl>${key.endings.map((e) => `<dt>${w[e.kind]}: ${esc(text.endings[e.id]!.title)}</dt><dd>${esc(text.endings[e.id]!.debrief)}</dd>`).join('')}</dl>
</section>`;
}

export function beforeTheWorkshop(w: GuideWords): string {
  return `<section aria-labelledby="before"><h2 id="before">${w.before}</h2><ol>${w.beforeSteps.map((s) => `<li>${esc(s)}</li>`).join('')}</ol></section>`;
}

export function audiences(facilitation: Facilitation, language: Language, w: GuideWords): string {
  return `<section aria-labelledby="audiences"><h2 id="audiences">${w.audiences}</h2><dl>${facilitation.course.audiences
    .map((a) => `<dt>${esc(a.title[language])}</dt><dd>${esc(a.notes[language])}</dd>`)
    .join('')}</dl></section>`;
}

/** One page a participant fills in to plan the training they will give. */
export function replicationPlan(facilitation: Facilitation, language: Language, w: GuideWords): string {
  const { intro, fields } = facilitation.course.replication;
  return `<section class="replication" aria-labelledby="replication"><h2 id="replication">${w.replication}</h2>
  <p>${esc(intro[language])}</p>
  ${[w.replicationName, ...fields.map((f) => f[language])].map((label) => `<div class="field"><h3>${esc(label)}</h3><div class="write"></div></div>`).join('')}
</section>`;
}
