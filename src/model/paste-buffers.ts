// Paste buffers (tmux's paste.c): named byte strings, kept newest first. Buffers created without a
// name are automatic (`buffer0`, `buffer1`…, numbers never reused) and only the newest
// `buffer-limit` of them are kept; named buffers (set-buffer -b, or renamed with -n) stay until
// deleted. Setting a buffer that exists replaces it and makes it the newest. Empty data never makes
// a buffer.

export interface PasteBuffer {
  readonly name: string;
  readonly data: Buffer;
  /** Seconds since the epoch. */
  readonly created: number;
  readonly automatic: boolean;
  /** Creation order: higher is newer. */
  readonly order: number;
}

export class PasteBuffers {
  private readonly byName = new Map<string, PasteBuffer>();
  private nextIndex = 0;
  private nextOrder = 0;

  /** How many automatic buffers to keep (the buffer-limit option, read when one is added). */
  constructor(private readonly limit: () => number) {}

  /** Every buffer, newest first. */
  list(): PasteBuffer[] {
    return [...this.byName.values()].sort((a, b) => b.order - a.order);
  }

  /** The newest buffer (what paste-buffer and save-buffer use without -b). */
  top(): PasteBuffer | undefined {
    return this.list()[0];
  }

  get(name: string): PasteBuffer | undefined {
    return name === '' ? undefined : this.byName.get(name);
  }

  delete(name: string): void {
    this.byName.delete(name);
  }

  /** Add an automatic buffer, dropping the oldest automatic ones beyond the limit. */
  add(data: Buffer, prefix = 'buffer'): PasteBuffer | undefined {
    if (data.length === 0) return undefined;
    const automatic = this.list().filter((b) => b.automatic);
    const limit = Math.max(1, this.limit());
    while (automatic.length >= limit) this.byName.delete(automatic.pop()!.name);
    let name: string;
    do name = `${prefix}${this.nextIndex++}`;
    while (this.byName.has(name));
    const buffer: PasteBuffer = { name, data, created: Math.floor(Date.now() / 1000), automatic: true, order: this.nextOrder++ };
    this.byName.set(name, buffer);
    return buffer;
  }

  /** Set a buffer by name (undefined: add an automatic one). Returns an error message or undefined. */
  set(data: Buffer, name?: string): string | undefined {
    if (data.length === 0) return undefined;
    if (name === undefined) {
      this.add(data);
      return undefined;
    }
    if (name === '') return 'empty buffer name';
    this.byName.set(name, { name, data, created: Math.floor(Date.now() / 1000), automatic: false, order: this.nextOrder++ });
    return undefined;
  }

  /** Rename a buffer; it stops being automatic. Returns an error message or undefined. */
  rename(from: string, to: string): string | undefined {
    if (from === '') return 'no buffer';
    if (to === '') return 'new name is empty';
    const buffer = this.byName.get(from);
    if (!buffer) return `no buffer ${from}`;
    if (this.byName.has(to)) return `buffer ${to} already exists`;
    this.byName.delete(from);
    this.byName.set(to, { ...buffer, name: to, automatic: false });
    return undefined;
  }
}

/**
 * The start of a buffer as tmux shows it (paste_make_sample): at most 200 bytes, control
 * characters and backslashes escaped C-style (\n, \t, \001, \\), "..." when cut.
 */
export function bufferSample(data: Buffer): string {
  const width = 200;
  const head = data.subarray(0, width);
  const text = visualiseBytes(head, true);
  if (data.length > width || text.length > width) return text.slice(0, width) + '...';
  return text;
}

const CSTYLE: Readonly<Record<number, string>> = { 0x0a: '\\n', 0x0d: '\\r', 0x08: '\\b', 0x07: '\\a', 0x0b: '\\v', 0x09: '\\t', 0x0c: '\\f', 0x00: '\\0' };

/**
 * Bytes made visible as tmux's utf8_strvis does with VIS_OCTAL|VIS_CSTYLE (and VIS_NL/VIS_TAB
 * when `escapeWhitespace`): UTF-8 characters kept, other bytes and controls escaped.
 */
export function visualiseBytes(data: Buffer, escapeWhitespace: boolean): string {
  let out = '';
  let i = 0;
  while (i < data.length) {
    const b = data[i];
    if (b >= 0x80) {
      const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
      const chunk = data.subarray(i, i + len);
      const decoded = len > 1 && chunk.length === len ? chunk.toString('utf8') : '\ufffd';
      if (!decoded.includes('\ufffd')) {
        out += decoded;
        i += len;
        continue;
      }
      out += '\\' + b.toString(8).padStart(3, '0');
      i++;
      continue;
    }
    if (b === 0x5c) out += '\\\\';
    // vis(3): NUL is \0 unless an octal digit follows, which would make it read as another number.
    else if (b === 0 && i + 1 < data.length && data[i + 1] >= 0x30 && data[i + 1] <= 0x37) out += '\\000';
    else if (!escapeWhitespace && (b === 0x0a || b === 0x09)) out += String.fromCharCode(b);
    else if (b < 0x20 || b === 0x7f) out += CSTYLE[b] ?? '\\' + b.toString(8).padStart(3, '0');
    else out += String.fromCharCode(b);
    i++;
  }
  return out;
}
