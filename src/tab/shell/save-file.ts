/** Save what the API returned as a file download (CSV exports, a person's data export). */
export function saveFile(filename: string, data: string | Blob, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(typeof data === 'string' ? new Blob([data], { type }) : data);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
