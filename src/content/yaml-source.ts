/** Reads an authored YAML file and can say on which line any value stands. */
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { ContentProblem } from './errors';

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
        line: error.linePos?.[0]?.line,
        message: `invalid YAML: ${firstSentence(error.message)}`,
      })),
    };
  }
  const lineOf = (path: ReadonlyArray<PropertyKey>): number | undefined => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = nodeAt(doc, path.slice(0, depth));
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  return { ok: true, source: { file, data: doc.toJS(), lineOf } };
}

function nodeAt(doc: Document, path: ReadonlyArray<PropertyKey>): { range?: [number, number, number] | null } | undefined {
  if (path.length === 0) return doc.contents ?? undefined;
  const found: unknown = doc.getIn(path as unknown[], true);
  return isNode(found) ? found : undefined;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/\s+at line \d+, column \d+:?$/, '');
}

/** Validates parsed YAML against a schema; problems carry the line of the offending value. */
export function validateYaml<T extends z.ZodType>(
  source: YamlSource,
  schema: T,
): { ok: true; value: z.infer<T> } | { ok: false; problems: ContentProblem[] } {
  const result = schema.safeParse(source.data);
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
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return `${field} is required but missing`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `${field === 'the file' ? 'the file' : field} has unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  return `${field} ${issue.message}`;
}
