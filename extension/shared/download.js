// @ts-check
// Offers text as a file download from an extension page (Blob + a[download]).

/** Downloads `text` as `name` (JSON by default). */
export function downloadText(text, name, type = 'application/json') {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
