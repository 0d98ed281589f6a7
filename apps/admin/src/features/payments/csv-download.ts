export type DownloadedFile = { url: string; fileName: string };

/**
 * The file name a `Content-Disposition` header gives (`attachment; filename="payouts-owed.csv"`,
 * or the RFC 5987 `filename*=UTF-8''…` form, which wins), reduced to a safe base name; the
 * fallback when there is none.
 */
export const fileNameFrom = (disposition: string | null, fallback: string): string => {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/.exec(disposition);
  let name: string | undefined;
  try {
    name = extended?.[1] ? decodeURIComponent(extended[1].trim()) : undefined;
  } catch {
    name = undefined;
  }
  name ??= plain?.[1] ?? plain?.[2];
  // Only the last path segment, and nothing that names a hidden or parent file.
  const base = name?.split(/[/\\]/).pop()?.trim();
  return base && !base.startsWith('.') ? base : fallback;
};

/**
 * Saves an object URL under a file name through a temporary link (what a download link does),
 * then frees the URL once the browser has started on it.
 */
export const saveFile = ({ url, fileName }: DownloadedFile, doc: Document = document) => {
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
};
