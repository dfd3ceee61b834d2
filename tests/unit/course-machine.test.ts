import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { courseMachine, isModuleComplete, type CourseInput } from '../../src/machines/course-machine.ts';

const modules = [
  { id: 'one', pageIds: ['a', 'b', 'c'] },
  { id: 'two', pageIds: ['d', 'e'] },
];

function start(input: Partial<CourseInput> = {}) {
  return createActor(courseMachine, { input: { modules, language: 'en', ...input } }).start();
}

describe('course machine', () => {
  it('starts on the first page, marked seen', () => {
    const { context } = start().getSnapshot();
    expect(context.position).toEqual({ module: 0, page: 0 });
    expect(context.visited).toEqual([
      [true, false, false],
      [false, false],
    ]);
  });

  it('moves forward across module borders through the next module’s landing and marks pages seen', () => {
    const actor = start();
    for (let i = 0; i < 3; i++) actor.send({ type: 'nav.next' });
    const { context } = actor.getSnapshot();
    // The landing shows the next module's objectives; its first page is not seen yet.
    expect(context).toMatchObject({ view: 'landing', position: { module: 1, page: 0 } });
    expect(context.visited[1]).toEqual([false, false]);
    expect(isModuleComplete(context, 0)).toBe(true);
    actor.send({ type: 'nav.continue', module: 1 });
    expect(actor.getSnapshot().context).toMatchObject({ view: 'page', position: { module: 1, page: 0 } });
    expect(actor.getSnapshot().context.visited[1]).toEqual([true, false]);
    // Back from there returns to the previous module's last page, and on again to the landing.
    actor.send({ type: 'nav.previous' });
    expect(actor.getSnapshot().context).toMatchObject({ view: 'page', position: { module: 0, page: 2 } });
    actor.send({ type: 'nav.next' });
    expect(actor.getSnapshot().context.view).toBe('landing');
  });

  it('does not move past either end', () => {
    const actor = start();
    actor.send({ type: 'nav.previous' });
    expect(actor.getSnapshot().context.position).toEqual({ module: 0, page: 0 });
    for (let i = 0; i < 10; i++) actor.send({ type: 'nav.next' });
    // Next stops at the second module's landing: Continue goes on from there.
    expect(actor.getSnapshot().context).toMatchObject({ view: 'landing', position: { module: 1, page: 0 } });
    actor.send({ type: 'nav.continue', module: 1 });
    for (let i = 0; i < 10; i++) actor.send({ type: 'nav.next' });
    expect(actor.getSnapshot().context.position).toEqual({ module: 1, page: 1 });
    expect(actor.getSnapshot().context.visited.flat().every(Boolean)).toBe(true);
  });

  it('jumps to a chosen page and ignores targets outside the course', () => {
    const actor = start();
    actor.send({ type: 'nav.goto', position: { module: 1, page: 1 } });
    expect(actor.getSnapshot().context.position).toEqual({ module: 1, page: 1 });
    actor.send({ type: 'nav.goto', position: { module: 1, page: 2 } });
    actor.send({ type: 'nav.goto', position: { module: 5, page: 0 } });
    expect(actor.getSnapshot().context.position).toEqual({ module: 1, page: 1 });
    expect(actor.getSnapshot().context.visited).toEqual([
      [true, false, false],
      [false, true],
    ]);
  });

  it('switches language without moving', () => {
    const actor = start();
    actor.send({ type: 'nav.next' });
    actor.send({ type: 'language.set', language: 'es' });
    expect(actor.getSnapshot().context).toMatchObject({ language: 'es', position: { module: 0, page: 1 } });
  });

  it('restores a saved position and the pages seen', () => {
    const restored = { position: { module: 1, page: 0 }, visited: [[true, true, false], [false, false]] };
    const { context } = start({ restored }).getSnapshot();
    expect(context.position).toEqual({ module: 1, page: 0 });
    expect(context.visited).toEqual([
      [true, true, false],
      [true, false],
    ]);
  });

  it('ignores a restored state that does not fit the course', () => {
    const restored = { position: { module: 0, page: 1 }, visited: [[true, true], [false, false]] };
    expect(start({ restored }).getSnapshot().context.position).toEqual({ module: 0, page: 0 });
  });
});
