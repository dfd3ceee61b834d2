/**
 * What happens around a page change: the document title names the page, and a page reached by
 * Next, Previous or the contents opens at its top with focus on its title, so sighted learners
 * start reading at the beginning and screen readers announce the new page.
 */
import type { CourseOutline } from '../content/schema';
import type { CourseContext, CourseEvent } from '../machines/course-navigation';
import type { CourseShell } from '../components/course-shell';
import { translate } from '../i18n';
import type { NavigableModule } from './module-pages';

const NAVIGATION: ReadonlySet<CourseEvent['type']> = new Set(['nav.next', 'nav.previous', 'nav.goto', 'nav.home', 'nav.landing', 'nav.continue']);

export class PagePresenter {
  private moved = false;

  constructor(
    private readonly shell: CourseShell,
    private readonly course: CourseOutline,
    private readonly modules: readonly NavigableModule[],
  ) {}

  /** Called with every event the learner sends; only navigation moves focus. */
  noteEvent(event: CourseEvent): void {
    if (NAVIGATION.has(event.type)) this.moved = true;
  }

  /** "Page – Module 1: Title – Course", in the course's language. */
  documentTitle(context: CourseContext): string {
    const module = this.modules[context.position.module]!;
    const language = context.language;
    const moduleName = `${translate(language, 'nav.module', { number: module.number })}: ${module.title[language]}`;
    if (context.view === 'home') return [translate(language, 'home.title'), this.course.title[language]].join(' – ');
    if (context.view === 'landing') return [moduleName, this.course.title[language]].join(' – ');
    const page = module.pages[context.position.page]!.title[language];
    return [page, moduleName, this.course.title[language]].join(' – ');
  }

  /** After the new page's content is in place. */
  pageShown(): void {
    if (!this.moved) return;
    this.moved = false;
    void this.shell.showPageFromTop();
  }
}
