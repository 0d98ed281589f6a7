/**
 * LLM output is untrusted input: text is stripped of HTML, markdown images and links (the link
 * text stays, the URL goes), bare URLs and control characters, then length-limited.
 */
export const sanitiseText = (value: string, maxLength: number): string =>
  value
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1\s*>/giu, ' ')
    .replace(/<\/?[a-z!][^>]*>/giu, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/gu, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1')
    .replace(/\b(?:https?|ftp|javascript|data):\S*/giu, ' ')
    .replace(/[<>`*_#]/gu, '')
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .slice(0, maxLength)
    .trim();
