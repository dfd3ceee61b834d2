/** Boot: read what this launch is, connect to the LMS (or browser storage), mount the shell. */
import { contentLoaders, course, referenceLoaders } from 'virtual:micic-course';
import './components/course-shell';
import type { CourseShell } from './components/course-shell';
import { CourseApp, type ContentLoader } from './app';
import { readLaunchConfig } from './launch';

const shell = document.querySelector<CourseShell>('micic-course-shell');
if (!shell) throw new Error('index.html must contain <micic-course-shell>');

new CourseApp(
  course,
  readLaunchConfig(course),
  shell,
  ((moduleId: string, language: 'en' | 'es', part: string) => {
    const load = contentLoaders[`${moduleId}.${language}.${part}`];
    if (!load) return Promise.reject(new Error(`no content ${part} for ${moduleId} in ${language}`));
    return load();
  }) as ContentLoader,
  (language) => referenceLoaders[language]?.() ?? Promise.reject(new Error(`no glossary in ${language}`)),
);
