/** A problem in an authored content file, located as precisely as we can. */
export interface ContentProblem {
  /** Path relative to the project root, e.g. modules/01-preparedness/module.yaml */
  file: string;
  line?: number;
  message: string;
}

export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.message}`;
}

/** Thrown when content is invalid; lists every problem found, not just the first. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[]) {
    const lines = problems.map(formatProblem);
    super(
      `Course content is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        lines.map((l) => `  - ${l}`).join('\n'),
    );
    this.name = 'ContentError';
    this.problems = problems;
  }
}
