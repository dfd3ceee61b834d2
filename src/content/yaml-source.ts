/** Reads an authored YAML file and can say on which line any value stands. */
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { ContentProblem } from './errors.ts';

export interface YamlSource {
  file: string;
  data: unknown;
  /** Line (1-based) of the value at `path`, or of its nearest existing parent. */
  lineOf(path: ReadonlyArray<PropertyKey>): number | undefined;
}

export type YamlResult = { ok: true; source: YamlSource } | { ok: false; problems: ContentProblem[] };

export function parseYaml(file: string, text: string): YamlResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        file,
        line: lineCounter.linePos(error.pos[0]).line,
        message: `invalid YAML: ${firstSentence(error.message)}`,
      })),
    };
  }
  const lineOf = (path: ReadonlyArray<PropertyKey>): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const offset = offsetOf(doc, path.slice(0, depth));
      if (offset !== undefined) return lineCounter.linePos(offset).line;
    }
    return undefined;
  };
  return { ok: true, source: { file, data: doc.toJS(), lineOf } };
}

/**
 * Where the value at `path` is written: for a mapping entry, the line of its key (so a
 * nested block points at "text:" rather than at its first child); for a list item, the item.
 */
function offsetOf(doc: Document, path: ReadonlyArray<PropertyKey>): number | undefined {
  if (path.length === 0) return 0;
  const parent: unknown = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1) as unknown[], true);
  const last = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
    return isNode(pair?.key) ? pair.key.range?.[0] : undefined;
  }
  if (isSeq(parent) && typeof last === 'number') {
    const item: unknown = parent.items[last];
    return isNode(item) ? item.range?.[0] : undefined;
  }
  return undefined;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/\s+at line \d+, column \d+:?$/, '');
}

/** Validates parsed YAML against a schema; problems carry the line of the offending value. */
export function validateYaml<T extends z.ZodType>(
  source: YamlSource,
  schema: T,
): { ok: true; value: z.infer<T> } | { ok: false; problems: ContentProblem[] } {
  const result = schema.safeParse(source.data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      file: source.file,
      line: source.lineOf(issue.path),
      message: describeIssue(issue),
    })),
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.length > 0 ? `"${issue.path.join('.')}"` : 'the file';
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return `${field} is required but missing`;
    return `${field} must be ${issue.expected === 'string' ? 'a text' : `a ${issue.expected}`} (found ${JSON.stringify(issue.input)})`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `${field === 'the file' ? 'the file' : field} has unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  return `${field} ${issue.message}`;
}
