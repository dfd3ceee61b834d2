/**
 * Reads the first suspend_data format (F1), written before progress was keyed by structure:
 *   F1|<content hash>|<savedAt>|<language>|<module>.<page>|<seen bitmaps>|<quizzes>|<scenarios>
 * Everything in it is by position, so it can only be read against the very content it was saved
 * for (the same content hash); otherwise migration.ts sets it aside. Never written any more.
 */
import type { QuizKey } from '../content/schema';
import { attemptSeed, drawQuestions } from '../machines/quiz-scoring';
import { questionById } from '../machines/quiz-state';
import type { CodecModule, DecodeResult, SavedProgress } from './codec';
import { parseQuiz, quizFromParsed, type ParsedQuiz } from './quiz-codec';
import { decodeScenarios } from './scenario-codec';
import { objectiveKey, questionKey } from './structure-keys';

export const LEGACY_TAG = 'F1';
const DIGITS = '0123456789abcdefghijklmnopqrstuv';

function decodeBits(text: string, length: number): boolean[] | undefined {
  if (text.length !== Math.ceil(length / 5)) return undefined;
  const bits: boolean[] = [];
  for (let i = 0; i < text.length; i++) {
    const value = DIGITS.indexOf(text[i]!);
    if (value < 0) return undefined;
    for (let b = 0; b < 5 && bits.length < length; b++) bits.push((value & (1 << b)) !== 0);
  }
  return bits;
}

/** An F1 quiz: answers by drawn position without keys, objective scores by module.yaml order. */
function parseLegacyQuiz(text: string, quiz: QuizKey, objectiveIds: readonly string[]): ParsedQuiz | undefined | null {
  const fields = text.split(',');
  if (fields.length !== 7) return parseQuiz(text);
  const tokens = fields[3]!.split(':');
  const objectives = fields[6]!.split('/');
  const seed = parseInt(fields[1]!, 36);
  const attempt = parseInt(fields[0]!.slice(1), 36);
  if (objectives.length !== objectiveIds.length || !(attempt > 0)) return null;
  const drawn = drawQuestions(quiz.questions, quiz.draw, attemptSeed(seed, attempt));
  if (tokens.length !== drawn.length) return null;
  const keyed = tokens.map((t, i) => (t === '' ? '' : questionKey(questionById(quiz, drawn[i]!)) + t)).join(':');
  const keyedObjectives = objectives.flatMap((t, i) => (t === '_' ? [] : [objectiveKey(objectiveIds[i]!) + t])).join('/');
  return parseQuiz([fields[0], fields[1], fields[2], keyed, fields[4], fields[5], keyedObjectives].join(','));
}

export function decodeLegacyProgress(text: string, contentHash: string, modules: readonly CodecModule[]): DecodeResult {
  const parts = text.split('|');
  if (parts.length !== 8) return { status: 'corrupt', reason: 'wrong number of fields' };
  const [, hash, savedText, language, positionText, visitedText, quizText, scenarioText] = parts as [string, string, string, string, string, string, string, string];
  if (hash !== contentHash) return { status: 'incompatible', reason: `saved by position for content ${hash}, this is ${contentHash}` };
  if (!/^[0-9a-z]{1,9}$/.test(savedText)) return { status: 'corrupt', reason: 'bad save time' };
  if (language !== 'en' && language !== 'es') return { status: 'corrupt', reason: 'unknown language' };
  const positionMatch = /^(\d+)\.(\d+)$/.exec(positionText);
  if (!positionMatch) return { status: 'corrupt', reason: 'bad position' };
  const position = { module: Number(positionMatch[1]), page: Number(positionMatch[2]) };
  if (!modules[position.module] || position.page >= modules[position.module]!.pageIds.length) return { status: 'corrupt', reason: 'position outside the course' };
  const bitmaps = visitedText.split('.');
  const quizTexts = quizText.split('~');
  const scenarioTexts = scenarioText.split('~');
  if ([bitmaps, quizTexts, scenarioTexts].some((list) => list.length !== modules.length)) return { status: 'corrupt', reason: 'wrong number of modules' };
  const progress: SavedProgress = { savedAt: parseInt(savedText, 36) * 1000, language, position, visited: [], quizzes: [], scenarios: [] };
  for (let m = 0; m < modules.length; m++) {
    const module = modules[m]!;
    const bits = decodeBits(bitmaps[m]!, module.pageIds.length);
    let quiz: ReturnType<typeof quizFromParsed> | undefined = quizTexts[m] === '' ? undefined : null;
    if (module.quiz) {
      const parsed = parseLegacyQuiz(quizTexts[m]!, module.quiz, module.objectiveIds);
      quiz = parsed ? quizFromParsed(parsed, module.quiz, module.objectiveIds) : parsed;
    }
    const scenarios = decodeScenarios(scenarioTexts[m]!, module.scenarios);
    if (!bits || quiz === null || !scenarios) return { status: 'corrupt', reason: `bad progress for module ${m}` };
    progress.visited.push(bits);
    progress.quizzes.push(quiz);
    progress.scenarios.push(scenarios);
  }
  return { status: 'restored', progress, dropped: [] };
}
