/** Vietnamese text helpers: store NFC, search without diacritics ("chieng coi" finds "Chiềng Cơi", "d" matches "đ"). */
export function toNfc(value: string): string {
  return value.normalize('NFC');
}

export function foldDiacritics(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Escapes LIKE wildcards so a user's "%" or "_" is searched literally. */
export function likePattern(query: string): string {
  return `%${foldDiacritics(query).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
