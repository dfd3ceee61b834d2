/**
 * Build-time checks and compilation of quiz.yaml and checks.yaml: the answer keys must make
 * sense (an answer that names a missing option, a matching item with no partner, an unknown
 * objective fail the build), then each question splits into a key (structure and answers, for
 * the quiz machine) and its texts per language.
 */
import type { ContentProblem } from './errors.ts';
import type { Language, Question, QuestionKey, QuestionText } from './schema.ts';
import type { YamlSource } from './yaml-source.ts';

/** The hint the course shows under every multiple-response question, in the words authors tend to repeat. */
const REPEATED_HINT = /\b(choose|select|tick|mark) (all|every\w*) (that|which|those that) appl(y|ies)\b|\b(elija|seleccione|marque) (tod[oa]s l[oa]s que|todo lo que) correspond[ae]n?\b/i;

export function checkQuestions(
  questions: Question[],
  path: ReadonlyArray<string | number>,
  source: YamlSource,
  objectiveIds: ReadonlySet<string>,
  seenIds: Map<string, string>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  questions.forEach((question, i) => {
    const at = (...rest: Array<string | number>) => source.lineOf([...path, i, ...rest]);
    const problem = (line: number | undefined, message: string) =>
      problems.push({ file: source.file, line, message: `question "${question.id}": ${message}` });

    const firstUse = seenIds.get(question.id);
    if (firstUse) problem(at('id'), `the id is already used in ${firstUse}`);
    else seenIds.set(question.id, source.file);
    if (!objectiveIds.has(question.objective)) {
      problem(at('objective'), `objective "${question.objective}" is not one of this module's objectives (${[...objectiveIds].join(', ')})`);
    }
    const duplicates = (ids: string[], what: string, field: string) => {
      const seen = new Set<string>();
      ids.forEach((id, j) => {
        if (seen.has(id)) problem(at(field, j, 'id'), `duplicate ${what} id "${id}"`);
        seen.add(id);
      });
    };

    if (question.type === 'multiple-response') {
      for (const [language, prompt] of Object.entries(question.prompt)) {
        if (REPEATED_HINT.test(prompt)) {
          problem(at('prompt', language), `the ${language} prompt says "choose all that apply" itself: remove it, the course shows that hint under every multiple-response question`);
        }
      }
    }

    switch (question.type) {
      case 'single-choice': {
        const ids = question.options.map((o) => o.id);
        duplicates(ids, 'option', 'options');
        if (!ids.includes(question.answer)) problem(at('answer'), `the answer "${question.answer}" is not one of its options (${ids.join(', ')})`);
        break;
      }
      case 'multiple-response': {
        const ids = question.options.map((o) => o.id);
        duplicates(ids, 'option', 'options');
        question.answers.forEach((answer, j) => {
          if (!ids.includes(answer)) problem(at('answers', j), `the answer "${answer}" is not one of its options (${ids.join(', ')})`);
        });
        if (new Set(question.answers).size !== question.answers.length) problem(at('answers'), 'an answer is listed twice');
        break;
      }
      case 'ordering':
        duplicates(question.items.map((item) => item.id), 'item', 'items');
        break;
      case 'matching': {
        const sources = question.sources.map((s) => s.id);
        const targets = question.targets.map((t) => t.id);
        duplicates(sources, 'source', 'sources');
        duplicates(targets, 'target', 'targets');
        question.targets.forEach((t, j) => {
          if (sources.includes(t.id)) problem(at('targets', j, 'id'), `"${t.id}" is both a source and a target; give them different ids`);
        });
        question.sources.forEach((s, j) => {
          if (!(s.id in question.answer)) problem(at('sources', j, 'id'), `"${s.id}" has no partner in "answer"`);
        });
        for (const [sourceId, targetId] of Object.entries(question.answer)) {
          if (!sources.includes(sourceId)) problem(at('answer', sourceId), `the answer pairs "${sourceId}", which is not one of its sources`);
          if (!targets.includes(targetId)) problem(at('answer', sourceId), `the answer pairs "${sourceId}" with "${targetId}", which is not one of its targets`);
        }
        break;
      }
      case 'true-false':
        break;
    }
  });
  return problems;
}

export function questionKey(question: Question): QuestionKey {
  const base = { id: question.id, objective: question.objective, guidelines: question.guidelines };
  switch (question.type) {
    case 'single-choice':
      return { ...base, type: question.type, options: question.options.map((o) => o.id), answer: question.answer };
    case 'multiple-response':
      return { ...base, type: question.type, options: question.options.map((o) => o.id), answers: question.answers, partialCredit: question.partialCredit };
    case 'true-false':
      return { ...base, type: question.type, answer: question.answer };
    case 'ordering':
      return { ...base, type: question.type, items: question.items.map((item) => item.id), partialCredit: question.partialCredit };
    case 'matching':
      return {
        ...base,
        type: question.type,
        sources: question.sources.map((s) => s.id),
        targets: question.targets.map((t) => t.id),
        answer: question.answer,
        partialCredit: question.partialCredit,
      };
  }
}

export function questionText(question: Question, language: Language): QuestionText {
  const labels: Record<string, string> = {};
  const feedback: Record<string, string> = {};
  switch (question.type) {
    case 'single-choice':
    case 'multiple-response':
      for (const option of question.options) {
        labels[option.id] = option.text[language];
        if (option.feedback) feedback[option.id] = option.feedback[language];
      }
      break;
    case 'true-false':
      if (question.feedback?.true) feedback.true = question.feedback.true[language];
      if (question.feedback?.false) feedback.false = question.feedback.false[language];
      break;
    case 'ordering':
      for (const item of question.items) labels[item.id] = item.text[language];
      break;
    case 'matching':
      for (const item of [...question.sources, ...question.targets]) labels[item.id] = item.text[language];
      break;
  }
  return { prompt: question.prompt[language], explanation: question.explanation[language], labels, feedback };
}
