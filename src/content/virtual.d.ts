declare module 'virtual:micic-course' {
  import type { CourseIndex, ModuleContent } from './schema.ts';
  export const course: CourseIndex;
  /** Keyed by `${moduleId}.${language}`; each loads one lazily built chunk. */
  export const contentLoaders: Record<string, () => Promise<ModuleContent>>;
  /** The glossary and references, by language, loaded when first opened. */
  export const referenceLoaders: Record<string, () => Promise<ReferenceContent>>;
}
