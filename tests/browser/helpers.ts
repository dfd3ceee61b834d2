/** Shared steps of the browser tests: launch a built SCO in a frame under the stand-in LMS. */
import { sendKeys } from '@web/test-runner-commands';
import { expect } from '@open-wc/testing';
import type { CourseIndex, QuestionKey, QuizKey, ScenarioKey, ScenarioText } from '../../src/content/schema';
import type { PackageCatalogue } from '../../packaging/build-packages';
import { createLmsHost, type HostOptions, type LmsHost } from '../../preview/lms-host';

type BuiltPackage = PackageCatalogue['packages'][number];

/**
 * A stand-in LMS for one SCO of a built package, with the mastery score its manifest declares
 * (as an LMS passes it on), installed on this window.
 */
export function hostFor(pkg: BuiltPackage, scoId: string, options: Partial<HostOptions> = {}): LmsHost {
  const sco = pkg.scos.find((s) => s.id === scoId)!;
  const host = createLmsHost({
    version: pkg.version,
    masteryScore: sco.masteryScore === undefined ? undefined : pkg.version === '1.2' ? sco.masteryScore : sco.masteryScore / 100,
    ...options,
  });
  host.install(window);
  return host;
}

/** Each test starts with no course data in this browser (progress, mirrors), and no course left open by a failed test (it would hold the activity's tab lock). */
beforeEach(() => {
  for (const frame of document.querySelectorAll('iframe')) frame.remove();
  for (const key of Object.keys(localStorage)) if (key.startsWith('micic:')) localStorage.removeItem(key);
});

/** Polls `check` until it gives a value; a check that throws (what it reads is not drawn yet) counts as not yet. */
export async function waitFor<T>(check: () => T | undefined | null | false, what: string, timeout = 10000): Promise<T> {
  const start = performance.now();
  let lastError: unknown;
  for (;;) {
    let value: T | undefined | null | false;
    try {
      value = check();
    } catch (error) {
      lastError = error;
      value = undefined;
    }
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}${lastError ? ` (last: ${String(lastError)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} (run npm run build first)`);
  return (await response.json()) as T;
}

export const catalogue = () => fetchJson<PackageCatalogue>('/dist/packages.json');
export const courseIndex = () => fetchJson<CourseIndex>('/dist/course-index.json');

export interface LaunchedSco {
  frame: HTMLIFrameElement;
  win: Window;
  doc: Document;
  /** The shell's shadow root. */
  root: ShadowRoot;
  close(): void;
}

const FIRST_VIEWS = 'micic-course-home, micic-module-landing';

/**
 * Waits for the course in `frame` to show the learner's page; from its home or landing it presses
 * Start/Continue (again every half second: a course that restarts after a question re-renders them).
 */
export async function learnerPageIn(frame: HTMLIFrameElement, what: string): Promise<ShadowRoot> {
  const shell = () => frame.contentDocument?.querySelector('micic-course-shell')?.shadowRoot ?? undefined;
  let pressed = 0;
  return waitFor(() => {
    const root = shell();
    if (root?.querySelector('micic-page-view')?.shadowRoot?.querySelector('h1')) return root;
    const first = root?.querySelector(FIRST_VIEWS)?.shadowRoot;
    const start = first?.querySelector<HTMLButtonElement>('[data-current] .primary') ?? first?.querySelector<HTMLButtonElement>('.primary');
    if (start && performance.now() - pressed > 500) {
      pressed = performance.now();
      start.click();
    }
    return undefined;
  }, `${what}: the learner's page`);
}

/**
 * Opens a launch page in an iframe (the LMS API must already be installed on this window). Every
 * launch opens on the course home or the module's landing; unless `stayOnFirstView`, its
 * Start/Continue button (the current module's) is pressed, so the test begins on the learner's page.
 * `into`: launch in another document (the LMS API must be installed on its window).
 */
export async function launch(src: string, options: { stayOnFirstView?: boolean; into?: Document } = {}): Promise<LaunchedSco> {
  const into = options.into ?? document;
  const frame = into.createElement('iframe');
  frame.title = 'course';
  frame.style.width = '1024px';
  frame.style.height = '768px';
  frame.src = new URL(src, location.href).href;
  into.body.append(frame);
  const views = options.stayOnFirstView ? FIRST_VIEWS : `${FIRST_VIEWS}, micic-page-view, micic-quiz-view, micic-scenario-view, micic-workshop-card`;
  const viewIn = (selector: string) => frame.contentDocument?.querySelector('micic-course-shell')?.shadowRoot?.querySelector<HTMLElement>(selector);
  const rendered = (selector: string) => (viewIn(selector)?.shadowRoot?.querySelector('h1') ? frame.contentDocument!.querySelector('micic-course-shell')!.shadowRoot! : undefined);
  let root = await waitFor(() => rendered(views), `the course to render in ${src}`);
  const first = viewIn(FIRST_VIEWS);
  if (first && !options.stayOnFirstView) {
    const button = first.shadowRoot!.querySelector<HTMLButtonElement>('[data-current] .primary') ?? first.shadowRoot!.querySelector<HTMLButtonElement>('.primary')!;
    button.click();
    root = await waitFor(() => (viewIn(FIRST_VIEWS) ? undefined : rendered('micic-page-view, micic-quiz-view, micic-scenario-view, micic-workshop-card')), `the first page after ${button.textContent?.trim()}`);
  }
  return {
    frame,
    win: frame.contentWindow!,
    doc: frame.contentDocument!,
    root,
    close: () => frame.remove(),
  };
}

/** The notices shown, one line each ('' when none). */
export function noticesOf(sco: LaunchedSco): string {
  const items = sco.root.querySelector('micic-notice-list')!.shadowRoot!.querySelectorAll('li span');
  return [...items].map((item) => item.textContent?.trim()).join('\n');
}

/** The element that has focus, looking through shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Waits for the shown page to be drawn whole: it draws its parts a frame apart (page-parts.ts). */
export function pageDrawn(sco: LaunchedSco): Promise<Element> {
  return waitFor(() => sco.root.querySelector('micic-page-view:not([drawing])'), 'the page to be drawn whole');
}

export function pageTitle(sco: LaunchedSco): string {
  return sco.root.querySelector('micic-page-view')?.shadowRoot?.querySelector('h1')?.textContent?.trim() ?? '';
}

/** Presses Tab until `matches` holds for the focused element. */
export async function tabTo(sco: LaunchedSco, matches: (el: Element) => boolean, what: string, maxPresses = 80): Promise<Element> {
  for (let i = 0; i < maxPresses; i++) {
    const active = deepActiveElement(sco.doc);
    if (active && matches(active)) return active;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`could not reach ${what} with Tab in ${maxPresses} presses`);
}

let axeSource: Promise<string> | undefined;

/** Runs axe-core inside the course frame (shadow DOM included) and returns its violations. */
/**
 * Runs axe on the launched course. `overlayOpen`: a drawer or menu is open and the page behind it is inert
 * (as a modal hides it), so the page-level best practices "one main landmark" and "a level-one heading" are off.
 */
export async function axeViolations(sco: LaunchedSco, overlayOpen = false): Promise<string[]> {
  const win = sco.win as Window & { axe?: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown }> }> }> } };
  if (!win.axe) {
    axeSource ??= fetch('/node_modules/axe-core/axe.min.js').then((r) => r.text());
    const script = sco.doc.createElement('script');
    script.textContent = await axeSource;
    sco.doc.head.append(script);
  }
  // Colours mid-transition (the design's motion tokens) are not what the learner reads: let the
  // last render start its transitions (two frames), then let every one finish, in every shadow root.
  await new Promise((resolve) => sco.win.requestAnimationFrame(() => sco.win.requestAnimationFrame(resolve)));
  const roots: Array<Document | ShadowRoot> = [sco.doc];
  for (let i = 0; i < roots.length; i++) for (const el of roots[i]!.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  await Promise.all(roots.flatMap((root) => root.getAnimations()).map((animation) => animation.finished.catch(() => undefined)));
  const rules = overlayOpen ? { 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false } } : {};
  const result = await win.axe!.run(sco.doc, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, rules });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}

/** Fills this origin's localStorage to the last byte; returns a function that empties it again. */
export function fillLocalStorage(): () => void {
  const keys: string[] = [];
  for (let size = 1024 * 1024; size >= 1; size = Math.floor(size / 2)) {
    for (;;) {
      const key = `filler-${keys.length}`;
      try {
        localStorage.setItem(key, 'x'.repeat(size));
        keys.push(key);
      } catch {
        break;
      }
    }
  }
  return () => keys.forEach((key) => localStorage.removeItem(key));
}

/* ---- The module quiz ---- */

const press = (key: string) => sendKeys({ press: key });

export function quizRoot(sco: LaunchedSco): ShadowRoot {
  return sco.root.querySelector('micic-quiz-view')!.shadowRoot!;
}
export function questionRoot(sco: LaunchedSco): ShadowRoot {
  return quizRoot(sco).querySelector('micic-question')!.shadowRoot!;
}

export async function openQuiz(sco: LaunchedSco): Promise<void> {
  sco.win.focus();
  await tabTo(sco, (el) => el.tagName === 'BUTTON' && !!el.textContent?.includes('Module quiz'), 'the quiz in the contents');
  await press('Enter');
  // The quiz player loads on first use: wait until it has rendered.
  await waitFor(() => sco.root.querySelector('micic-quiz-view')?.shadowRoot?.querySelector('h1'), 'the quiz view');
}

function currentPrompt(sco: LaunchedSco): string {
  return questionRoot(sco).querySelector('legend')!.textContent!.trim();
}

/** Answers the question on screen by keyboard, correctly or not, and checks it. */
export async function answerByKeyboard(sco: LaunchedSco, question: QuestionKey, correctly: boolean): Promise<void> {
  const root = () => questionRoot(sco);
  const focusIn = async (matches: (el: Element) => boolean, what: string) => tabTo(sco, matches, what, 150);
  switch (question.type) {
    case 'true-false':
    case 'single-choice': {
      const wanted = question.type === 'true-false' ? String(correctly ? question.answer : !question.answer) : correctly ? question.answer : question.options.find((o) => o !== question.answer)!;
      const first = await focusIn((el) => el.tagName === 'INPUT' && (el as HTMLInputElement).type === 'radio', 'the first choice');
      const target = [...root().querySelectorAll<HTMLInputElement>('input[type=radio]')].find((input) => input.id.endsWith(`-${wanted}`))!;
      if (first !== target) {
        for (let i = 0; i < 10 && !target.checked; i++) await press('ArrowDown');
      } else {
        await press('Space');
      }
      expect(target.checked, `chose ${wanted}`).to.equal(true);
      break;
    }
    case 'multiple-response': {
      const wantedIds = correctly ? question.answers : [question.options.find((o) => !question.answers.includes(o))!];
      // Tab only moves forward: visit the wanted options in the order they are shown.
      const shown = [...root().querySelectorAll<HTMLInputElement>('input[type=checkbox]')].map((input) => input.id.replace(/^q\d+-/, ''));
      const wanted = shown.filter((id) => wantedIds.includes(id));
      for (const option of wanted) {
        await focusIn((el) => el.tagName === 'INPUT' && el.id.endsWith(`-${option}`), option);
        await press('Space');
      }
      break;
    }
    case 'ordering': {
      const goal = correctly ? question.items : [...question.items].reverse();
      for (let position = 0; position < goal.length; position++) {
        const shown = () => [...root().querySelectorAll('li')].map((li) => li.querySelector('button')?.dataset.item);
        const from = shown().indexOf(goal[position]);
        if (from === position) continue;
        await focusIn((el) => (el as HTMLElement).dataset?.item === goal[position] && (el as HTMLElement).dataset?.direction === 'up', `move up ${goal[position]}`);
        for (let k = 0; k < from - position; k++) await press('Enter');
        expect(shown()[position]).to.equal(goal[position]);
      }
      break;
    }
    case 'matching': {
      for (const source of question.sources) {
        const wanted = correctly ? question.answer[source]! : question.targets.find((t) => t !== question.answer[source])!;
        // One radio group per item: Tab enters it, Space picks the focused option, arrows move the choice.
        const first = (await focusIn((el) => el.tagName === 'INPUT' && (el as HTMLInputElement).name.endsWith(`-${source}`), source)) as HTMLInputElement;
        const checked = () => [...(first.getRootNode() as ShadowRoot).querySelectorAll<HTMLInputElement>(`input[name="${first.name}"]`)].find((r) => r.checked)?.value;
        await press(' ');
        for (let i = 0; i < 12 && checked() !== wanted; i++) await press('ArrowDown');
        expect(checked(), source).to.equal(wanted);
      }
      break;
    }
  }
  await focusIn((el) => el.tagName === 'BUTTON' && el.textContent?.trim() === 'Check answer', 'Check answer');
  await press('Enter');
  await waitFor(() => quizRoot(sco).querySelector('.result'), 'the feedback');
}

/** The quiz question on screen, found by its prompt. */
export function questionOnScreen(sco: LaunchedSco, prompts: Record<string, string>, quiz: QuizKey): QuestionKey {
  const prompt = currentPrompt(sco);
  const id = Object.entries(prompts).find(([, text]) => text === prompt)?.[0];
  return quiz.questions.find((q) => q.id === id)!;
}

/** The English prompt of each question of a module, from the built content chunk. */
export async function promptsByQuestion(moduleId: string): Promise<Record<string, string>> {
  const content = (await import(/* @vite-ignore */ `/dist/web/assets/content/${moduleId}.en.quiz.js`)) as { default: Record<string, { prompt: string }> };
  return Object.fromEntries(Object.entries(content.default).map(([id, t]) => [id, t.prompt]));
}


/** Takes the whole quiz on screen by keyboard, answering every question correctly or not. */
export async function takeQuizByKeyboard(
  sco: LaunchedSco,
  moduleId: string,
  quiz: QuizKey,
  correctly: boolean,
  hooks: { beforeAnswer?: (n: number) => Promise<void>; afterAnswer?: (n: number) => Promise<void> } = {},
): Promise<string[]> {
  const prompts = await promptsByQuestion(moduleId);
  await tabTo(sco, (el) => el.textContent?.trim() === 'Start the quiz', 'Start');
  await press('Enter');
  const asked: string[] = [];
  for (let n = 0; n < quiz.draw; n++) {
    await waitFor(() => quizRoot(sco).querySelector('micic-question') && !quizRoot(sco).querySelector('.result'), `question ${n + 1}`);
    const question = questionOnScreen(sco, prompts, quiz);
    asked.push(question.id);
    await hooks.beforeAnswer?.(n);
    await answerByKeyboard(sco, question, correctly);
    await hooks.afterAnswer?.(n);
    // Focus moved to Next (or See results): Enter goes on.
    expect(deepActiveElement(sco.doc)?.textContent?.trim()).to.match(/Next question|See results/);
    await press('Enter');
  }
  await waitFor(() => quizRoot(sco).querySelector('ol.review'), 'the review');
  return asked;
}

/* ---- Scenarios ---- */

export function scenarioRoot(sco: LaunchedSco): ShadowRoot {
  return sco.root.querySelector('micic-scenario-view')!.shadowRoot!;
}

/** English scenario texts of a module, from the built content chunk. */
export async function scenarioTexts(moduleId: string): Promise<Record<string, ScenarioText>> {
  const module = (await courseIndex()).modules.find((m) => m.id === moduleId)!;
  const texts = await Promise.all(
    module.scenarios.map(async (s) => [s.id, ((await import(/* @vite-ignore */ `/dist/web/assets/content/${moduleId}.en.scenario-${s.id}.js`)) as { default: ScenarioText }).default] as const),
  );
  return Object.fromEntries(texts);
}

/**
 * Plays the scenario on screen by keyboard: at each scene `pick` names the choice to take
 * (default: the best one). Stops after `steps` decisions, or at an ending.
 */
export async function playScenarioByKeyboard(
  sco: LaunchedSco,
  key: ScenarioKey,
  text: ScenarioText,
  pick: (scene: ScenarioKey['scenes'][number]) => string = (scene) => scene.choices.find((c) => c.best)!.id,
  steps = Infinity,
): Promise<string[]> {
  const taken: string[] = [];
  let at = key.start;
  while (taken.length < steps && key.scenes.some((s) => s.id === at)) {
    const scene = key.scenes.find((s) => s.id === at)!;
    const choice = pick(scene);
    const label = text.scenes[scene.id]!.choices[choice]!.text;
    await waitFor(() => scenarioRoot(sco).textContent?.includes(text.scenes[scene.id]!.situation), `scene ${scene.id}`);
    await tabTo(sco, (el) => el.tagName === 'BUTTON' && el.textContent?.trim() === label, `choice ${choice}`, 60);
    await press('Enter');
    taken.push(choice);
    at = scene.choices.find((c) => c.id === choice)!.next;
  }
  if (!key.scenes.some((s) => s.id === at)) await waitFor(() => scenarioRoot(sco).querySelector('table'), 'the debrief');
  return taken;
}
