/**
 * How a page is cut into the parts it is drawn in (src/components/page-parts.ts): never inside an
 * element, in order, nothing lost; figures and interactive blocks weigh more than their text.
 */
import { expect } from '@open-wc/testing';
import { prepareParts, splitHtml, splitPage, takeParts } from '../../src/components/page-parts';
import type { CompiledPage } from '../../src/content/schema';

const paragraph = (n: number) => `<p>${'word '.repeat(n)}</p>`;
const serialise = (nodes: Node[]) => nodes.map((node) => (node instanceof Element ? node.outerHTML : node.textContent)).join('');

describe('a page cut into parts', () => {
  it('keeps every node in order and never splits an element', () => {
    const html = `${paragraph(100)}\n<h2>Two</h2>\n${paragraph(200)}\n<ul><li>${'item '.repeat(300)}</li></ul>\n${paragraph(50)}`;
    const groups = splitHtml(html);
    expect(groups.length).to.be.greaterThan(1);
    expect(groups.map(serialise).join('')).to.equal(html);
    // A list far over the part's size stays whole.
    expect(groups.filter((group) => group.some((node) => node.nodeName === 'UL'))).to.have.length(1);
  });

  it('gives a short text one part', () => {
    expect(splitHtml(`${paragraph(20)}\n${paragraph(20)}`)).to.have.length(1);
  });

  it('counts a figure or an interactive block as more than its text', () => {
    const figure = '<figure class="figure"><img src="a.svg" alt="A figure" width="560" height="300"></figure>';
    const accordion = '<micic-accordion><h3>One</h3><p>Short.</p></micic-accordion>';
    // Same text, but the second page carries a figure and an accordion: it is cut into more parts.
    const plain = [paragraph(150), paragraph(20), paragraph(20), paragraph(150)].join('\n');
    const heavy = [paragraph(150), figure, accordion, paragraph(150)].join('\n');
    expect(splitHtml(heavy).length).to.be.greaterThan(splitHtml(plain).length);
  });

  it('keeps knowledge checks, written tasks and prompts as parts of their own, in place', () => {
    const page: CompiledPage = { id: 'p', title: 'P', blocks: [{ html: paragraph(10) }, { check: 'c1' }, { html: paragraph(10) }, { task: 't1' }, { prompts: true }] };
    const parts = splitPage(page);
    expect(parts.map((part) => ('nodes' in part ? 'html' : Object.keys(part.block)[0]))).to.deep.equal(['html', 'check', 'html', 'task', 'prompts']);
  });

  it('hands parts split ahead out once; a page shown again is split afresh', () => {
    const page: CompiledPage = { id: 'p', title: 'P', blocks: [{ html: paragraph(10) }] };
    prepareParts(page);
    const first = takeParts(page);
    const second = takeParts(page);
    expect(first).to.have.length(1);
    expect(second).to.have.length(1);
    expect((second[0] as { nodes: Node[] }).nodes[0]).not.to.equal((first[0] as { nodes: Node[] }).nodes[0]);
  });
});
