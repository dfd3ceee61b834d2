/**
 * The details a launch reads saved progress with arrive before the engine; what playing needs
 * besides (answers, scores, effects, indicators) arrives with it, at the same places. This writes
 * the second into the first in place: the views, codecs and navigation already hold those objects.
 */
const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

export function mergeInPlace(target: unknown, extra: unknown): void {
  if (Array.isArray(target) && Array.isArray(extra)) {
    extra.forEach((item, i) => {
      if ((isRecord(target[i]) && isRecord(item)) || (Array.isArray(target[i]) && Array.isArray(item))) mergeInPlace(target[i], item);
      else if (item !== undefined) target[i] = item;
    });
    return;
  }
  if (!isRecord(target) || !isRecord(extra)) throw new Error('the play details do not fit the progress details');
  for (const [key, value] of Object.entries(extra)) {
    const here = target[key];
    if ((isRecord(here) && isRecord(value)) || (Array.isArray(here) && Array.isArray(value))) mergeInPlace(here, value);
    else target[key] = value;
  }
}
