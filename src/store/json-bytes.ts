/** Room left for growth past the expected size, so a write that grew a little fits at once. */
const SLACK_BYTES = 1024 * 1024;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `JSON.stringify(value)` encoded as UTF-8, built without ever holding the whole text as
 * one string. The objects of the first `depth` levels are written key by key, and what
 * lies below them one value at a time, straight into one buffer. A store file of 10,000
 * people is some 12 MB of JSON, which as one string is 24 MB (Japanese text makes it two
 * bytes a character) allocated in the old generation on every write, growing the heap by
 * hundreds of megabytes between collections; in pieces it is short-lived small strings,
 * and the text itself is held once, outside the JavaScript heap.
 *
 * `expectedBytes` (the size of the last write) sizes the buffer, so it is rarely grown.
 * Meant for plain JSON data (what a store keeps): values JSON.stringify leaves out of an
 * object (undefined, functions, symbols) are left out here too.
 */
export function jsonBytes(value: unknown, depth: number, expectedBytes = 0): Buffer {
  let buffer = Buffer.allocUnsafeSlow(expectedBytes + (expectedBytes >> 3) + SLACK_BYTES);
  let length = 0;
  const emit = (text: string) => {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (buffer.length - length < text.length * 3) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(buffer.length * 2, length + text.length * 3));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    length += buffer.write(text, length, 'utf-8');
  };
  const write = (item: unknown, levels: number) => {
    if (levels === 0 || !isPlainObject(item) || typeof item['toJSON'] === 'function') {
      emit(JSON.stringify(item));
      return;
    }
    let separator = '{';
    for (const key of Object.keys(item)) {
      const member = item[key];
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol')
        continue;
      emit(`${separator}${JSON.stringify(key)}:`);
      write(member, levels - 1);
      separator = ',';
    }
    emit(separator === '{' ? '{}' : '}');
  };
  write(value, depth);
  return buffer.subarray(0, length);
}
