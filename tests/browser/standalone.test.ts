/** The plain web build runs with no LMS, keeps progress in browser storage and opens one module by URL. */
import { expect } from '@open-wc/testing';
import { courseIndex, launch, pageTitle, waitFor } from './helpers';

const index = await courseIndex();

describe('plain web build (no LMS)', () => {
  beforeEach(() => {
    Object.keys(localStorage).filter((k) => k.startsWith('micic:')).forEach((k) => localStorage.removeItem(k));
  });

  it('remembers the page in browser storage across reloads', async () => {
    const first = await launch('/dist/web/index.html');
    expect(pageTitle(first)).to.equal(index.modules[0]!.pages[0]!.title.en);
    first.root.querySelector<HTMLButtonElement>('.next')!.click();
    await waitFor(() => pageTitle(first) === index.modules[0]!.pages[1]!.title.en, 'page 2');
    first.close();
    const second = await launch('/dist/web/index.html');
    try {
      expect(pageTitle(second)).to.equal(index.modules[0]!.pages[1]!.title.en);
      // The plain web build is meant to run without an LMS: no warning about it.
      expect(second.root.querySelector('micic-notice-list')!.shadowRoot!.querySelectorAll('li')).to.have.length(0);
    } finally {
      second.close();
    }
  });

  it('opens a single module with ?module=', async () => {
    const last = index.modules[index.modules.length - 1]!;
    const launched = await launch(`/dist/web/index.html?module=${last.id}`);
    try {
      expect(pageTitle(launched)).to.equal(last.pages[0]!.title.en);
      const toc = launched.root.querySelector('micic-table-of-contents')!.shadowRoot!;
      expect(toc.querySelectorAll('ol')).to.have.length(1);
    } finally {
      launched.close();
    }
  });

  it('warns when a SCORM package finds no LMS, and keeps progress in the browser', async () => {
    const launched = await launch(`/dist/packages/micic-course-${index.version}-scorm12/module-${index.modules[0]!.id}.html`);
    try {
      const notices = launched.root.querySelector('micic-notice-list')!.shadowRoot!;
      expect(notices.textContent).to.contain('No learning platform was found');
    } finally {
      launched.close();
    }
  });
});
