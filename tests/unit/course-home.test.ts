import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { courseMachine, resumePage, type CourseInput } from '../../src/machines/course-machine.ts';

const modules = [
  { id: 'one', pageIds: ['a', 'b', 'c'] },
  { id: 'two', pageIds: ['d', 'e'] },
];

function start(input: Partial<CourseInput> = {}) {
  return createActor(courseMachine, { input: { modules, language: 'en', ...input } }).start();
}

describe('course home and module landing', () => {
  it('opens a full-course launch on the home, with no page counted as seen', () => {
    const { context } = start({ start: 'home' }).getSnapshot();
    expect(context.view).toBe('home');
    expect(context.visited.flat().some(Boolean)).toBe(false);
  });

  it('opens a single-module launch on its landing instead of a home', () => {
    const actor = createActor(courseMachine, { input: { modules: [modules[1]!], language: 'en', start: 'home' } }).start();
    expect(actor.getSnapshot().context.view).toBe('landing');
    actor.send({ type: 'nav.continue', module: 0 });
    expect(actor.getSnapshot().context).toMatchObject({ view: 'page', position: { module: 0, page: 0 } });
    actor.send({ type: 'nav.home' });
    expect(actor.getSnapshot().context.view).toBe('landing');
  });

  it('continues a module where the learner is, else at its first unseen page', () => {
    const actor = start({ start: 'home', restored: { position: { module: 0, page: 2 }, visited: [[true, true, true], [true, false]] } });
    actor.send({ type: 'nav.continue', module: 1 });
    expect(actor.getSnapshot().context).toMatchObject({ view: 'page', position: { module: 1, page: 1 } });
    actor.send({ type: 'nav.home' });
    actor.send({ type: 'nav.continue', module: 1 });
    expect(actor.getSnapshot().context.position).toEqual({ module: 1, page: 1 });
  });

  it('shows a landing that points at the page Continue opens, without marking it seen', () => {
    const actor = start({ start: 'home' });
    actor.send({ type: 'nav.landing', module: 1 });
    const { context } = actor.getSnapshot();
    expect(context).toMatchObject({ view: 'landing', position: { module: 1, page: 0 } });
    expect(context.visited[1]).toEqual([false, false]);
    actor.send({ type: 'nav.continue', module: 1 });
    expect(actor.getSnapshot().context.visited[1]).toEqual([true, false]);
  });

  it('ignores a landing or continue for a module outside the launch', () => {
    const actor = start({ start: 'home' });
    actor.send({ type: 'nav.landing', module: 5 });
    actor.send({ type: 'nav.continue', module: -1 });
    expect(actor.getSnapshot().context.view).toBe('home');
  });

  it('leaves the home for a page chosen from the contents', () => {
    const actor = start({ start: 'home' });
    actor.send({ type: 'nav.goto', position: { module: 1, page: 1 } });
    expect(actor.getSnapshot().context).toMatchObject({ view: 'page', position: { module: 1, page: 1 } });
  });

  it('starts every module at its first page when nothing was seen', () => {
    expect(resumePage({ position: { module: 0, page: 0 }, visited: [[false, false, false], [false, false]] }, 1)).toBe(0);
    expect(resumePage({ position: { module: 0, page: 1 }, visited: [[true, true, false], [true, true]] }, 1)).toBe(0);
  });
});
