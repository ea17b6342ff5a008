/**
 * A rubric's texts in the reader's language: the notices' Chinese, or the English the shipped
 * rubrics carry beside it (nameEn, noteEn, areaEn, titleEn). A text without English stays as written.
 */
type Texts = { name?: string; nameEn?: string | null; note?: string | null; noteEn?: string | null; area?: string; areaEn?: string | null; title?: string; titleEn?: string | null };

const pick = (own: string | null | undefined, english: string | null | undefined, language: string) =>
  (language === 'en' && english ? english : own) ?? '';

export const rubricName = (rubric: Texts, language: string) => pick(rubric.name, rubric.nameEn, language);
export const rubricNote = (rubric: Texts, language: string) => pick(rubric.note, rubric.noteEn, language);
export const itemArea = (item: Texts, language: string) => pick(item.area, item.areaEn, language);
export const itemTitle = (item: Texts, language: string) => pick(item.title, item.titleEn, language);
