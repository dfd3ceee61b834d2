declare module 'virtual:micic-course' {
  import type { CourseIndex, ModuleContent } from './schema.ts';
  export const course: CourseOutline;
  /** Each module's quiz keys, scenario graphs, checks and prompts, by module id. */
  export const moduleDetailLoaders: Record<string, () => Promise<ModuleDetails>>;
  /**
   * `${moduleId}.${language}.page-${pageId}` loads one page (a CompiledPage);
   * `${moduleId}.${language}.practice` loads the questions' and scenarios' texts.
   */
  export const contentLoaders: Record<string, () => Promise<unknown>>;
  /** The glossary and references, by language, loaded when first opened. */
  export const referenceLoaders: Record<string, () => Promise<ReferenceContent>>;
}
