/**
 * Wires the parts together: the course machine's snapshots go to the shell and, through
 * the progress codec, to the LMS session; the shell's events go to the machine.
 */
import { createActor, type Actor } from 'xstate';
import type { CompiledPage, CourseIndex, Language, ModuleContent } from './content/schema';
import { courseMachine, isModuleComplete, type CourseContext, type CourseEvent, type Position } from './machines/course-machine';
import { decodeProgress, encodeProgress } from './progress/codec';
import { LmsSession, type SessionProblem } from './lms/session';
import type { LaunchConfig } from './launch';
import type { CourseShell } from './components/course-shell';
import { isLanguage, type UiStringKey } from './i18n';

export type ContentLoader = (moduleId: string, language: Language) => Promise<ModuleContent>;

const PROBLEM_NOTICES: Record<SessionProblem, UiStringKey> = {
  'no-lms': 'notice.noLms',
  'no-storage': 'notice.storageUnavailable',
  'initialize-failed': 'notice.lmsUnavailable',
  'save-failed': 'notice.lmsUnavailable',
};

export class CourseApp {
  private readonly session: LmsSession;
  private readonly actor: Actor<typeof courseMachine>;
  private notices: UiStringKey[] = [];
  private content = new Map<string, ModuleContent>();
  private loadFailed = false;
  private lastEvent: CourseEvent['type'] | undefined;

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
      onProblem: (problem) => this.addNotice(PROBLEM_NOTICES[problem]),
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
      if (win.document.visibilityState === 'hidden') this.save();
    });
    win.addEventListener('pagehide', () => this.session.finish(this.record()));
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

  private record() {
    const context = this.actor.getSnapshot().context;
    const module = this.launch.modules[context.position.module]!;
    const complete = context.modules.every((_, m) => isModuleComplete(context, m));
    return {
      location: `${module.id}/${module.pages[context.position.page]!.id}`,
      suspendData: encodeProgress(context, this.course.contentHash),
      completion: complete ? ('completed' as const) : ('incomplete' as const),
    };
  }

  private save(): void {
    this.session.save(this.record());
  }

  private onChange(context: CourseContext): void {
    const doc = this.shell.ownerDocument;
    doc.documentElement.lang = context.language;
    doc.title = this.course.title[context.language];
    this.save();
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
