// A definition's own texts in the reader's language. The department writes in Chinese; other
// languages live in Elsa's customProperties, which Elsa and its designer keep as written:
//   "customProperties": { "translations": { "en": { "name": "Plan sign-off" } } }
// A definition's inputs are named under translations.en.inputs.<inputName>.
import i18n from '../i18n';
import { activityDescriptions, inputDescriptions } from '../i18n/designerDescriptions.zh-CN';
import type { ActivityDescriptor, ActivityJson, DefinitionJson, InputDescriptor } from './model';

type WithProperties = object;

/** The translation at a path of an object's customProperties.translations.<language>, if any. */
export function translation(owner: WithProperties | undefined, language: string, ...path: string[]): string | undefined {
  if (language.startsWith('zh')) return undefined; // the definition's own language
  let node: unknown = ((owner as { customProperties?: unknown } | undefined)?.customProperties as { translations?: Record<string, unknown> } | undefined)?.translations;
  node = (node as Record<string, unknown> | undefined)?.[language] ?? (node as Record<string, unknown> | undefined)?.[language.split('-')[0]];
  for (const step of path) node = (node as Record<string, unknown> | undefined)?.[step];
  return typeof node === 'string' && node.trim() ? node : undefined;
}

/** The object with a translation set (or removed when empty), its other custom properties kept. */
export function withTranslation<T extends WithProperties>(owner: T, language: string, key: string, text: string): T {
  const properties = { ...((owner as { customProperties?: unknown }).customProperties as Record<string, unknown> | undefined) };
  const translations = { ...(properties.translations as Record<string, Record<string, unknown>> | undefined) };
  const own = { ...translations[language] };
  if (text.trim()) own[key] = text;
  else delete own[key];
  if (Object.keys(own).length > 0) translations[language] = own;
  else delete translations[language];
  if (Object.keys(translations).length > 0) properties.translations = translations;
  else delete properties.translations;
  return { ...owner, customProperties: properties };
}

/** An activity's name in the reader's language, else its own, else its id. */
export const activityTitle = (activity: ActivityJson, language = i18n.language) =>
  translation(activity, language, 'name') ?? activity.name ?? activity.id;

/** A definition's name or description in the reader's language. */
export const definitionText = (definition: DefinitionJson | undefined, key: 'name' | 'description', language = i18n.language) =>
  translation(definition, language, key) ?? (definition?.[key] as string | undefined);

/** An activity type's name in the reader's language (the Host names types in English, as Elsa). */
export const typeLabel = (descriptor: ActivityDescriptor | undefined, typeName: string) =>
  i18n.t(`designer.activityTypes.${descriptor?.typeName ?? typeName}`, { defaultValue: descriptor?.displayName ?? typeName });

/** An outcome port's name in the reader's language (a fork's own branch names stay as written). */
export const outcomeLabel = (outcome: string) => i18n.t(`designer.outcomes.${outcome}`, { defaultValue: outcome });

/** What an activity type does, in the reader's language (the Host describes its types in English, as Elsa). */
export const typeDescription = (descriptor: ActivityDescriptor, language = i18n.language): string | undefined =>
  language.startsWith('zh') ? activityDescriptions[descriptor.typeName] : descriptor.description ?? undefined;

/** An input's tooltip in the reader's language; none rather than another language's. */
export const inputDescription = (descriptor: ActivityDescriptor, input: InputDescriptor, language = i18n.language): string | undefined =>
  language.startsWith('zh') ? inputDescriptions[`${descriptor.typeName}/${input.name}`] : input.description ?? undefined;
