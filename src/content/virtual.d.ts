declare module 'virtual:micic-course' {
  import type { CourseOutline, ModuleDetails, ReferenceContent } from './schema.ts';
  /** What one launch scope (a module id, or 'course' for every module) loads before it starts. */
  export interface LaunchScope {
    /** The outline of the scope's modules only. */
    course: CourseOutline;
    /** Each module's quiz keys, scenario graphs, checks and prompts, by module id. */
    moduleDetailLoaders: Record<string, () => Promise<ModuleDetails>>;
    /**
     * `${moduleId}.${language}.page-${pageId}` loads one page (a CompiledPage);
     * `${moduleId}.${language}.practice` loads the questions' and scenarios' texts.
     */
    contentLoaders: Record<string, () => Promise<unknown>>;
  }
  /** Each launch scope's loader, by module id and 'course'. */
  export const launchScopes: Record<string, () => Promise<LaunchScope>>;
  /** The glossary and references, by language, loaded when first opened. */
  export const referenceLoaders: Record<string, () => Promise<ReferenceContent>>;
}
