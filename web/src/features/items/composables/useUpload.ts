import { ref } from 'vue';

export type Uploaded = { id: string; fileName: string; mimeType: string; size: number; sha256: string };

/** What a failed upload looks like to ErrorMessage: the server's code, as GraphQL errors carry it. */
export type UploadError = { extensions: { code: string }; fileName: string };

/**
 * Uploads files to the attachment store: `POST /files?name=…` with the raw bytes, the header `X-Otklik-Upload: 1`
 * and the session cookie (same origin). Answers the stored attachments; attach them by id with `createItem` or
 * `attachFiles`.
 */
export function useUpload() {
  const uploading = ref(0);
  const error = ref<UploadError | null>(null);

  async function uploadOne(file: File): Promise<Uploaded | null> {
    uploading.value += 1;
    try {
      const res = await fetch(`/files?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'X-Otklik-Upload': '1', 'Content-Type': file.type || 'application/octet-stream' },
        body: file,
      });
      if (res.status !== 201) {
        const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
        error.value = { extensions: { code: body?.error?.code ?? 'UNKNOWN' }, fileName: file.name };
        return null;
      }
      return (await res.json()) as Uploaded;
    } catch {
      error.value = { extensions: { code: 'NETWORK' }, fileName: file.name };
      return null;
    } finally {
      uploading.value -= 1;
    }
  }

  async function upload(files: Iterable<File>): Promise<Uploaded[]> {
    error.value = null;
    const done = await Promise.all([...files].map(uploadOne));
    return done.filter((u): u is Uploaded => u !== null);
  }

  return { upload, uploading, error };
}

/** 1 536 → "1,5 КБ" in the interface language. */
export function formatSize(bytes: number, locale: string): string {
  const units = locale === 'en' ? ['B', 'KB', 'MB', 'GB'] : ['Б', 'КБ', 'МБ', 'ГБ'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'ru-RU', { maximumFractionDigits: unit ? 1 : 0 }).format(value);
  return `${number} ${units[unit]}`;
}
