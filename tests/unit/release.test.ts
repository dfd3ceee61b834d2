/**
 * The release workflow: valid for GitHub Actions (checked by action-validator, also run as
 * `npm run lint:workflows`), and it attaches every zip the build makes, both facilitator
 * guides and the traceability table. Runs after the build (npm test builds first).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as actionValidator from '@action-validator/core';

const workflowFile = join(process.cwd(), '.github/workflows/release.yml');
const text = readFileSync(workflowFile, 'utf8');
const dist = join(process.cwd(), 'dist');

/** The files the release step names, each glob expanded in its folder. */
function attached(): string[] {
  const workflow = parse(text) as { jobs: Record<string, { steps: Array<{ run?: string }> }> };
  const run = Object.values(workflow.jobs).flatMap((job) => job.steps).find((step) => step.run?.includes('gh release create'))!.run!;
  const paths = run.split(/\s+/).filter((word) => word.startsWith('dist/'));
  return paths.flatMap((path) => {
    if (!path.includes('*')) return [path];
    const folder = path.slice(0, path.lastIndexOf('/'));
    const pattern = new RegExp(`^${path.slice(folder.length + 1).replace(/\./g, '\\.').replace(/\*/g, '.*')}$`);
    return readdirSync(join(process.cwd(), folder)).filter((name) => pattern.test(name)).map((name) => `${folder}/${name}`);
  });
}

describe('release workflow', () => {
  it('is a valid GitHub Actions workflow (and the validator does reject a broken one)', () => {
    expect(actionValidator.validateWorkflow(text).errors).toEqual([]);
    expect(actionValidator.validateWorkflow(text.replace('runs-on:', 'runs-onn:')).errors.length).toBeGreaterThan(0);
  });

  it('runs on version tags and may write releases', () => {
    const workflow = parse(text) as { on: { push: { tags: string[] } }; permissions: Record<string, string> };
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(workflow.permissions.contents).toBe('write');
  });

  it('attaches every zip, both facilitator guides and the traceability table', () => {
    const files = attached();
    const zips = [...readdirSync(dist).filter((f) => f.endsWith('.zip')).map((f) => `dist/${f}`), ...readdirSync(join(dist, 'static')).map((f) => `dist/static/${f}`)];
    expect(zips.length).toBeGreaterThanOrEqual(11);
    for (const zip of zips) expect(files).toContain(zip);
    for (const file of ['dist/facilitator-guide.en.html', 'dist/facilitator-guide.es.html', 'dist/traceability.md']) {
      expect(files).toContain(file);
      expect(existsSync(join(process.cwd(), file)), file).toBe(true);
    }
  });
});
