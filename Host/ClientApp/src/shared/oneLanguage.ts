/**
 * Messages the Host stored before it wrote them in one language (faults and journal entries of
 * earlier versions) read "活动已启动 / The campaign was already launched.", several such sentences
 * joined by spaces. The web client shows the part in the reader's language. Text that is not in
 * that form (anything written since, a name, a server's own English) is shown as it is.
 */
export function oneLanguage(text: string, language: string): string {
  const pairs = bilingualPairs(text);
  if (!pairs) return text;
  return pairs.map(([zh, en]) => (language === 'en' ? en : zh)).join(' ');
}

const cjk = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;

/** The (Chinese, English) pairs of a bilingual text, or null when it is not one. */
function bilingualPairs(text: string): [string, string][] | null {
  const parts = text.split(' / ');
  if (parts.length < 2) return null;
  const pairs: [string, string][] = [];
  let chinese = parts[0];
  for (let i = 1; i < parts.length; i++) {
    if (!cjk.test(chinese)) return null;
    const rest = parts[i];
    if (i === parts.length - 1) {
      pairs.push([chinese.trim(), rest.trim()]);
      break;
    }
    // "English of this pair. 中文 of the next": the next pair starts after the last sentence end
    // that is followed by Chinese.
    const boundary = lastSentenceEndBeforeChinese(rest);
    if (boundary < 0) return null;
    pairs.push([chinese.trim(), rest.slice(0, boundary).trim()]);
    chinese = rest.slice(boundary);
  }

  return pairs.every(([zh, en]) => zh.length > 0 && en.length > 0 && /^[A-Za-z0-9'"“‘(]/.test(en)) ? pairs : null;
}

function lastSentenceEndBeforeChinese(text: string): number {
  for (let i = text.length - 1; i > 0; i--) {
    if ((text[i - 1] === '.' || text[i - 1] === '!' || text[i - 1] === '?') && text[i] === ' ' && cjk.test(text.slice(i + 1, i + 2))) return i + 1;
  }
  return -1;
}
