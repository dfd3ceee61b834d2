/**
 * Wires the parts together: the course machine's snapshots go to the shell and, through
 * the progress codec, to the LMS session; the shell's events go to the machine.
 */
import { createActor, type Actor } from 'xstate';
import type { CompiledPage, CourseIndex, Language, ModuleContent } from './content/schema';
import { courseMachine, type CourseContext, type CourseEvent, type Position } from './machines/course-machine';
import { decodeProgress, encodeProgress, savedAtOf } from './progress/codec';
import { trackingState } from './progress/tracking';
import { LmsSession, type SessionNews, type StateToSave } from './lms/session';
import type { LaunchConfig } from './launch';
import type { CourseShell } from './components/course-shell';
import { isLanguage, type UiStringKey } from './i18n';

export type ContentLoader = (moduleId: string, language: Language) => Promise<ModuleContent>;

const NEWS_NOTICES: Record<Exclude<SessionNews, 'save-recovered'>, UiStringKey> = {
  'no-lms': 'notice.noLms',
  'no-storage': 'notice.storageUnavailable',
  'initialize-failed': 'notice.lmsUnavailable',
  'session-already-ended': 'notice.lmsFinished',
  'save-failed': 'notice.lmsUnavailable',
};

export class CourseApp {
  private readonly session: LmsSession;
  private readonly actor: Actor<typeof courseMachine>;
  private notices: UiStringKey[] = [];
  private content = new Map<string, ModuleContent>();
  private loadFailed = false;
  private lastEvent: CourseEvent['type'] | undefined;
  private firstUpdateDone = false;

  constructor(
    private readonly course: CourseIndex,
    private readonly launch: LaunchConfig,
    private readonly shell: CourseShell,
    private readonly loadContent: ContentLoader,
    win: Window = window,
  ) {
    this.session = new LmsSession({
      packageVersion: launch.packageVersion,
      storageKey: `micic:${course.id}:${course.version}:${launch.scope}`,
      onNews: (news, detail) => this.onSessionNews(news, detail),
      savedAtOf,
      window: win,
    });
    const resume = this.session.start();
    const scopeModules = launch.modules.map((m) => ({ id: m.id, pageIds: m.pages.map((p) => p.id) }));
    const decoded = decodeProgress(resume.suspendData, course.contentHash, scopeModules);
    if (decoded.status === 'incompatible' || decoded.status === 'corrupt') this.addNotice('notice.progressReset');
    const restored = decoded.status === 'restored' ? decoded.progress : undefined;

    this.actor = createActor(courseMachine, {
      input: {
        modules: scopeModules,
        language: restored?.language ?? this.preferredLanguage(resume.language, win),
        restored: restored ?? this.positionFromLocation(resume.location),
      },
    });
    shell.course = course;
    shell.modules = launch.modules;
    shell.addEventListener('course-event', (e) => this.send((e as CustomEvent<CourseEvent>).detail));
    shell.addEventListener('notice-dismiss', (e) => {
      this.notices = this.notices.filter((key) => key !== (e as CustomEvent<UiStringKey>).detail);
      this.render();
    });
    this.actor.subscribe((snapshot) => this.onChange(snapshot.context));
    this.actor.start();

    // Save whenever the learner may be leaving; never rely on unload, which browsers cut short.
    win.document.addEventListener('visibilitychange', () => {
      if (win.document.visibilityState === 'hidden') this.session.update(this.record(), 'now');
    });
    win.addEventListener('pagehide', () => this.session.finish(this.record()));
  }

  private onSessionNews(news: SessionNews, detail: string): void {
    if (news === 'save-recovered') {
      this.notices = this.notices.filter((key) => key !== 'notice.lmsUnavailable' && key !== 'notice.storageUnavailable');
      this.render();
      return;
    }
    // Trainers and support staff find the LMS's own words in the browser console.
    console.warn(`[MICIC course] ${news}${detail ? `: ${detail}` : ''}`);
    this.addNotice(NEWS_NOTICES[news]);
  }

  send(event: CourseEvent): void {
    this.lastEvent = event.type;
    this.actor.send(event);
  }

  private preferredLanguage(lmsLanguage: string, win: Window): Language {
    const candidates = [lmsLanguage, ...(win.navigator.languages ?? [win.navigator.language])];
    for (const candidate of candidates) {
      const code = candidate?.slice(0, 2).toLowerCase();
      if (isLanguage(code)) return code;
    }
    return this.course.defaultLanguage;
  }

  /** Falls back to the bookmark alone when suspend_data is gone but the LMS kept the location. */
  private positionFromLocation(location: string): { position: Position; visited: boolean[][] } | undefined {
    const [moduleId, pageId] = location.split('/');
    const module = this.launch.modules.findIndex((m) => m.id === moduleId);
    const page = module >= 0 ? this.launch.modules[module]!.pages.findIndex((p) => p.id === pageId) : -1;
    if (page < 0) return undefined;
    return { position: { module, page }, visited: this.launch.modules.map((m) => m.pages.map(() => false)) };
  }

  private record(): StateToSave {
    const context = this.actor.getSnapshot().context;
    const module = this.launch.modules[context.position.module]!;
    return trackingState({
      context,
      modules: this.launch.modules,
      location: `${module.id}/${module.pages[context.position.page]!.id}`,
      suspendData: encodeProgress({ ...context, savedAt: Date.now() }, this.course.contentHash),
      language: context.language,
    });
  }

  private onChange(context: CourseContext): void {
    const doc = this.shell.ownerDocument;
    doc.documentElement.lang = context.language;
    doc.title = this.course.title[context.language];
    // The first state goes to the LMS at once (status "incomplete" from the first launch); page
    // changes after it are coalesced.
    this.session.update(this.record(), this.firstUpdateDone ? 'soon' : 'now');
    this.firstUpdateDone = true;
    this.render();
    void this.showPage(context);
  }

  private async showPage(context: CourseContext): Promise<void> {
    const module = this.launch.modules[context.position.module]!;
    const key = `${module.id}.${context.language}`;
    let content = this.content.get(key);
    if (!content) {
      try {
        content = await this.loadContent(module.id, context.language);
        this.content.set(key, content);
        this.loadFailed = false;
      } catch {
        this.loadFailed = true;
        this.render();
        return;
      }
    }
    // A later navigation may have overtaken this load.
    if (this.actor.getSnapshot().context !== context) return;
    const page: CompiledPage | undefined = content.pages[context.position.page];
    this.shell.page = page;
    this.render();
    if (page && (this.lastEvent === 'nav.next' || this.lastEvent === 'nav.previous')) {
      const pageNumber = context.position.page + 1;
      this.shell.announcePage(page.title, pageNumber, module.pages.length);
    } else if (this.lastEvent === 'nav.goto') {
      this.shell.focusPage();
    }
    this.lastEvent = undefined;
  }

  private addNotice(key: UiStringKey): void {
    if (!this.notices.includes(key)) this.notices = [...this.notices, key];
    this.render();
  }

  private render(): void {
    this.shell.context = this.actor?.getSnapshot().context;
    this.shell.notices = this.notices;
    this.shell.loadFailed = this.loadFailed;
  }
}
