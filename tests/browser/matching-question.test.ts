/** A matching question on a phone: every option written out in full, answerable by keyboard. */
import '../catalogs';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/question-view';
import type { QuestionKey, QuestionText } from '../../src/content/schema';
import type { Response } from '../../src/machines/quiz-scoring';

const question: QuestionKey = {
  id: 'pair-up',
  type: 'matching',
  objective: 'o',
  guidelines: [12],
  sources: ['worker', 'child'],
  targets: ['labour', 'child-protection', 'consulate'],
  answer: { worker: 'labour', child: 'child-protection' },
  partialCredit: true,
};
const text: QuestionText = {
  prompt: 'Match each person with the service to refer them to.',
  explanation: '',
  labels: {
    worker: 'A worker whose employer kept his passport and who has not been paid for three months',
    child: 'A twelve-year-old found alone at an evacuation point',
    labour: 'The labour inspectorate and a specialised anti-trafficking service, which can act on withheld documents and unpaid wages',
    'child-protection': 'The child protection authority, which finds a safe carer and traces the family',
    consulate: 'The consulate of the country of origin, for a replacement travel document',
  },
  feedback: {},
};

describe('matching question', () => {
  it('writes every option in full at 360 px and is answered with Tab, Space and the arrow keys', async () => {
    const responses: Response[] = [];
    const element = await fixture(html`<div style="width: 360px">
      <micic-question
        .question=${question}
        .text=${text}
        .order=${['labour', 'child-protection', 'consulate']}
        .language=${'en'}
        @answer-change=${(e: CustomEvent<Response>) => {
          // As the quiz does: the machine's draft comes back as the response shown.
          responses.push(e.detail);
          (e.target as HTMLElement & { response?: Response }).response = e.detail;
        }}
      ></micic-question>
    </div>`);
    const root = element.querySelector('micic-question')!.shadowRoot!;
    expect(root.querySelector('select')).to.equal(null);
    expect(root.querySelectorAll('fieldset.pair')).to.have.length(2);
    expect(root.querySelectorAll('input[type=radio]')).to.have.length(6);
    for (const label of root.querySelectorAll<HTMLElement>('fieldset.pair label')) {
      expect(label.scrollWidth, label.textContent!).to.be.at.most(label.clientWidth + 1);
      expect(label.getBoundingClientRect().right).to.be.at.most(361);
    }
    root.querySelector<HTMLInputElement>('input[name$="-worker"]')!.focus();
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'ArrowDown' });
    expect(responses.at(-1)).to.deep.equal({ type: 'matching', pairs: { worker: 'labour', child: 'child-protection' } });
  });
});
