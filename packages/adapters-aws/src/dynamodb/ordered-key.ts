/**
 * Sort-key text whose DynamoDB order (UTF-8 bytes, i.e. code points) is the JavaScript order
 * (UTF-16 code units) of the original strings. The two differ only for U+E000..U+FFFF against
 * surrogates (characters above U+FFFF), which JavaScript sorts first. Each code unit is therefore
 * mapped on its own: below U+D800 unchanged, surrogates to U+10000.., U+E000..U+FFFF above those.
 */
export function orderedText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800) out += text[i];
    else if (unit < 0xe000) out += String.fromCodePoint(0x10000 + (unit - 0xd800));
    else out += String.fromCodePoint(0x10800 + (unit - 0xe000));
  }
  return out;
}

/** Shifts every JavaScript timestamp (±8.64e15 ms) and size into 0..1.728e16, written as 17 digits. */
const NUMBER_OFFSET = 8_640_000_000_000_000;
const NUMBER_WIDTH = 17;

/** A safe integer as fixed-width digits, so string order is numeric order (negative instants included). */
export function orderedNumber(value: number): string {
  return String(value + NUMBER_OFFSET).padStart(NUMBER_WIDTH, '0');
}

/**
 * Between a sort value and the id that breaks ties. It sorts below every character a value may
 * hold (digits, `~`, and filenames, which the domain keeps free of control characters), so
 * `value + SEPARATOR + id` orders by value first, then by id, also when one value prefixes another.
 */
export const KEY_SEPARATOR = '\u0001';

/**
 * DynamoDB caps a sort key at 1024 bytes. A filename of 255 code units can reach 1020 mapped bytes;
 * longer values are cut (on a code-point boundary) so value, separator and id always fit: photos whose
 * lowercased names agree on the first ~900 bytes then order by id.
 */
const MAX_VALUE_BYTES = 900;

/** `value` cut to at most {@link MAX_VALUE_BYTES} UTF-8 bytes. */
export function boundedValue(value: string): string {
  if (Buffer.byteLength(value) <= MAX_VALUE_BYTES) return value;
  let out = '';
  let bytes = 0;
  for (const char of value) {
    bytes += Buffer.byteLength(char);
    if (bytes > MAX_VALUE_BYTES) break;
    out += char;
  }
  return out;
}
