/**
 * What the bench does inside the course's document, installed there as `window.bench` by
 * `installDriver` (the function is sent to the browser as its source, so it uses nothing outside
 * itself). It clicks what a learner clicks: Start/Continue, Next, the choices of checks, quizzes,
 * pre-tests and scenarios, and fills written tasks.
 */
export type ViewKind = 'home' | 'text' | 'check' | 'scenario' | 'quiz' | 'card';

export interface BenchDriver {
  /** Waits for the course's first view (home or landing) to render; its time (performance.now()). */
  firstView(): Promise<number>;
  /** Presses Start/Continue on the home or landing and waits for the learner's page. */
  continue(): Promise<{ at: number; kind: ViewKind }>;
  /** Next in the pager; false on the last page. */
  next(): Promise<boolean>;
  /** Where the learner is (position of the shell's pager as "seen/total" is not enough: the title). */
  where(): { kind: ViewKind | undefined; title: string };
  /** Every response of this document so far: URL and when it ended (performance.now()). */
  responses(): Array<{ url: string; end: number }>;
  /** Answers every check, written task and pre-test question on the page shown. */
  doPage(): Promise<void>;
  /** Plays the `plays` longest paths of the scenario shown; how many it played, of how many paths. */
  playLongestPaths(plays: number): Promise<{ played: number; paths: number }>;
  /** Takes the quiz shown `attempts` times with random answers. */
  takeQuiz(attempts: number): Promise<void>;
}

export function installDriver(): void {
  const FIRST = 'micic-course-home, micic-module-landing';
  const VIEWS = 'micic-page-view, micic-quiz-view, micic-scenario-view, micic-workshop-card';
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const until = async <T>(check: () => T | undefined | null | false, what: string, timeout = 20000): Promise<T> => {
    const start = performance.now();
    for (;;) {
      const value = check();
      if (value) return value;
      if (performance.now() - start > timeout) throw new Error(`bench: timed out waiting for ${what} (at "${document.title}")`);
      await sleep(4);
    }
  };
  const shell = () => document.querySelector('micic-course-shell')?.shadowRoot ?? undefined;
  const viewRoot = () => shell()?.querySelector(VIEWS)?.shadowRoot ?? undefined;
  const settle = async (el: Element | null | undefined) => {
    await (el as unknown as { updateComplete?: Promise<unknown> } | null)?.updateComplete;
    await sleep(0);
  };
  const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;

  /** What is rendered: the first view, or the learner's page with everything on it drawn. */
  const rendered = (): ViewKind | undefined => {
    const root = shell();
    const first = root?.querySelector(FIRST);
    if (first) return first.shadowRoot?.querySelector('h1') ? 'home' : undefined;
    const view = root?.querySelector(VIEWS);
    const own = view?.shadowRoot;
    const h1 = own?.querySelector('h1')?.textContent?.trim();
    // The page shown has caught up with the course's position: none on its way (aria-busy), and
    // the tab's title names it.
    if (!view || !own || !h1 || root!.querySelector('main')?.getAttribute('aria-busy') === 'true' || !document.title.startsWith(`${h1} – `)) return undefined;
    if (view.localName === 'micic-quiz-view') return own.querySelector('button') ? 'quiz' : undefined;
    if (view.localName === 'micic-scenario-view') return own.querySelector('button') ? 'scenario' : undefined;
    if (view.localName === 'micic-workshop-card') return 'card';
    // A page draws its parts a frame apart (page-parts.ts): rendered means drawn whole.
    if (view.hasAttribute('drawing')) return undefined;
    const checks = [...own.querySelectorAll('micic-knowledge-check')];
    if (checks.some((c) => !c.shadowRoot?.querySelector('micic-question')?.shadowRoot?.querySelector('input, button'))) return undefined;
    return checks.length ? 'check' : 'text';
  };

  /**
   * Chooses something in a question: a random option per radio group, some boxes, a few moves.
   * Each choice goes up to the course and comes back as the question's response: wait for it.
   */
  const answer = async (question: Element) => {
    const root = question.shadowRoot!;
    const responseOf = () => JSON.stringify((question as unknown as { response?: unknown }).response ?? null);
    const act = async (click: () => void) => {
      const before = responseOf();
      click();
      const start = performance.now();
      while (responseOf() === before && performance.now() - start < 1000) await sleep(4);
    };
    const groups = new Map<string, HTMLInputElement[]>();
    for (const input of root.querySelectorAll<HTMLInputElement>('input[type=radio]')) groups.set(input.name, [...(groups.get(input.name) ?? []), input]);
    for (const inputs of groups.values()) await act(() => pick(inputs).click());
    const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    for (const box of boxes) if (Math.random() < 0.5) await act(() => box.click());
    if (boxes.length && !boxes.some((b) => b.checked)) await act(() => pick(boxes).click());
    for (let i = 0; i < 3; i++) {
      const moves = [...root.querySelectorAll<HTMLButtonElement>('button[data-item]')].filter((b) => !b.disabled);
      if (moves.length) await act(() => pick(moves).click());
    }
    await settle(question);
  };

  // From the document's start: when the first view rendered, however late the bench asks.
  let firstViewAt: number | undefined;
  const watch = () => {
    if (rendered() === 'home') firstViewAt = performance.now();
    else if (performance.now() < 60000) setTimeout(watch, 4);
  };
  setTimeout(watch, 0);

  const primary = (root: ParentNode) => root.querySelector<HTMLButtonElement>('.actions .primary, .primary');

  const driver = {
    async firstView() {
      return until(() => firstViewAt, 'the home or landing');
    },
    async continue() {
      const first = shell()!.querySelector(FIRST)!.shadowRoot!;
      (first.querySelector<HTMLButtonElement>('[data-current] .primary') ?? first.querySelector<HTMLButtonElement>('.primary'))!.click();
      const kind = await until(() => {
        const now = rendered();
        return now && now !== 'home' ? now : undefined;
      }, "the learner's page");
      return { at: performance.now(), kind };
    },
    async next() {
      const next = shell()!.querySelector<HTMLButtonElement>('.pager .next')!;
      if (next.getAttribute('aria-disabled') === 'true') return false;
      const before = document.title;
      next.click();
      await until(() => document.title !== before && rendered(), 'the next page');
      return true;
    },
    where() {
      return { kind: rendered(), title: document.title };
    },
    responses() {
      return performance.getEntriesByType('resource').map((e) => ({ url: e.name, end: (e as PerformanceResourceTiming).responseEnd }));
    },
    async doPage() {
      const root = viewRoot();
      if (!root) return;
      for (const check of root.querySelectorAll('micic-knowledge-check')) {
        const own = check.shadowRoot!;
        await answer(own.querySelector('micic-question')!);
        await settle(check);
        own.querySelector<HTMLButtonElement>('section > button')!.click();
        await until(() => own.querySelector('.result p'), 'the check feedback');
      }
      for (const task of root.querySelectorAll('micic-written-task')) {
        const own = task.shadowRoot!;
        const area = own.querySelector('textarea');
        if (!area || area.readOnly) continue;
        // As long as the task allows, with characters the codec must escape.
        area.value = 'Map where migrants live | who speaks their languages; call the consulates: 1, 2, 3. '.repeat(20).slice(0, area.maxLength);
        area.dispatchEvent(new Event('input'));
        await settle(task);
        own.querySelector<HTMLButtonElement>('section > button')!.click();
        await until(() => own.querySelector('input[type=checkbox]'), 'the model answer');
        for (const box of own.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) if (Math.random() < 0.7) box.click();
        await settle(task);
        own.querySelector<HTMLButtonElement>('section > button')!.click();
        await until(() => own.querySelector('textarea')?.readOnly, 'the saved task');
      }
      const pretest = shell()?.querySelector('micic-pretest');
      const start = pretest?.shadowRoot?.querySelector<HTMLButtonElement>('.start');
      if (pretest && start) {
        start.click();
        for (;;) {
          const question = await until(() => pretest.shadowRoot!.querySelector('micic-question') ?? pretest.shadowRoot!.querySelector('p[role=status]'), 'a pre-test question');
          if (question.localName !== 'micic-question') break;
          const legend = question.shadowRoot?.querySelector('legend')?.textContent;
          await answer(question);
          await settle(pretest);
          pretest.shadowRoot!.querySelector<HTMLButtonElement>('.save')!.click();
          await until(() => pretest.shadowRoot!.querySelector('micic-question')?.shadowRoot?.querySelector('legend')?.textContent !== legend, 'the next pre-test question');
        }
      }
    },
    async playLongestPaths(plays: number) {
      const own = () => viewRoot()!;
      type Key = { start: string; scenes: Array<{ id: string; choices: Array<{ id: string; next: string }> }> };
      const view = shell()!.querySelector('micic-scenario-view') as unknown as { key: Key; text: { scenes: Record<string, { choices: Record<string, { text: string }> }> } };
      // Every path through the scene graph (it is acyclic), longest first: the longest write the most.
      const paths: string[][] = [];
      const walk = (at: string, taken: string[]) => {
        const scene = view.key.scenes.find((s) => s.id === at);
        if (!scene) return void paths.push(taken);
        for (const choice of scene.choices) walk(choice.next, [...taken, `${scene.id} ${choice.id}`]);
      };
      walk(view.key.start, []);
      paths.sort((a, b) => b.length - a.length);
      const chosen = paths.slice(0, plays);
      for (const [n, path] of chosen.entries()) {
        for (const step of path) {
          await until(() => own().querySelectorAll('.choices button').length, 'a scene');
          const [scene, choice] = step.split(' ') as [string, string];
          const wanted = view.text.scenes[scene]?.choices[choice]?.text.trim();
          const buttons = [...own().querySelectorAll<HTMLButtonElement>('.choices button')];
          const heading = own().querySelector('h2[data-focus-target]')?.textContent;
          (buttons.find((b) => b.textContent?.trim() === wanted) ?? buttons[0]!).click();
          await until(() => own().querySelector('h2[data-focus-target]')?.textContent !== heading, 'the next scene');
        }
        await until(() => own().querySelector('table'), 'the debrief');
        if (n === chosen.length - 1) break;
        primary(own())!.click();
        await settle(shell()?.querySelector('micic-scenario-view'));
        own().querySelector<HTMLButtonElement>('[data-confirm]')?.click();
        await until(() => !own().querySelector('table'), 'the scenario to start again');
      }
      return { played: chosen.length, paths: paths.length };
    },
    async takeQuiz(attempts: number) {
      const own = () => viewRoot()!;
      const view = () => shell()?.querySelector('micic-quiz-view');
      for (let attempt = 0; attempt < attempts; attempt++) {
        if (attempt > 0) {
          primary(own())!.click();
          await settle(view());
          own().querySelector<HTMLButtonElement>('[data-confirm]')?.click();
          await until(() => !own().querySelector('ol.review'), 'the quiz to start again');
        }
        if (!own().querySelector('micic-question')) {
          primary(own())!.click();
          await until(() => own().querySelector('micic-question'), 'the first question');
        }
        while (!own().querySelector('ol.review')) {
          const question = await until(() => !own().querySelector('.result') && own().querySelector('micic-question'), 'a question');
          await answer(question);
          await settle(view());
          primary(own())!.click();
          await until(() => own().querySelector('.result, .missing'), 'the feedback');
          if (own().querySelector('.missing')) throw new Error('bench: the quiz took no answer');
          primary(own())!.click();
          await until(() => own().querySelector('ol.review') || (own().querySelector('micic-question') && !own().querySelector('.result')), 'the next question');
        }
      }
    },
  } satisfies BenchDriver;
  (window as unknown as { bench: BenchDriver }).bench = driver;
}
