declare module 'virtual:micic-course' {
  import type { CourseOutline, ReferenceContent } from './schema';
  /** What one launch scope (a module id, or 'course' for every module) loads before it starts. */
  export interface LaunchScope {
    /** The scope's name: a module id, or 'course'. */
    scope: string;
    /**
     * The outline of the scope's modules only, without its texts: each text is `{$t: n}` until
     * a language's chunk (`<scope>.<language>.outline`, a list of strings) fills it in
     * (content/outline-texts.ts).
     */
    course: CourseOutline;
    /**
     * Loads one of the scope's chunks by name: `<scope>.<language>.outline`, `<module>.details`
     * (quiz keys, scenario graphs, checks, tasks) and `<module>.prompts` (workshop prompts), and
     * `<module>.<language>.<part>` (a page, the quiz, a scenario or the written tasks' texts).
     */
    load(chunk: string): Promise<unknown>;
  }
  /** Each launch scope's loader, by module id and 'course'. */
  export const launchScopes: Record<string, () => Promise<LaunchScope>>;
  /** The glossary and references, by language, loaded when first opened. */
  export const referenceLoaders: Record<string, () => Promise<ReferenceContent>>;
}
